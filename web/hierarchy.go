package web

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"sync"

	"casebook/data"
	"casebook/search"
)

// hierarchy is how facet values nest, from the reference data: a city
// in its country, a country in its UN sub-region (the region facet), a
// sub-theme in its theme.
type hierarchy struct {
	country map[string]string // city -> country
	region  map[string]string // country -> region
	theme   map[string]string // sub-theme label -> parent label
}

// parent returns the value one level up from facet's value, if known.
func (h *hierarchy) parent(facet, value string) (string, string, bool) {
	var p string
	switch facet {
	case search.FacetCity:
		p, facet = h.country[value], search.FacetCountry
	case search.FacetCountry:
		p, facet = h.region[value], search.FacetRegion
	case search.FacetTheme:
		p = h.theme[value]
	}
	return facet, p, p != ""
}

// referenceHierarchy is read once, on first use. The data is embedded
// and checked by tests; should it still fail, facets show flat.
var referenceHierarchy = sync.OnceValues(func() (*hierarchy, error) {
	return loadHierarchy(data.Reference)
})

func loadHierarchy(fsys fs.FS) (*hierarchy, error) {
	var cities struct {
		Cities []struct {
			Name        string `json:"name"`
			CountryName string `json:"country_name"`
		} `json:"cities"`
	}
	var countries struct {
		Countries map[string]struct {
			Name      string `json:"name"`
			Subregion string `json:"subregion"`
		} `json:"countries"`
	}
	var themes []struct {
		ID, Label, Parent string
	}
	for name, v := range map[string]any{"cities.json": &cities, "countries.json": &countries, "themes.json": &themes} {
		if err := readJSON(fsys, "reference/"+name, v); err != nil {
			return nil, err
		}
	}
	h := &hierarchy{country: map[string]string{}, region: map[string]string{}, theme: map[string]string{}}
	for _, c := range cities.Cities {
		h.country[c.Name] = c.CountryName
	}
	for _, c := range countries.Countries {
		h.region[c.Name] = c.Subregion
	}
	labels := map[string]string{}
	for _, t := range themes {
		labels[t.ID] = t.Label
	}
	for _, t := range themes {
		if p := labels[t.Parent]; p != "" {
			h.theme[t.Label] = p
		}
	}
	return h, nil
}

func readJSON(fsys fs.FS, name string, v any) error {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return fmt.Errorf("web: reference data: %w", err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("web: reference data %s: %w", name, err)
	}
	return nil
}
