package search_test

import (
	"context"
	"slices"
	"testing"

	"casebook/data"
	"casebook/search"
)

// TestPlaceIsOneChoice: region, country and city are one tree on the
// page. Their selections combine with OR, a place inside a selected one
// narrows it, and every level counts as if no place were selected.
func TestPlaceIsOneChoice(t *testing.T) {
	ix, st := mustIndex(t)
	for _, d := range []struct{ id, city, country, region string }{
		{"jp-osaka", "Osaka", "Japan", "Eastern Asia"},
		{"jp-tokyo", "Tokyo", "Japan", "Eastern Asia"},
		{"th-bkk", "Bangkok", "Thailand", "South-Eastern Asia"},
	} {
		doc := &data.Document{ID: d.id, Title: d.id, Body: "Notes from " + d.city, Kind: data.KindReport, Source: "test/" + d.id, Tags: []data.Tag{
			{Facet: data.FacetCity, Value: d.city, Origin: data.OriginSource},
			{Facet: data.FacetCountry, Value: d.country, Origin: data.OriginSource},
			{Facet: data.FacetRegion, Value: d.region, Origin: data.OriginSource},
		}}
		if _, err := st.PutDocument(doc, []byte(doc.Body)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := ix.Apply(st); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name    string
		filters map[string][]string
		want    []string
	}{
		{"a country or a city", map[string][]string{search.FacetCountry: {"Japan"}, search.FacetCity: {"Bangkok"}},
			[]string{"bkk-sewer", "bkk-waste", "jp-osaka", "jp-tokyo", "th-bkk"}},
		{"a city narrows its country", map[string][]string{search.FacetCountry: {"Japan"}, search.FacetCity: {"Tokyo"}},
			[]string{"jp-tokyo", "kl-flood"}},
		{"a city narrows its region", map[string][]string{search.FacetRegion: {"Eastern Asia"}, search.FacetCity: {"Tokyo"}},
			[]string{"jp-tokyo", "kl-flood"}},
	} {
		res, err := ix.Search(context.Background(), search.Request{Filters: c.filters, Size: 100})
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(res); !slices.Equal(got, c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
		for facet, value := range map[string]string{search.FacetCountry: "Japan", search.FacetRegion: "Eastern Asia", search.FacetCity: "Osaka"} {
			want := 1
			if facet != search.FacetCity {
				want = 2
			}
			if n, _ := count(res, facet, value); n != want {
				t.Errorf("%s: %s %s counted %d, want %d as with no place selected", c.name, facet, value, n, want)
			}
		}
	}
}
