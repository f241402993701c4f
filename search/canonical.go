package search

import (
	"maps"
	"slices"
)

// CanonicalCities rewrites the city values of req's filters and exclusions
// that the index does not hold as a value into the one city the index
// holds by that name in any script or spelling: ?city=バンコク and
// ?city=Rangoon select Bangkok and Yangon, as city:バンコク does in the
// query. A value naming no city, or several, is left as it is. The maps
// are copied, so the caller's request is not changed underneath it.
func (ix *Index) CanonicalCities(req *Request) {
	req.Filters = ix.canonicalCities(req.Filters)
	req.Exclude = ix.canonicalCities(req.Exclude)
}

func (ix *Index) canonicalCities(m map[string][]string) map[string][]string {
	values := m[FacetCity]
	if len(values) == 0 {
		return m
	}
	present := ix.presentValues(FacetCity)
	out := make([]string, 0, len(values))
	for _, v := range values {
		if !present[v] {
			if c := ix.cityByAlias(v); len(c) == 1 {
				v = c[0]
			}
		}
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	copied := maps.Clone(m)
	copied[FacetCity] = out
	return copied
}
