package search

import (
	"slices"
	"strconv"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
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
