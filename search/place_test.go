package search

import (
	"reflect"
	"testing"
)

func TestNarrowestPlaces(t *testing.T) {
	tree, err := places()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		sel, want map[string][]string
	}{
		{map[string][]string{FacetCountry: {"Japan"}, FacetCity: {"Tokyo"}}, map[string][]string{FacetCity: {"Tokyo"}}},
		{map[string][]string{FacetCountry: {"Japan"}, FacetCity: {"Bangkok"}}, map[string][]string{FacetCountry: {"Japan"}, FacetCity: {"Bangkok"}}},
		{map[string][]string{FacetRegion: {"Eastern Asia"}, FacetCity: {"Tokyo", "Bangkok"}}, map[string][]string{FacetCity: {"Tokyo", "Bangkok"}}},
		{map[string][]string{FacetRegion: {"Eastern Asia", "South-Eastern Asia"}, FacetCountry: {"Japan"}}, map[string][]string{FacetRegion: {"South-Eastern Asia"}, FacetCountry: {"Japan"}}},
		{map[string][]string{FacetRegion: {"Eastern Asia"}, FacetCity: {"Paris"}}, map[string][]string{FacetRegion: {"Eastern Asia"}, FacetCity: {"Paris"}}},
		{map[string][]string{FacetCity: {"Hanoi", "Tokyo"}}, map[string][]string{FacetCity: {"Hanoi", "Tokyo"}}},
	} {
		if got := tree.narrowest(c.sel); !reflect.DeepEqual(got, c.want) {
			t.Errorf("narrowest(%v) = %v, want %v", c.sel, got, c.want)
		}
	}
}
