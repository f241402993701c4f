package search

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"casebook/data"
)

// Relater finds documents like a given one. Index implements it; the web
// layer checks for it, so an engine without it still serves search.
type Relater interface {
	// Related returns up to n documents like the one with id, best first,
	// never the document itself or an exact copy of it, from those sc may
	// see. It returns an error wrapping data.ErrNotFound when id is not
	// in the index or sc may not see it.
	Related(ctx context.Context, id string, n int, sc Scope) ([]Hit, error)
}

var _ Relater = (*Index)(nil)

// Tuning of Related. The affinity shares are multipliers on the text
// score, so they reorder documents of similar text but do not lift an
// unrelated document above a related one.
const (
	relatedTerms  = 25   // distinctive terms in the query
	relatedPool   = 40   // candidates re-ranked for city and theme affinity
	relatedMax    = 20   // the most hits Related returns
	relatedSlack  = 4    // extra hits fetched to make up for duplicates
	cityAffinity  = 0.3  // added to the multiplier for sharing a city
	themeAffinity = 0.2  // added for sharing every theme, in part for some
	minRelated    = 0.15 // hits scoring under this share of the best are left out
)

// relatedFields are the text fields the distinctive terms are looked
// for in, with their boosts.
var relatedFields = []struct {
	field string
	boost float64
}{
	{fieldTitle, 2}, {fieldSummary, 1.5}, {fieldHeadings, 1.2}, {fieldBody, 1},
}

// Related finds the documents most like the one with id: a disjunction
// of its most distinctive terms (see distinctive), re-ranked to favour
// documents that share its cities and themes. A document without
// searchable text is matched on its cities and themes alone.
func (ix *Index) Related(ctx context.Context, id string, n int, sc Scope) ([]Hit, error) {
	if n <= 0 {
		return nil, nil
	}
	n = min(n, relatedMax)
	ctx, cancel := ix.withTimeout(ctx)
	defer cancel()
	src, err := ix.loadSeed(ctx, id, sc)
	if err != nil {
		return nil, err
	}
	r, err := ix.reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	terms, err := ix.distinctive(ctx, r, src)
	if err != nil {
		return nil, err
	}
	q := relatedQuery(src, terms)
	if q == nil {
		return nil, nil
	}
	q = scoped(q, sc)
	cands, err := ix.candidates(ctx, q)
	if err != nil {
		return nil, err
	}
	if err := rerank(r, cands, src); err != nil {
		return nil, err
	}
	hits, err := ix.fetchRelated(ctx, q, cands[:min(len(cands), n+relatedSlack)])
	if err != nil {
		return nil, err
	}
	return withoutCopies(hits, src, n), nil
}

// seed is the document Related starts from, as the index holds it.
type seed struct {
	id, title, lead string
	body            []string // one value per page for paged originals
	cities, themes  []string
}

func (ix *Index) loadSeed(ctx context.Context, id string, sc Scope) (*seed, error) {
	sr := bleve.NewSearchRequestOptions(scoped(bleve.NewDocIDQuery([]string{id}), sc), 1, 0, false)
	sr.Fields = []string{fieldTitle, fieldBody, fieldLead, "city", "theme"}
	res, err := ix.idx.SearchInContext(ctx, sr)
	if err != nil {
		return nil, fmt.Errorf("search.Related %q: %w", id, err)
	}
	if len(res.Hits) == 0 {
		return nil, fmt.Errorf("search.Related %q: %w", id, data.ErrNotFound)
	}
	f := res.Hits[0].Fields
	return &seed{
		id: id, title: str(f[fieldTitle]), lead: str(f[fieldLead]), body: strs(f[fieldBody]),
		cities: strs(f["city"]), themes: strs(f["theme"]),
	}, nil
}

// relatedQuery matches documents with any of the terms, each boosted by
// its weight, or with the seed's cities or themes when it has no
// terms. The seed itself is excluded, and so are newsletter issues: an
// issue page holds articles that are documents of their own, so it
// would come first for each of them without being a practice itself.
// It returns nil when there is nothing to match on.
func relatedQuery(src *seed, terms []weighted) query.Query {
	d := bleve.NewDisjunctionQuery()
	for _, t := range terms {
		for _, f := range relatedFields {
			tq := bleve.NewTermQuery(t.term)
			tq.SetField(f.field)
			tq.SetBoost(f.boost * t.weight / terms[0].weight)
			d.AddQuery(tq)
		}
	}
	if len(terms) == 0 {
		d.AddQuery(anyValue(FacetCity, src.cities)...)
		d.AddQuery(anyValue(FacetTheme, src.themes)...)
	}
	if len(d.Disjuncts) == 0 {
		return nil
	}
	b := bleve.NewBooleanQuery()
	b.AddMust(d)
	issues := bleve.NewTermQuery(data.KindNewsletterIssue)
	issues.SetField(facetField[FacetKind])
	b.AddMustNot(bleve.NewDocIDQuery([]string{src.id}), issues)
	return b
}

