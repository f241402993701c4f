package web

import (
	"maps"
	"slices"
	"strconv"

	"casebook/search"
)

// histogram is the year facet as bars in chronological order, each a
// link that selects its year. Heights are classes (h0 to h10): the
// Content-Security-Policy forbids inline styles.
type histogram struct {
	Bars        []bar
	First, Last int
}

// bar is one year. A year without documents between two with them is
// a gap: no link, no height.
type bar struct {
	Year     int
	Count    int
	Level    int // 0 to histLevels
	Selected bool
	URL      string
}

const (
	histLevels = 10
	// maxHistSpan is the widest span of years drawn with its gaps; a
	// wider one shows only the years that have documents.
	maxHistSpan = 80
)

func newHistogram(req search.Request, vals []search.FacetValue) *histogram {
	years := map[int]search.FacetValue{}
	top := 0
	for _, v := range vals {
		y, err := strconv.Atoi(v.Value)
		if err != nil {
			continue // a range: shown as a chip
		}
		years[y] = v
		top = max(top, v.Count)
	}
	if len(years) == 0 {
		return &histogram{}
	}
	keys := slices.Sorted(maps.Keys(years))
	h := &histogram{First: keys[0], Last: keys[len(keys)-1]}
	if h.Last-h.First < maxHistSpan {
		keys = keys[:0]
		for y := h.First; y <= h.Last; y++ {
			keys = append(keys, y)
		}
	}
	for _, y := range keys {
		v, ok := years[y]
		b := bar{Year: y, Count: v.Count, Selected: v.Selected || inRange(req.Filters[search.FacetYear], y)}
		if ok {
			b.URL = yearURL(req, y)
			b.Level = level(v.Count, top)
		}
		h.Bars = append(h.Bars, b)
	}
	return h
}

// level is the height class of count: at least 1 when there is any.
func level(count, top int) int {
	if count <= 0 || top <= 0 {
		return 0
	}
	return max(1, (count*histLevels+top-1)/top)
}

// yearURL selects year y, or unselects it. A year inside a selected
// range narrows the selection to that year.
func yearURL(req search.Request, y int) string {
	s := strconv.Itoa(y)
	years := req.Filters[search.FacetYear]
	if slices.Contains(years, s) || !inRange(years, y) {
		return pageURL(ToggleValue(req, search.FacetYear, s))
	}
	next := withFilters(req, func(sel, _ map[string][]string) { sel[search.FacetYear] = []string{s} })
	return pageURL(EncodeRequest(next))
}

func inRange(years []string, y int) bool {
	return slices.ContainsFunc(years, func(v string) bool {
		lo, hi, isRange := splitRange(v)
		return isRange && lo <= y && y <= hi
	})
}
