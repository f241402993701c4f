package search

import (
	"context"
	"encoding/binary"
	"fmt"
	"slices"
	"strconv"
	"sync"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	index "github.com/blevesearch/bleve_index_api"
)

func toHits(sr *bleve.SearchResult) []Hit {
	hits := make([]Hit, 0, len(sr.Hits))
	for _, h := range sr.Hits {
		hit := Hit{
			ID:     h.ID,
			Score:  h.Score,
			Title:  str(h.Fields[fieldTitle]),
			Kind:   str(h.Fields["kind"]),
			Lang:   str(h.Fields["lang"]),
			Source: str(h.Fields[fieldSource]),
			Cities: strs(h.Fields["city"]),
			Themes: strs(h.Fields["theme"]),
		}
		if y, ok := h.Fields[fieldYear].(float64); ok {
			hit.Year = int(y)
		}
		hit.Snippet, hit.Page = snippet(h)
		hits = append(hits, hit)
	}
	return hits
}

// snippet is the best highlighted fragment with the page it is on (0 for
// texts without pages), or the document's lead when nothing matched.
func snippet(h *bsearch.DocumentMatch) (Snippet, int) {
	if frags := h.Fragments[fieldBody]; len(frags) > 0 {
		text, page := cutPage(frags[0])
		return parseSnippet(text), page
	}
	if lead := str(h.Fields[fieldLead]); lead != "" {
		return Snippet{{Text: lead}}, 0
	}
	return nil, 0
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

// strs reads a stored field that bleve returns as a string for one value
// and as a slice for several.
func strs(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		out := make([]string, 0, len(v))
		for _, x := range v {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// toFacets assembles every facet: unselected ones from the main result,
// selected ones from their own count-only search. Selected and excluded
// values are always listed; excluded ones with the counts of excluded.
func toFacets(req Request, main *bleve.SearchResult, counts map[string]*bleve.SearchResult, excluded map[string]map[string]int) []Facet {
	out := make([]Facet, 0, len(FacetNames))
	for _, name := range FacetNames {
		src := main
		if sr, ok := counts[name]; ok {
			src = sr
		}
		f := Facet{Name: name}
		if fr := src.Facets[name]; fr != nil && fr.Terms != nil {
			for _, t := range fr.Terms.Terms() {
				f.Values = append(f.Values, FacetValue{
					Value: t.Term, Count: t.Count,
					Selected: isSelected(name, t.Term, req.Filters[name]),
					Excluded: isSelected(name, t.Term, req.Exclude[name]),
				})
			}
		}
		f.Values = addMissingSelected(name, f.Values, req.Filters[name])
		f.Values = addExcluded(f.Values, excluded[name])
		sortValues(name, f.Values)
		out = append(out, f)
	}
	return out
}

// addExcluded lists each excluded value with its count. The facet's
// own counts apply the exclusion, so these values are rarely there.
func addExcluded(vs []FacetValue, counts map[string]int) []FacetValue {
	for v, n := range counts {
		i := slices.IndexFunc(vs, func(fv FacetValue) bool { return fv.Value == v })
		if i < 0 {
			vs = append(vs, FacetValue{Value: v})
			i = len(vs) - 1
		}
		vs[i].Count, vs[i].Excluded = n, true
	}
	return vs
}

func isSelected(facet, value string, selected []string) bool {
	if slices.Contains(selected, value) {
		return true
	}
	if facet != FacetYear {
		return false
	}
	y, err := strconv.Atoi(value)
	if err != nil {
		return false
	}
	for _, s := range selected {
		if lo, hi, err := ParseYearRange(s); err == nil && lo <= y && y <= hi {
			return true
		}
	}
	return false
}

func addMissingSelected(facet string, vs []FacetValue, selected []string) []FacetValue {
	for _, s := range selected {
		if facet == FacetYear {
			if lo, hi, err := ParseYearRange(s); err != nil || lo != hi {
				continue // a range is shown as a chip, not a value
			}
		}
		found := slices.ContainsFunc(vs, func(v FacetValue) bool { return v.Value == s })
		if !found {
			vs = append(vs, FacetValue{Value: s, Selected: true})
		}
	}
	return vs
}

// facetTable is one facet field of one index snapshot: each document's
// values, as ordinals into values, which are in term order.
type facetTable struct {
	values []string
	start  []uint32 // document d's ordinals are ords[start[d]:start[d+1]]
	ords   []uint32
}

// facetTables keeps the tables of the snapshot searches last read. Bleve
// counts facets from doc values, decompressing a block of 1,024
// documents for every block a hit falls in, in every search; the tables
// are read once per snapshot instead, which is most of a search's time
// saved. A snapshot lasts until the index changes.
type facetTables struct {
	mu     sync.Mutex
	snap   index.IndexReader // compared by identity only
	fields map[string]*facetTable
}

func (c *facetTables) table(ctx context.Context, r index.IndexReader, field string) (*facetTable, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.snap != r {
		c.snap, c.fields = r, map[string]*facetTable{}
	}
	if t := c.fields[field]; t != nil {
		return t, nil
	}
	t, err := readFacetTable(ctx, r, field)
	if err != nil {
		return nil, err
	}
	c.fields[field] = t
	return t, nil
}

func readFacetTable(ctx context.Context, r index.IndexReader, field string) (*facetTable, error) {
	dict, err := r.FieldDict(field)
	if err != nil {
		return nil, err
	}
	defer dict.Close()
	t := &facetTable{}
	var docs [][]uint64
	var maxDoc uint64
	for {
		e, err := dict.Next()
		if err != nil || e == nil {
			if err != nil {
				return nil, err
			}
			break
		}
		ds, err := termDocs(ctx, r, field, e.Term)
		if err != nil {
			return nil, err
		}
		if len(ds) > 0 {
			maxDoc = max(maxDoc, ds[len(ds)-1])
		}
		t.values, docs = append(t.values, e.Term), append(docs, ds)
	}
	t.start = make([]uint32, maxDoc+2)
	for _, ds := range docs {
		for _, d := range ds {
			t.start[d+1]++
		}
	}
	for i := 1; i < len(t.start); i++ {
		t.start[i] += t.start[i-1]
	}
	t.ords = make([]uint32, t.start[len(t.start)-1])
	next := slices.Clone(t.start)
	for o, ds := range docs {
		for _, d := range ds {
			t.ords[next[d]] = uint32(o)
			next[d]++
		}
	}
	return t, nil
}

// termDocs lists the documents with term in field, as numbers.
func termDocs(ctx context.Context, r index.IndexReader, field, term string) ([]uint64, error) {
	tfr, err := r.TermFieldReader(ctx, []byte(term), field, false, false, false)
	if err != nil {
		return nil, err
	}
	defer tfr.Close()
	var out []uint64
	var tfd index.TermFieldDoc
	for {
		d, err := tfr.Next(&tfd)
		if err != nil || d == nil {
			return out, err
		}
		if len(d.ID) != 8 {
			return nil, fmt.Errorf("search: internal id %x is not a number", d.ID)
		}
		out = append(out, binary.BigEndian.Uint64(d.ID))
	}
}

// count returns the size values most frequent among ids as bleve's terms
// facet does: by count, ties in term order.
func (t *facetTable) count(field string, size int, ids []index.IndexInternalID) *bsearch.FacetResult {
	counts := make([]int, len(t.values))
	res := &bsearch.FacetResult{Field: field, Terms: &bsearch.TermFacets{}}
	for _, id := range ids {
		d := binary.BigEndian.Uint64(id)
		if d+1 >= uint64(len(t.start)) || t.start[d] == t.start[d+1] {
			res.Missing++
			continue
		}
		for _, o := range t.ords[t.start[d]:t.start[d+1]] {
			counts[o]++
			res.Total++
		}
	}
	var top []int
	for o, n := range counts {
		if n > 0 {
			top = append(top, o)
		}
	}
	slices.SortStableFunc(top, func(a, b int) int { return counts[b] - counts[a] })
	res.Other = res.Total
	for _, o := range top[:min(size, len(top))] {
		res.Terms.Add(&bsearch.TermFacet{Term: t.values[o], Count: counts[o]})
		res.Other -= counts[o]
	}
	return res
}
