package search

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// addExcludes builds one must-not query per facet with excluded values.
func (p *plan) addExcludes(exclude map[string][]string) error {
	for facet, values := range exclude {
		if len(values) == 0 {
			continue
		}
		q, err := filterQuery(facet, values)
		if err != nil {
			return err
		}
		if p.excludes == nil {
			p.excludes = map[string]query.Query{}
		}
		p.excludes[facet] = q
	}
	return nil
}

// nots is every clause a hit must not match: negated field terms, then
// exclusions in facet order so that the query is the same every time.
func (p *plan) nots() []query.Query {
	out := slices.Clone(p.fieldNot)
	for _, facet := range FacetNames {
		if q, ok := p.excludes[facet]; ok {
			out = append(out, q)
		}
	}
	return out
}

// excludedCount counts the hits excluded value v of facet would bring
// back on its own: its facet's selection (all places for a place) is replaced by v and its
// exclusion by the other excluded values of that facet.
func (p *plan) excludedCount(facet, v string, excluded []string) (*bleve.SearchRequest, error) {
	q := *p
	fq, err := filterQuery(facet, []string{v})
	if err != nil {
		return nil, err
	}
	q.filters = maps.Clone(p.filters)
	q.filters[filterKey(facet)] = fq
	q.excludes = maps.Clone(p.excludes)
	delete(q.excludes, facet)
	if rest := slices.DeleteFunc(slices.Clone(excluded), func(s string) bool { return s == v }); len(rest) > 0 {
		if q.excludes[facet], err = filterQuery(facet, rest); err != nil {
			return nil, err
		}
	}
	return bleve.NewSearchRequestOptions(q.query(""), 0, 0, false), nil
}

// countExcluded runs one count-only search per excluded value, year
// ranges left out (they show as chips, not values), concurrently.
func (ix *Index) countExcluded(ctx context.Context, p *plan, exclude map[string][]string) (map[string]map[string]int, error) {
	type count struct {
		facet, value string
		req          *bleve.SearchRequest
	}
	var counts []count
	for facet, values := range exclude {
		for _, v := range values {
			if isYearRange(facet, v) {
				continue
			}
			sr, err := p.excludedCount(facet, v, values)
			if err != nil {
				return nil, err
			}
			counts = append(counts, count{facet, v, sr})
		}
	}
	out := map[string]map[string]int{}
	var wg sync.WaitGroup
	var mu sync.Mutex
	var firstErr error
	for _, c := range counts {
		wg.Go(func() {
			res, err := ix.idx.SearchInContext(ctx, c.req)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				firstErr = cmpErr(firstErr, fmt.Errorf("search: counting excluded %s %q: %w", c.facet, c.value, err))
				return
			}
			if out[c.facet] == nil {
				out[c.facet] = map[string]int{}
			}
			out[c.facet][c.value] = int(res.Total)
		})
	}
	wg.Wait()
	return out, firstErr
}

func cmpErr(first, err error) error {
	if first != nil {
		return first
	}
	return err
}

// isYearRange reports whether v is a year range rather than one year.
func isYearRange(facet, v string) bool {
	if facet != FacetYear {
		return false
	}
	lo, hi, err := ParseYearRange(v)
	return err != nil || lo != hi
}
