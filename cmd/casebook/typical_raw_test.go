package main

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"slices"
	"sync"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search/query"

	"casebook/search"
)

// rawSearcher sends the plain bleve requests that give the same hits and
// disjunctive counts as Index.Search: one with the hits, snippets and the
// counts of the unselected facets, and one count-only request per
// selected facet without that facet's selection (see counted), run
// concurrently. The
// fields, boosts and facet sizes are written out from the mapping, as a
// bleve user would; bleve's default highlighter makes the snippets.
type rawSearcher struct {
	idx bleve.Index
	a   analysis.Analyzer
}

var rawFacets = map[string]struct {
	field string
	size  int
}{
	"city": {"city", 60}, "country": {"country", 60}, "region": {"region", 30}, "theme": {"theme", 40},
	"year": {"year_k", 100}, "kind": {"kind", 10}, "lang": {"lang", 10},
}

var rawTextFields = []struct {
	field string
	boost float64
}{{"title", 3}, {"summary", 2}, {"headings", 1.5}, {"body", 1}}

var rawStored = []string{"title", "kind", "city", "theme", "year", "lang", "source", "lead"}

func newRawSearcher(b *testing.B, idx bleve.Index) *rawSearcher {
	a := idx.Mapping().AnalyzerNamed("casebook")
	if a == nil {
		b.Fatal("no analyzer casebook in the index mapping")
	}
	return &rawSearcher{idx: idx, a: a}
}

type rawResult struct {
	main   *bleve.SearchResult
	counts map[string]*bleve.SearchResult // per selected facet
}

func (r *rawSearcher) search(ctx context.Context, q benchQuery) (*rawResult, error) {
	text, filters := r.parts(q)
	main := bleve.NewSearchRequestOptions(rawQuery(text, filters, ""), 10, 0, false)
	main.Fields = rawStored
	main.SortBy([]string{"-_score", "_id"})
	main.Highlight = bleve.NewHighlight()
	main.Highlight.AddField("body")
	for name, f := range rawFacets {
		if !slices.ContainsFunc(counted(name), func(n string) bool { return filters[n] != nil }) {
			main.AddFacet(name, bleve.NewFacetRequest(f.field, f.size))
		}
	}
	res := &rawResult{counts: map[string]*bleve.SearchResult{}}
	var wg sync.WaitGroup
	var mu sync.Mutex
	var errs []error
	for name := range filters {
		wg.Go(func() {
			sr := bleve.NewSearchRequestOptions(rawQuery(text, filters, name), 0, 0, false)
			for _, n := range counted(name) {
				sr.AddFacet(n, bleve.NewFacetRequest(rawFacets[n].field, rawFacets[n].size))
			}
			out, err := r.idx.SearchInContext(ctx, sr)
			mu.Lock()
			defer mu.Unlock()
			errs = append(errs, err)
			for _, n := range counted(name) {
				res.counts[n] = out
			}
		})
	}
	var err error
	res.main, err = r.idx.SearchInContext(ctx, main)
	wg.Wait()
	for _, e := range append(errs, err) {
		if e != nil {
			return nil, e
		}
	}
	return res, nil
}

// counted are the facets a selection of facet leaves out of its count:
// a place selection all three place facets, as Casebook's place tree
// does (the benchmark selects at most one place facet).
func counted(facet string) []string {
	if place := []string{"region", "country", "city"}; slices.Contains(place, facet) {
		return place
	}
	return []string{facet}
}

// parts returns the query of the words and one filter per selection.
func (r *rawSearcher) parts(q benchQuery) (query.Query, map[string]query.Query) {
	filters := map[string]query.Query{"theme": anyTerm("theme", q.theme)}
	if q.city != "" {
		filters["city"] = anyTerm("city", q.city)
	} else {
		lo, hi, yes := float64(q.lo), float64(q.hi), true
		rq := bleve.NewNumericRangeInclusiveQuery(&lo, &hi, &yes, &yes)
		rq.SetField("year")
		filters["year"] = bleve.NewDisjunctionQuery(rq)
	}
	return r.text(q.words), filters
}

// matches counts how many of ids the request matches.
func (r *rawSearcher) matches(ctx context.Context, q benchQuery, ids []string) (uint64, error) {
	text, filters := r.parts(q)
	only := bleve.NewConjunctionQuery(bleve.NewDocIDQuery(ids), rawQuery(text, filters, ""))
	res, err := r.idx.SearchInContext(ctx, bleve.NewSearchRequestOptions(only, len(ids), 0, false))
	if err != nil {
		return 0, err
	}
	return res.Total, nil
}

