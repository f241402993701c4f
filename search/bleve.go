package search

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Limits on requests.
const (
	DefaultSize = 10
	MaxSize     = 100
	maxOffset   = 10000
)

// facetSize is how many values each facet returns.
var facetSize = map[string]int{
	FacetCity: 60, FacetCountry: 60, FacetRegion: 30, FacetTheme: 40, FacetYear: 100, FacetKind: 10, FacetLang: 10,
}

// hitFields are the stored fields a result list shows.
var hitFields = []string{fieldTitle, "kind", "city", "theme", fieldYear, "lang", fieldSource, fieldLead}

// Search runs req: the hits and the facets whose values are not selected
// in one bleve search, one count-only search per selected facet with
// that facet's own selection left out, and one per excluded value (see
// Request.Exclude), all concurrently.
func (ix *Index) Search(ctx context.Context, req Request) (*Result, error) {
	start := time.Now()
	req, err := normalise(req)
	if err != nil {
		return nil, err
	}
	if _, ok := ctx.Deadline(); !ok && ix.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, ix.Timeout)
		defer cancel()
	}
	plan, err := ix.plan(req)
	if err != nil {
		return nil, err
	}
	res, err := ix.run(ctx, req, plan)
	if err != nil {
		return nil, err
	}
	if res, err = ix.retryWithFixes(ctx, req, plan, res); err != nil {
		return nil, err
	}
	res.Took = time.Since(start)
	return res, nil
}

// normalise applies defaults and checks paging and sort.
func normalise(req Request) (Request, error) {
	if req.Page < 1 {
		req.Page = 1
	}
	if req.Size <= 0 {
		req.Size = DefaultSize
	}
	if req.Size > MaxSize {
		return req, fmt.Errorf("%w: size %d over %d", ErrBadRequest, req.Size, MaxSize)
	}
	if req.After == "" && req.Before == "" && (req.Page-1)*req.Size > maxOffset {
		return req, fmt.Errorf("%w: page %d is too deep", ErrBadRequest, req.Page)
	}
	switch req.Sort {
	case "", SortRelevance, SortNewest, SortOldest, SortTitle:
	default:
		return req, fmt.Errorf("%w: unknown sort %q", ErrBadRequest, req.Sort)
	}
	return req, nil
}

// plan holds the built parts of a request.
type plan struct {
	text      query.Query            // nil: match all
	filters   map[string]query.Query // per selected facet
	fieldMust []query.Query          // city:, theme:, year: ... typed in the query
	fieldNot  []query.Query          // the same, negated
	notes     []string               // how the query was read, where it matters
	hasWords  bool                   // words are searched: rank by relevance, highlight
	excludes  map[string]query.Query // per facet with excluded values: must not match
	sort      string                 // the order really used (see effectiveSort)
	order     []string               // the same in bleve's terms
	page      cursorPage
}

// planQuery builds the query part of a plan: a boolean tree as it is
// written, a plain list of terms with textQuery's rules for long lists.
func (ix *Index) planQuery(q Query, a analysis.Analyzer, fixes map[string]correction) (*plan, error) {
	p := &plan{filters: map[string]query.Query{}, notes: q.Notes}
	x := ix.newExpander(a)
	x.fuzzy = fixes
	if q.Root != nil {
		c := &compiler{ix: ix, x: x}
		text, err := c.compile(q.Root)
		if err != nil {
			return nil, err
		}
		p.text, p.hasWords, p.notes = text, c.hasWords, slices.Concat(p.notes, c.notes, x.notes)
		return p, nil
	}
	must, not, words, notes, err := ix.fieldClauses(q.Terms)
	if err != nil {
		return nil, err
	}
	text, err := textQuery(Query{Terms: words}, x)
	if err != nil {
		return nil, err
	}
	p.text, p.fieldMust, p.fieldNot, p.notes, p.hasWords = text, must, not, slices.Concat(p.notes, notes, x.notes), text != nil
	return p, nil
}

func (ix *Index) plan(req Request) (*plan, error) {
	a := ix.idx.Mapping().AnalyzerNamed(textAnalyzer)
	if a == nil {
		return nil, fmt.Errorf("search: analyzer %q missing", textAnalyzer)
	}
	p, err := ix.planQuery(ParseQuery(req.Query), a, req.fixes)
	if err != nil {
		return nil, err
	}
	for facet, values := range req.Filters {
		if len(values) == 0 {
			continue
		}
		fq, err := filterQuery(facet, values)
		if err != nil {
			return nil, err
		}
		p.filters[facet] = fq
	}
	if err := p.addExcludes(req.Exclude); err != nil {
		return nil, err
	}
	p.sort, p.order = effectiveSort(req.Sort, p.hasWords), sortOrder(req.Sort, p.hasWords)
	if p.page, err = readCursor(req, p.sort, p.order); err != nil {
		return nil, err
	}
	return p, nil
}

