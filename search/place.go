package search

import (
	"io/fs"
	"slices"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"casebook/data"
)

// groupPlace is the filter key of the place facets. Region, country and
// city are one choice, shown as one tree: their selections combine with
// OR (Japan or Bangkok), a selection inside another narrows it (Japan
// then Tokyo is Tokyo), and their counts leave out the whole place
// selection, so that every level of the tree counts the same documents.
const groupPlace = "place"

var placeFacets = []string{FacetRegion, FacetCountry, FacetCity}

// filterKey is the key of facet's selection in plan.filters.
func filterKey(facet string) string {
	if slices.Contains(placeFacets, facet) {
		return groupPlace
	}
	return facet
}

// keyFacets are the facets a filter key stands for.
func keyFacets(key string) []string {
	if key == groupPlace {
		return placeFacets
	}
	return []string{key}
}

// placeTree says what holds a place: a city's countries (a name may be
// a city of several) and a country's UN sub-region (the region facet).
type placeTree struct {
	countries map[string][]string // city -> countries
	region    map[string]string   // country -> sub-region
}

var places = sync.OnceValues(func() (*placeTree, error) { return loadPlaces(data.Reference) })

type gazetteerCity struct {
	Name        string `json:"name"`
	CountryName string `json:"country_name"`
	Population  int    `json:"population"`
}

func loadPlaces(fsys fs.FS) (*placeTree, error) {
	var cities struct {
		Cities []gazetteerCity `json:"cities"`
	}
	var countries struct {
		Countries map[string]struct {
			Name      string `json:"name"`
			Subregion string `json:"subregion"`
		} `json:"countries"`
	}
	if err := readJSON(fsys, "reference/cities.json", &cities); err != nil {
		return nil, err
	}
	if err := readJSON(fsys, "reference/countries.json", &countries); err != nil {
		return nil, err
	}
	t := &placeTree{countries: map[string][]string{}, region: map[string]string{}}
	slices.SortStableFunc(cities.Cities, func(a, b gazetteerCity) int { return b.Population - a.Population })
	for _, c := range cities.Cities {
		t.countries[c.Name] = append(t.countries[c.Name], c.CountryName)
	}
	for _, c := range countries.Countries {
		t.region[c.Name] = c.Subregion
	}
	return t, nil
}

// PlaceParent returns the place one level up from a city (its country;
// the most populous city of that name's) or a country (its region),
// from the gazetteer.
func PlaceParent(facet, value string) (parentFacet, parent string, ok bool) {
	t, err := places()
	if err != nil {
		return "", "", false
	}
	switch facet {
	case FacetCity:
		if cs := t.countries[value]; len(cs) > 0 {
			return FacetCountry, cs[0], true
		}
	case FacetCountry:
		if r := t.region[value]; r != "" {
			return FacetRegion, r, true
		}
	}
	return "", "", false
}

// holds reports whether place (of facet) lies inside value.
func (t *placeTree) holds(value, facet, place string) bool {
	switch facet {
	case FacetCity:
		return slices.ContainsFunc(t.countries[place], func(c string) bool { return c == value || t.region[c] == value })
	case FacetCountry:
		return t.region[place] == value
	}
	return false
}

// narrowest keeps the selected places no other selected place lies in.
func (t *placeTree) narrowest(sel map[string][]string) map[string][]string {
	out := map[string][]string{}
	for _, facet := range placeFacets {
		for _, v := range sel[facet] {
			inner := false
			for _, f := range placeFacets {
				inner = inner || slices.ContainsFunc(sel[f], func(p string) bool { return t.holds(v, f, p) })
			}
			if !inner {
				out[facet] = append(out[facet], v)
			}
		}
	}
	return out
}

// placeFilter matches the documents of any of the narrowest selected
// places. Without the reference data, every selection counts.
func placeFilter(sel map[string][]string) (query.Query, error) {
	if t, err := places(); err == nil {
		sel = t.narrowest(sel)
	}
	d := bleve.NewDisjunctionQuery()
	for _, facet := range placeFacets {
		if len(sel[facet]) == 0 {
			continue
		}
		fq, err := filterQuery(facet, sel[facet])
		if err != nil {
			return nil, err
		}
		d.AddQuery(fq)
	}
	return d, nil
}