func anyValue(facet string, values []string) []query.Query {
	var out []query.Query
	for _, v := range values {
		tq := bleve.NewTermQuery(v)
		tq.SetField(facetField[facet])
		out = append(out, tq)
	}
	return out
}

// candidate is a document id with its score.
type candidate struct {
	id    string
	score float64
}

func (ix *Index) candidates(ctx context.Context, q query.Query) ([]candidate, error) {
	sr := bleve.NewSearchRequestOptions(q, relatedPool, 0, false)
	sr.SortBy([]string{"-_score", "_id"})
	res, err := ix.idx.SearchInContext(ctx, sr)
	if err != nil {
		return nil, fmt.Errorf("search.Related: %w", err)
	}
	out := make([]candidate, 0, len(res.Hits))
	for _, h := range res.Hits {
		out = append(out, candidate{id: h.ID, score: h.Score})
	}
	return out, nil
}

// rerank multiplies each candidate's score by its affinity with the
// seed (shared cities and themes, read from doc values), sorts the
// candidates and drops those far below the best.
func rerank(r index.IndexReader, cands []candidate, src *seed) error {
	dvr, err := r.DocValueReader([]string{facetField[FacetCity], facetField[FacetTheme]})
	if err != nil {
		return fmt.Errorf("search.Related: doc values: %w", err)
	}
	for i := range cands {
		iid, err := r.InternalID(cands[i].id)
		if err != nil {
			return fmt.Errorf("search.Related: %w", err)
		}
		if iid == nil {
			continue // deleted since the search
		}
		city, themes := false, 0
		err = dvr.VisitDocValues(iid, func(field string, term []byte) {
			switch {
			case field == facetField[FacetCity] && slices.Contains(src.cities, string(term)):
				city = true
			case field == facetField[FacetTheme] && slices.Contains(src.themes, string(term)):
				themes++
			}
		})
		if err != nil {
			return fmt.Errorf("search.Related: doc values: %w", err)
		}
		cands[i].score *= affinity(city, themes, len(src.themes))
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].score != cands[j].score {
			return cands[i].score > cands[j].score
		}
		return cands[i].id < cands[j].id
	})
	return nil
}

func affinity(sharesCity bool, sharedThemes, themes int) float64 {
	m := 1.0
	if sharesCity {
		m += cityAffinity
	}
	if themes > 0 {
		m += themeAffinity * float64(min(sharedThemes, themes)) / float64(themes)
	}
	return m
}

// fetched is a hit with its stored lead, by which copies are found.
type fetched struct {
	hit  Hit
	lead string
}

// fetchRelated loads the display fields and snippets of cands, in their order
// and with their scores, leaving out those far below the best.
func (ix *Index) fetchRelated(ctx context.Context, q query.Query, cands []candidate) ([]fetched, error) {
	if len(cands) == 0 {
		return nil, nil
	}
	ids := make([]string, 0, len(cands))
	for _, c := range cands {
		if c.score >= minRelated*cands[0].score {
			ids = append(ids, c.id)
		}
	}
	sr := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(bleve.NewDocIDQuery(ids), q), len(ids), 0, false)
	sr.Fields = hitFields
	sr.Highlight = bleve.NewHighlightWithStyle(highlighterName)
	sr.Highlight.AddField(fieldBody)
	res, err := ix.idx.SearchInContext(ctx, sr)
	if err != nil {
		return nil, fmt.Errorf("search.Related: %w", err)
	}
	byID := map[string]fetched{}
	for i, h := range toHits(res) {
		byID[h.ID] = fetched{hit: h, lead: str(res.Hits[i].Fields[fieldLead])}
	}
	out := make([]fetched, 0, len(ids))
	for _, c := range cands[:len(ids)] {
		if f, ok := byID[c.id]; ok {
			f.hit.Score = c.score
			out = append(out, f)
		}
	}
	return out, nil
}

// withoutCopies drops exact copies of the seed and of earlier hits
// (the same title and opening text), keeping at most n hits.
func withoutCopies(hits []fetched, src *seed, n int) []Hit {
	seen := map[string]bool{copyKey(src.title, src.lead): true}
	out := make([]Hit, 0, n)
	for _, f := range hits {
		k := copyKey(f.hit.Title, f.lead)
		if seen[k] {
			continue
		}
		seen[k] = true
		if out = append(out, f.hit); len(out) == n {
			break
		}
	}
	return out
}

func copyKey(title, lead string) string {
	return strings.ToLower(strings.Join(strings.Fields(title), " ")) + "\x00" + lead
}