// query combines the text with every filter except the one named skip.
func (p *plan) query(skip string) query.Query {
	parts := []query.Query{}
	if p.text != nil {
		parts = append(parts, p.text)
	}
	for facet, fq := range p.filters {
		if facet != skip {
			parts = append(parts, fq)
		}
	}
	parts = append(parts, p.fieldMust...)
	var q query.Query
	switch len(parts) {
	case 0:
		q = bleve.NewMatchAllQuery()
	case 1:
		q = parts[0]
	default:
		q = bleve.NewConjunctionQuery(parts...)
	}
	nots := p.nots()
	if len(nots) == 0 {
		return q
	}
	b := bleve.NewBooleanQuery()
	b.AddMust(q)
	b.AddMustNot(nots...)
	return b
}

func (ix *Index) run(ctx context.Context, req Request, p *plan) (*Result, error) {
	main := ix.mainRequest(req, p)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var firstErr error
	counts := map[string]*bleve.SearchResult{}
	for facet := range p.filters {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sr, err := ix.idx.SearchInContext(ctx, facetRequest(facet, p))
			mu.Lock()
			defer mu.Unlock()
			if err != nil && firstErr == nil {
				firstErr = fmt.Errorf("search: counting %s: %w", facet, err)
			}
			counts[facet] = sr
		}()
	}
	var excluded map[string]map[string]int
	if len(req.Exclude) > 0 {
		wg.Go(func() {
			var err error
			excluded, err = ix.countExcluded(ctx, p, req.Exclude)
			mu.Lock()
			defer mu.Unlock()
			firstErr = cmpErr(firstErr, err)
		})
	}
	sr, err := ix.idx.SearchInContext(ctx, main)
	wg.Wait()
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	if firstErr != nil {
		return nil, firstErr
	}
	res := &Result{Total: sr.Total, Page: req.Page, Size: req.Size, Notes: p.notes}
	sr.Hits, res.Next, res.Prev = p.page.cut(req, p.sort, p.order, sr.Hits)
	res.Hits = toHits(sr)
	res.Facets = toFacets(req, sr, counts, excluded)
	return res, nil
}

func (ix *Index) mainRequest(req Request, p *plan) *bleve.SearchRequest {
	sr := bleve.NewSearchRequestOptions(p.query(""), req.Size, 0, false)
	p.page.setPage(sr, req)
	sr.Fields = hitFields
	sr.SortBy(p.order)
	if p.hasWords {
		sr.Highlight = bleve.NewHighlightWithStyle(highlighterName)
		sr.Highlight.AddField(fieldBody)
	}
	for _, facet := range FacetNames {
		if _, selected := p.filters[facet]; !selected {
			sr.AddFacet(facet, bleve.NewFacetRequest(facetField[facet], facetSize[facet]))
		}
	}
	return sr
}

// facetRequest counts one selected facet's values as if its own
// selection were not applied (disjunctive facets).
func facetRequest(facet string, p *plan) *bleve.SearchRequest {
	sr := bleve.NewSearchRequestOptions(p.query(facet), 0, 0, false)
	sr.AddFacet(facet, bleve.NewFacetRequest(facetField[facet], facetSize[facet]))
	return sr
}

// sortOrder maps a sort name to bleve's; the id breaks ties so pages are
// stable. With no words, relevance means newest first.
func sortOrder(s string, hasText bool) []string {
	if s == "" || s == SortRelevance {
		if !hasText {
			s = SortNewest
		} else {
			return []string{"-_score", "_id"}
		}
	}
	switch s {
	case SortNewest:
		return []string{"-" + fieldYear, fieldTitleSort, "_id"}
	case SortOldest:
		return []string{fieldYear, fieldTitleSort, "_id"}
	}
	return []string{fieldTitleSort, "_id"}
}

// sortValues orders facet values: years chronologically, others by count.
func sortValues(facet string, vs []FacetValue) {
	sort.SliceStable(vs, func(i, j int) bool {
		if facet == FacetYear {
			return vs[i].Value < vs[j].Value
		}
		if vs[i].Count != vs[j].Count {
			return vs[i].Count > vs[j].Count
		}
		return vs[i].Value < vs[j].Value
	})
}