// text needs every word, each in any text field with its boost.
func (r *rawSearcher) text(words []string) query.Query {
	b := bleve.NewBooleanQuery()
	for _, w := range words {
		for _, tok := range r.a.Analyze([]byte(w)) {
			d := bleve.NewDisjunctionQuery()
			for _, f := range rawTextFields {
				tq := bleve.NewTermQuery(string(tok.Term))
				tq.SetField(f.field)
				tq.SetBoost(f.boost)
				d.AddQuery(tq)
			}
			b.AddMust(d)
		}
	}
	return b
}

func rawQuery(text query.Query, filters map[string]query.Query, skip string) query.Query {
	parts := []query.Query{text}
	for _, name := range []string{"theme", "city", "year"} {
		if f, ok := filters[name]; ok && name != skip {
			parts = append(parts, f)
		}
	}
	return bleve.NewConjunctionQuery(parts...)
}

func anyTerm(field, v string) query.Query {
	tq := bleve.NewTermQuery(v)
	tq.SetField(field)
	return bleve.NewDisjunctionQuery(tq)
}

// checkQueries is how many requests checkSame compares.
const checkQueries = 20

// checkSame fails the benchmark unless Index.Search, the HTTP API and raw
// bleve agree on the total and the facet counts, and the API and HTTP on
// the top 10 ids. Raw bleve must have the same top 10 too when it scores
// as Casebook does (the same best score); when Casebook ranks with its
// own scoring, its top 10 must at least all be matches.
func checkSame(b *testing.B, ix *search.Index, raw *rawSearcher, c *http.Client, base string, qs []benchQuery) {
	ctx := context.Background()
	var total uint64
	same := 0
	for _, q := range qs[:checkQueries] {
		ours, err := ix.Search(ctx, q.request())
		if err != nil {
			b.Fatal(err)
		}
		theirs, err := raw.search(ctx, q)
		if err != nil {
			b.Fatal(err)
		}
		api, err := getAPI(c, q.url(base))
		if err != nil {
			b.Fatal(err)
		}
		want, ids := theirs.main.Total, ourIDs(ours)
		if ours.Total != want || uint64(api.Total) != want {
			b.Fatalf("%v: total %d, HTTP %d, raw bleve %d", q, ours.Total, api.Total, want)
		}
		if !slices.Equal(apiIDs(api), ids) {
			b.Fatalf("%v: HTTP %v, ours %v", q, apiIDs(api), ids)
		}
		if err := sameCounts(ours, theirs); err != nil {
			b.Fatalf("%v: %v", q, err)
		}
		if err := sameTop(ctx, raw, q, ours, theirs.main); err != nil {
			b.Fatalf("%v: %v", q, err)
		}
		if slices.Equal(ids, rawIDs(theirs.main)) {
			same++
		}
		total += want
	}
	b.Logf("%d requests agree on totals and counts, %d on the top 10 ids; %d hits a request on average",
		checkQueries, same, total/checkQueries)
}

// sameTop checks the top 10: the same as raw bleve's under the same
// scoring, else all matches.
func sameTop(ctx context.Context, raw *rawSearcher, q benchQuery, ours *search.Result, theirs *bleve.SearchResult) error {
	ids, want := ourIDs(ours), rawIDs(theirs)
	if slices.Equal(ids, want) || len(ids) == 0 {
		return nil
	}
	if len(theirs.Hits) > 0 && math.Abs(ours.Hits[0].Score-theirs.Hits[0].Score) <= 1e-9*theirs.Hits[0].Score {
		return fmt.Errorf("top 10 %v, raw bleve %v", ids, want)
	}
	n, err := raw.matches(ctx, q, ids)
	if err != nil {
		return err
	}
	if n != uint64(len(ids)) {
		return fmt.Errorf("only %d of the top 10 %v match", n, ids)
	}
	return nil
}

// sameCounts compares every facet's non-zero counts.
func sameCounts(ours *search.Result, raw *rawResult) error {
	for _, f := range ours.Facets {
		src := raw.main
		if sr, ok := raw.counts[f.Name]; ok {
			src = sr
		}
		want := map[string]int{}
		if fr := src.Facets[f.Name]; fr != nil && fr.Terms != nil {
			for _, t := range fr.Terms.Terms() {
				want[t.Term] = t.Count
			}
		}
		got := map[string]int{}
		for _, v := range f.Values {
			if v.Count > 0 {
				got[v.Value] = v.Count
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			return fmt.Errorf("facet %s: ours %v, raw bleve %v", f.Name, got, want)
		}
	}
	return nil
}

func ourIDs(r *search.Result) []string {
	var ids []string
	for _, h := range r.Hits {
		ids = append(ids, h.ID)
	}
	return ids
}

func rawIDs(r *bleve.SearchResult) []string {
	var ids []string
	for _, h := range r.Hits {
		ids = append(ids, h.ID)
	}
	return ids
}

func apiIDs(r apiResult) []string {
	var ids []string
	for _, h := range r.Hits {
		ids = append(ids, h.ID)
	}
	return ids
}
