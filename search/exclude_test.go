package search_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"casebook/search"
)

// facetValue finds one value of one facet in a result.
func facetValue(r *search.Result, facet, value string) (search.FacetValue, bool) {
	for _, f := range r.Facets {
		if f.Name != facet {
			continue
		}
		for _, v := range f.Values {
			if v.Value == value {
				return v, true
			}
		}
	}
	return search.FacetValue{}, false
}

func TestExclude(t *testing.T) {
	ix, _ := mustIndex(t)
	type want struct {
		facet, value string
		count        int
		excluded     bool
	}
	tests := []struct {
		name   string
		req    search.Request
		hits   []string
		counts []want
		absent []want // values no facet may list
	}{
		{
			name: "one city",
			req:  search.Request{Exclude: map[string][]string{"city": {"Bangkok"}}},
			hits: []string{"delhi-games", "hanoi-waste", "kl-flood", "tb-survey"},
			counts: []want{
				{"city", "Bangkok", 2, true}, // what lifting the exclusion brings back
				{"city", "Hanoi", 1, false},
				{"theme", "Waste and recycling", 1, false}, // bkk-waste is excluded
			},
			absent: []want{{facet: "theme", value: "Sewerage and wastewater"}},
		},
		{
			name: "with a selection in another facet",
			req: search.Request{
				Filters: map[string][]string{"theme": {"Waste and recycling"}},
				Exclude: map[string][]string{"city": {"Bangkok"}},
			},
			hits: []string{"hanoi-waste"},
			counts: []want{
				{"city", "Bangkok", 1, true}, // Bangkok and waste: bkk-waste
				{"city", "Hanoi", 1, false},
				// Theme counts drop the theme selection, keep the exclusion.
				{"theme", "Waste and recycling", 1, false},
				{"theme", "Disaster and crisis management", 1, false},
			},
			absent: []want{{facet: "theme", value: "Training and capacity building"}},
		},
		{
			name: "with a selection in the same facet's neighbour",
			req: search.Request{
				Filters: map[string][]string{"city": {"Bangkok", "Hanoi"}},
				Exclude: map[string][]string{"theme": {"Sewerage and wastewater"}},
			},
			hits: []string{"bkk-waste", "hanoi-waste"},
			counts: []want{
				{"city", "Bangkok", 1, false}, // bkk-sewer is excluded
				{"theme", "Sewerage and wastewater", 1, true},
			},
		},
		{
			name: "each excluded value lifts only its own exclusion",
			req:  search.Request{Exclude: map[string][]string{"city": {"Kuala Lumpur", "Tokyo"}}},
			hits: []string{"bkk-sewer", "bkk-waste", "delhi-games", "hanoi-waste", "tb-survey"},
			counts: []want{
				{"city", "Kuala Lumpur", 0, true}, // kl-flood is also in Tokyo
				{"city", "Tokyo", 0, true},
			},
		},
		{
			name:   "a year range",
			req:    search.Request{Exclude: map[string][]string{"year": {"2009..2010"}}},
			hits:   []string{"bkk-sewer", "kl-flood", "tb-survey"},
			counts: []want{{"year", "2012", 2, false}},
			absent: []want{{facet: "year", value: "2010"}, {facet: "year", value: "2009..2010"}},
		},
		{
			name: "selected and excluded values of one facet",
			req: search.Request{
				Filters: map[string][]string{"theme": {"Waste and recycling"}},
				Exclude: map[string][]string{"theme": {"Training and capacity building"}},
			},
			hits:   []string{"hanoi-waste"},
			counts: []want{{"theme", "Training and capacity building", 1, true}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ix.Search(context.Background(), tt.req)
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(res); !slices.Equal(got, tt.hits) || int(res.Total) != len(tt.hits) {
				t.Errorf("hits = %v (total %d), want %v", got, res.Total, tt.hits)
			}
			for _, w := range tt.counts {
				v, ok := facetValue(res, w.facet, w.value)
				if !ok || v.Count != w.count || v.Excluded != w.excluded {
					t.Errorf("%s=%s: %+v (listed %v), want count %d excluded %v", w.facet, w.value, v, ok, w.count, w.excluded)
				}
			}
			for _, w := range tt.absent {
				if v, ok := facetValue(res, w.facet, w.value); ok {
					t.Errorf("%s=%s listed: %+v", w.facet, w.value, v)
				}
			}
		})
	}
}

func TestExcludeBadFacet(t *testing.T) {
	ix, _ := mustIndex(t)
	for _, ex := range []map[string][]string{{"colour": {"red"}}, {"year": {"20x9"}}} {
		_, err := ix.Search(context.Background(), search.Request{Exclude: ex})
		if !errors.Is(err, search.ErrBadRequest) {
			t.Errorf("exclude %v: err = %v, want ErrBadRequest", ex, err)
		}
	}
}
