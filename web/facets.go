package web

import (
	"cmp"
	"net/url"
	"slices"
	"strconv"

	"casebook/search"
)

// facetTop is how many values a facet shows before "More".
const facetTop = 10

// facetView is one facet in the side column.
type facetView struct {
	Name     string
	Label    string
	Selected int
	Top      []valueView
	More     []valueView
	MoreOpen bool // a selected value is among More
	IsYear   bool
}

// valueView is one facet value: a link that adds or removes it.
type valueView struct {
	Value    string
	Label    string
	Count    int
	Selected bool
	URL      string
}

// chip is a selected filter shown above the results, with a link that
// removes it.
type chip struct {
	Facet, Label string
	URL          string
}

// chipLink is a value on a hit that links to the search filtered by it.
type chipLink struct {
	Label    string
	URL      string
	Selected bool
}

// hitView is one result.
type hitView struct {
	URL     string
	Title   string
	Kind    string
	Lang    string
	Year    int
	YearURL string
	Cities  []chipLink
	Themes  []chipLink
	Snippet search.Snippet
	Page    int // PDF page the snippet is on
	Source  string
}

// facetViews orders the engine's facets as search.FacetNames does and
// each facet's values: years newest first, the rest by count.
func facetViews(req search.Request, facets []search.Facet) []facetView {
	byName := map[string]search.Facet{}
	for _, f := range facets {
		byName[f.Name] = f
	}
	var out []facetView
	for _, name := range search.FacetNames {
		f, ok := byName[name]
		if !ok && len(req.Filters[name]) == 0 {
			continue
		}
		vals := sortValues(name, withSelected(name, f.Values, req.Filters[name]))
		if len(vals) == 0 {
			continue
		}
		out = append(out, newFacetView(req, name, vals))
	}
	return out
}

func newFacetView(req search.Request, name string, vals []search.FacetValue) facetView {
	fv := facetView{Name: name, Label: facetLabel(name), IsYear: name == search.FacetYear}
	for i, v := range vals {
		vv := valueView{
			Value:    v.Value,
			Label:    valueLabel(name, v.Value),
			Count:    v.Count,
			Selected: v.Selected,
			URL:      pageURL(ToggleValue(req, name, v.Value)),
		}
		if v.Selected {
			fv.Selected++
		}
		if i < facetTop {
			fv.Top = append(fv.Top, vv)
			continue
		}
		fv.More = append(fv.More, vv)
		fv.MoreOpen = fv.MoreOpen || v.Selected
	}
	return fv
}

// withSelected marks the selected values and adds those the engine did
// not return, so that every selection can be unchecked. Year ranges are
// not facet values; they show as chips only.
func withSelected(name string, vals []search.FacetValue, selected []string) []search.FacetValue {
	out := slices.Clone(vals)
	for i := range out {
		out[i].Selected = out[i].Selected || slices.Contains(selected, out[i].Value)
	}
	for _, s := range selected {
		if _, _, isRange := splitRange(s); name == search.FacetYear && isRange {
			continue
		}
		if !slices.ContainsFunc(out, func(v search.FacetValue) bool { return v.Value == s }) {
			out = append(out, search.FacetValue{Value: s, Selected: true})
		}
	}
	return out
}

func sortValues(name string, vals []search.FacetValue) []search.FacetValue {
	if name == search.FacetYear {
		slices.SortStableFunc(vals, func(a, b search.FacetValue) int { return cmp.Compare(b.Value, a.Value) })
		return vals
	}
	slices.SortStableFunc(vals, func(a, b search.FacetValue) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Value, b.Value))
	})
	return vals
}

// chips lists every selected filter with a link that removes it.
func chips(req search.Request) []chip {
	var out []chip
	for _, name := range search.FacetNames {
		for _, v := range req.Filters[name] {
			out = append(out, chip{
				Facet: facetLabel(name),
				Label: valueLabel(name, v),
				URL:   pageURL(ToggleValue(req, name, v)),
			})
		}
	}
	return out
}

func newHitView(req search.Request, h search.Hit, back string) hitView {
	hv := hitView{
		URL:     docURL(h.ID, back),
		Title:   h.Title,
		Kind:    valueLabel(search.FacetKind, h.Kind),
		Lang:    h.Lang,
		Year:    h.Year,
		Cities:  chipLinks(req, search.FacetCity, h.Cities),
		Themes:  chipLinks(req, search.FacetTheme, h.Themes),
		Snippet: h.Snippet,
		Page:    h.Page,
		Source:  h.Source,
	}
	if h.Year != 0 {
		hv.YearURL = addURL(req, search.FacetYear, strconv.Itoa(h.Year))
	}
	return hv
}

func chipLinks(req search.Request, facet string, vals []string) []chipLink {
	out := make([]chipLink, 0, len(vals))
	for _, v := range vals {
		out = append(out, chipLink{
			Label:    v,
			URL:      addURL(req, facet, v),
			Selected: slices.Contains(req.Filters[facet], v),
		})
	}
	return out
}

// addURL selects value unless it is already selected.
func addURL(req search.Request, facet, value string) string {
	if slices.Contains(req.Filters[facet], value) {
		return pageURL(PageQuery(req, 1))
	}
	return pageURL(ToggleValue(req, facet, value))
}

// docURL links to a document page, carrying the results URL along.
func docURL(id, back string) string {
	u := "/doc/" + url.PathEscape(id)
	if back != "" {
		u += "?" + url.Values{"back": {back}}.Encode()
	}
	return u
}
