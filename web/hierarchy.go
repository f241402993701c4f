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
// in its country, a country in its UN sub-region (the region facet), both
// known to search, and a sub-theme in its theme.
type hierarchy struct {
	theme map[string]string // sub-theme label -> parent label
}

// parent returns the value one level up from facet's value, if known.
func (h *hierarchy) parent(facet, value string) (string, string, bool) {
	if facet == search.FacetTheme {
		p := h.theme[value]
		return facet, p, p != ""
	}
	return search.PlaceParent(facet, value)
}

// referenceHierarchy is read once, on first use. The data is embedded
// and checked by tests; should it still fail, facets show flat.
var referenceHierarchy = sync.OnceValues(func() (*hierarchy, error) {
	return loadHierarchy(data.Reference)
})

func loadHierarchy(fsys fs.FS) (*hierarchy, error) {
	var themes []struct {
		ID, Label, Parent string
	}
	if err := readJSON(fsys, "reference/themes.json", &themes); err != nil {
		return nil, err
	}
	h := &hierarchy{theme: map[string]string{}}
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
