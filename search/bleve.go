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
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
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
	proximity []query.Query          // re-rank text's best hits (see reranker)
	filters   map[string]query.Query // per selected facet, the place facets as one (filterKey)
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
	text, prox, err := textQuery(Query{Terms: words}, x)
	if err != nil {
		return nil, err
	}
	p.text, p.proximity, p.fieldMust, p.fieldNot, p.notes, p.hasWords = text, prox, must, not, slices.Concat(p.notes, notes, x.notes), text != nil
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
	place := map[string][]string{}
	for facet, values := range req.Filters {
		if len(values) == 0 {
			continue
		}
		if filterKey(facet) == groupPlace {
			place[facet] = values
			continue
		}
		fq, err := filterQuery(facet, values)
		if err != nil {
			return nil, err
		}
		p.filters[facet] = fq
	}
	if len(place) > 0 {
		fq, err := placeFilter(place)
		if err != nil {
			return nil, err
		}
		p.filters[groupPlace] = fq
	}
	if err := p.addExcludes(req.Exclude); err != nil {
		return nil, err
	}
	if !req.Internal {
		p.fieldNot = append(p.fieldNot, internalQuery()) // see Scope
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
	main, counted := ix.mainRequest(req, p)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var firstErr error
	counts := map[string]*bleve.SearchResult{}
	for key := range p.filters {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fr, err := ix.countOnly(ctx, p.query(key), keyFacets(key))
			mu.Lock()
			defer mu.Unlock()
			if err != nil && firstErr == nil {
				firstErr = fmt.Errorf("search: counting %s: %w", key, err)
			}
			for _, facet := range keyFacets(key) {
				counts[facet] = &bleve.SearchResult{Facets: fr}
			}
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
	sr, err := ix.idx.SearchInContext(counted.rr.context(ctx), main)
	wg.Wait()
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	if firstErr != nil {
		return nil, firstErr
	}
	sr.Facets = counted.counts
	res := &Result{Total: sr.Total, Page: req.Page, Size: req.Size, Notes: p.notes}
	sr.Hits, res.Next, res.Prev = p.page.cut(req, p.sort, p.order, sr.Hits)
	res.Hits = toHits(sr)
	res.Facets = toFacets(req, sr, counts, excluded)
	return res, nil
}

// mainRequest asks for the page of hits; the facets that are not
// selected are counted by its query (see countingQuery).
func (ix *Index) mainRequest(req Request, p *plan) (*bleve.SearchRequest, *countingQuery) {
	q := &countingQuery{ix: ix, q: p.query(""), rr: p.reranker()}
	for _, facet := range FacetNames {
		if _, selected := p.filters[filterKey(facet)]; !selected {
			q.facets = append(q.facets, facet)
		}
	}
	sr := bleve.NewSearchRequestOptions(q, req.Size, 0, false)
	p.page.setPage(sr, req)
	sr.Fields = hitFields
	sr.SortBy(p.order)
	if p.hasWords {
		sr.Highlight = bleve.NewHighlightWithStyle(highlighterName)
		sr.Highlight.AddField(fieldBody)
	}
	return sr, q
}

// countOnly counts the values of the facets of one selection as if that
// selection were not applied (disjunctive facets): no scores, no hits.
func (ix *Index) countOnly(ctx context.Context, q query.Query, facets []string) (bsearch.FacetResults, error) {
	r, err := ix.reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	ids, err := matchIDs(ctx, r, ix.idx.Mapping(), q)
	if err != nil {
		return nil, err
	}
	return ix.countFacets(ctx, r, ids, facets)
}

// countFacets counts the values of facets among ids, documents of the
// snapshot r.
func (ix *Index) countFacets(ctx context.Context, r index.IndexReader, ids []index.IndexInternalID, facets []string) (bsearch.FacetResults, error) {
	out := bsearch.FacetResults{}
	for _, facet := range facets {
		t, err := ix.facets.table(ctx, r, facetField[facet])
		if err != nil {
			return nil, fmt.Errorf("search: values of %s: %w", facet, err)
		}
		out[facet] = t.count(facetField[facet], facetSize[facet], ids)
	}
	return out, nil
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

// countingQuery matches what q matches, with q's scores, and counts the
// values of facets among the matches. The matches are found first,
// without scores, which bleve does by merging and intersecting postings;
// then q's scoring searchers visit those documents only (onlyReader).
// With rr, the best hits are re-ranked (see reranker).
type countingQuery struct {
	ix     *Index
	q      query.Query
	facets []string
	rr     *reranker
	counts bsearch.FacetResults // set by Searcher
}

func (c *countingQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, opts bsearch.SearcherOptions) (bsearch.Searcher, error) {
	ids, err := matchIDs(ctx, r, m, c.q)
	if err != nil {
		return nil, err
	}
	if c.counts, err = c.ix.countFacets(ctx, r, ids, c.facets); err != nil {
		return nil, err
	}
	only := onlyReader{IndexReader: r, ids: ids}
	if c.rr != nil {
		return c.rr.searcher(ctx, c.q, only, m, opts)
	}
	return c.q.Searcher(ctx, only, m, opts)
}

// matchIDs lists the internal ids of the documents q matches, in order.
func matchIDs(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, q query.Query) ([]index.IndexInternalID, error) {
	return collectIDs(ctx, r, m, matchingOnly(q), bsearch.SearcherOptions{Score: bleve.ScoreNone})
}

// matchingOnly is q without what only changes scores: the optional
// clauses of a boolean query that has required ones (Casebook's tag
// boosts) and the scoring set-up around text queries. Bleve would
// evaluate them for every document even when nothing is scored.
func matchingOnly(q query.Query) query.Query {
	switch q := q.(type) {
	case scoredQuery:
		return matchingOnly(q.q)
	case *query.BooleanQuery:
		b := *q
		if d, ok := q.Should.(*query.DisjunctionQuery); ok && q.Must != nil && d.Min == 0 {
			b.Should = nil
		}
		if q.Must != nil {
			b.Must = matchingOnly(q.Must)
		}
		if b.Should != nil {
			b.Should = matchingOnly(q.Should)
		}
		return &b
	case *query.ConjunctionQuery:
		if len(q.Conjuncts) == 1 {
			return matchingOnly(q.Conjuncts[0])
		}
		c := *q
		c.Conjuncts = matchingAll(q.Conjuncts)
		return &c
	case *query.DisjunctionQuery:
		if len(q.Disjuncts) == 1 && q.Min <= 1 {
			return matchingOnly(q.Disjuncts[0]) // so bleve can merge postings
		}
		d := *q
		d.Disjuncts = matchingAll(q.Disjuncts)
		return &d
	}
	return q
}

func matchingAll(qs []query.Query) []query.Query {
	out := make([]query.Query, len(qs))
	for i, q := range qs {
		out[i] = matchingOnly(q)
	}
	return out
}

func collectIDs(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, q query.Query, opts bsearch.SearcherOptions) ([]index.IndexInternalID, error) {
	s, err := q.Searcher(ctx, r, m, opts)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	sctx := &bsearch.SearchContext{DocumentMatchPool: bsearch.NewDocumentMatchPool(s.DocumentMatchPoolSize()+1, 0), IndexReader: r}
	var buf []byte
	var ends []int
	for n := 1; ; n++ {
		if n%4096 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		dm, err := s.Next(sctx)
		if err != nil {
			return nil, err
		}
		if dm == nil {
			break
		}
		buf = append(buf, dm.IndexInternalID...)
		ends = append(ends, len(buf))
		sctx.DocumentMatchPool.Put(dm)
	}
	ids := make([]index.IndexInternalID, len(ends))
	start := 0
	for i, end := range ends {
		ids[i], start = buf[start:end:end], end
	}
	return ids, nil
}

// onlyReader is r with every posting list cut to ids, the documents the
// search matches: searchers built on it visit only those, and score them
// as on r, since frequencies, lengths and document counts still come
// from r. Without it a scoring searcher visits every document its parts
// lead it to: a conjunction leapfrogs through its words' postings, and a
// phrase clause that only adds to scores looks for its next occurrence
// anywhere in the index.
type onlyReader struct {
	index.IndexReader
	ids []index.IndexInternalID
	tee *reranker // records the postings it needs; may be nil
}

func (o onlyReader) TermFieldReader(ctx context.Context, term []byte, field string, freq, norm, vectors bool) (index.TermFieldReader, error) {
	tee := freq && norm && o.tee.wants(term, field)
	tfr, err := o.IndexReader.TermFieldReader(ctx, term, field, freq, norm, vectors || tee)
	if err != nil {
		return nil, err
	}
	p := &onlyPostings{TermFieldReader: tfr, ids: o.ids}
	if tee {
		p.tee, p.dropVectors = o.tee.record(term, field, tfr.Count()), !vectors
	}
	return p, nil
}

func (o onlyReader) DocIDReaderAll() (index.DocIDReader, error) {
	return &onlyDocs{ids: o.ids}, nil
}

// FieldCardinality serves BM25 scoring as r does.
func (o onlyReader) FieldCardinality(field string) (int, error) {
	if b, ok := o.IndexReader.(index.BM25Reader); ok {
		return b.FieldCardinality(field)
	}
	return 0, nil
}

// FieldDictContains spares numeric ranges the look-up of absent terms,
// as r does.
func (o onlyReader) FieldDictContains(field string) (index.FieldDictContains, error) {
	if c, ok := o.IndexReader.(index.IndexReaderContains); ok {
		return c.FieldDictContains(field)
	}
	return nil, fmt.Errorf("search: %T cannot look up terms", o.IndexReader)
}

// onlyPostings is a posting list cut to ids.
type onlyPostings struct {
	index.TermFieldReader
	ids         []index.IndexInternalID
	next        int      // ids[next:] are not yet passed
	tee         *teeList // records what it returns; may be nil
	dropVectors bool     // read for tee only
}

func (p *onlyPostings) Next(pre *index.TermFieldDoc) (*index.TermFieldDoc, error) {
	if p.next >= len(p.ids) {
		return nil, nil
	}
	return p.Advance(p.ids[p.next], pre)
}

func (p *onlyPostings) Advance(id index.IndexInternalID, pre *index.TermFieldDoc) (*index.TermFieldDoc, error) {
	for {
		for p.next < len(p.ids) && p.ids[p.next].Compare(id) < 0 {
			p.next++
		}
		if p.next >= len(p.ids) {
			return nil, nil
		}
		d, err := p.TermFieldReader.Advance(p.ids[p.next], pre)
		if err != nil || d == nil {
			return d, err
		}
		if d.ID.Compare(p.ids[p.next]) == 0 {
			p.next++
			if p.tee != nil {
				p.tee.add(d, p.dropVectors)
			}
			return d, nil
		}
		id = slices.Clone(d.ID) // the term skips this one: on to the next it has
	}
}

// onlyDocs lists ids.
type onlyDocs struct {
	ids  []index.IndexInternalID
	next int
}

func (d *onlyDocs) Next() (index.IndexInternalID, error) {
	if d.next >= len(d.ids) {
		return nil, nil
	}
	d.next++
	return d.ids[d.next-1], nil
}

func (d *onlyDocs) Advance(id index.IndexInternalID) (index.IndexInternalID, error) {
	for d.next < len(d.ids) && d.ids[d.next].Compare(id) < 0 {
		d.next++
	}
	return d.Next()
}

func (d *onlyDocs) Size() int    { return 0 }
func (d *onlyDocs) Close() error { return nil }
