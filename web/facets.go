package web

import (
	"cmp"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"casebook/search"
)

// facetTop is how many values a facet shows before "More".
const facetTop = 10

// facetView is one facet in the side column. Place nests region,
// country and city; theme nests sub-themes; year is a histogram.
type facetView struct {
	Name     string
	Label    string
	Selected int    // values selected or excluded
	Badge    string // "2 selected, 1 excluded"
	Top      []valueView
	More     []valueView
	MoreOpen bool   // a selected or excluded value is among More
	Filter   string // label of the filter box scripts add to a long list
	Years    *histogram
}

// valueView is one facet value: a link that selects or unselects it
// (or, when excluded, includes it again), a link that excludes it, and
// the values nested under it.
type valueView struct {
	Value      string
	Label      string
	Count      int
	HasCount   bool // false for a parent the engine did not count
	Selected   bool
	Excluded   bool
	URL        string
	ExcludeURL string
	Children   []valueView
}

// chip is a selected or excluded filter shown above the results, with
// a link that removes it.
type chip struct {
	Facet, Label string
	URL          string
	Not          bool // an exclusion
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

// facetGroup is one facet of the side column and the engine's facets
// it shows, top level first.
type facetGroup struct {
	name, label, filter string
	facets              []string
}

var facetGroups = []facetGroup{
	{"place", "Place", "Filter places", []string{search.FacetRegion, search.FacetCountry, search.FacetCity}},
	{search.FacetTheme, "Theme", "Filter themes", []string{search.FacetTheme}},
	{search.FacetYear, "Year", "", []string{search.FacetYear}},
	{search.FacetKind, "Type", "", []string{search.FacetKind}},
	{search.FacetLang, "Language", "", []string{search.FacetLang}},
}

// facetViews builds the side column from the engine's facets and the
// reference hierarchy.
func facetViews(req search.Request, facets []search.Facet) []facetView {
	h, err := referenceHierarchy()
	if err != nil {
		h = &hierarchy{}
	}
	byName := map[string][]search.FacetValue{}
	for _, f := range facets {
		byName[f.Name] = f.Values
	}
	var out []facetView
	for _, g := range facetGroups {
		fv := facetView{Name: g.name, Label: g.label}
		if g.name == search.FacetYear {
			fv.Years = newHistogram(req, withSelected(req, g.name, byName[g.name]))
		} else {
			t := newTree(req, h)
			for _, name := range g.facets {
				t.add(name, withSelected(req, name, byName[name]))
			}
			fv.setValues(t.views(), g.filter)
		}
		fv.setBadge(req, g.facets)
		if len(fv.Top) > 0 || fv.Years != nil && len(fv.Years.Bars) > 0 || fv.Selected > 0 {
			out = append(out, fv)
		}
	}
	return out
}

// setValues splits the top-level values into Top and More, and asks
// for a filter box when there are more values than fit at once.
func (fv *facetView) setValues(vals []valueView, filter string) {
	n := 0
	for i, v := range vals {
		n += v.size()
		if i < facetTop {
			fv.Top = append(fv.Top, v)
			continue
		}
		fv.More = append(fv.More, v)
		fv.MoreOpen = fv.MoreOpen || v.marked()
	}
	if n > facetTop {
		fv.Filter = filter
	}
}

func (fv *facetView) setBadge(req search.Request, facets []string) {
	sel, exc := 0, 0
	for _, name := range facets {
		sel += len(req.Filters[name])
		exc += len(req.Exclude[name])
	}
	fv.Selected = sel + exc
	var parts []string
	if sel > 0 {
		parts = append(parts, strconv.Itoa(sel)+" selected")
	}
	if exc > 0 {
		parts = append(parts, strconv.Itoa(exc)+" excluded")
	}
	fv.Badge = strings.Join(parts, ", ")
}

// size counts v and the values under it.
func (v valueView) size() int {
	n := 1
	for _, c := range v.Children {
		n += c.size()
	}
	return n
}

// marked reports whether v or a value under it is selected or excluded.
func (v valueView) marked() bool {
	return v.Selected || v.Excluded || slices.ContainsFunc(v.Children, valueView.marked)
}

func newValueView(req search.Request, facet string, fv search.FacetValue, counted bool) valueView {
	v := valueView{
		Value:    fv.Value,
		Label:    valueLabel(facet, fv.Value),
		Count:    fv.Count,
		HasCount: counted,
		Selected: fv.Selected || slices.Contains(req.Filters[facet], fv.Value),
		Excluded: fv.Excluded || slices.Contains(req.Exclude[facet], fv.Value),
	}
	if v.Excluded {
		v.URL = pageURL(ToggleExclude(req, facet, fv.Value))
		return v
	}
	v.URL = pageURL(ToggleValue(req, facet, fv.Value))
	v.ExcludeURL = pageURL(ToggleExclude(req, facet, fv.Value))
	return v
}

// withSelected marks the selected and excluded values and adds those
// the engine did not return, so that every one can be undone. Year
// ranges are not facet values; they show as chips only.
func withSelected(req search.Request, name string, vals []search.FacetValue) []search.FacetValue {
	out := slices.Clone(vals)
	for i := range out {
		out[i].Selected = out[i].Selected || slices.Contains(req.Filters[name], out[i].Value)
		out[i].Excluded = out[i].Excluded || slices.Contains(req.Exclude[name], out[i].Value)
	}
	add := func(s string, v search.FacetValue) {
		if _, _, isRange := splitRange(s); name == search.FacetYear && isRange {
			return
		}
		if !slices.ContainsFunc(out, func(v search.FacetValue) bool { return v.Value == s }) {
			out = append(out, v)
		}
	}
	for _, s := range req.Filters[name] {
		add(s, search.FacetValue{Value: s, Selected: true})
	}
	for _, s := range req.Exclude[name] {
		add(s, search.FacetValue{Value: s, Excluded: true})
	}
	return out
}

// sortValues orders values: years chronologically, the rest by count.
func sortValues(name string, vals []search.FacetValue) []search.FacetValue {
	if name == search.FacetYear {
		slices.SortStableFunc(vals, func(a, b search.FacetValue) int { return cmp.Compare(a.Value, b.Value) })
		return vals
	}
	slices.SortStableFunc(vals, func(a, b search.FacetValue) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Value, b.Value))
	})
	return vals
}

// chips lists every selected and excluded filter with a link that
// removes it.
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
		for _, v := range req.Exclude[name] {
			out = append(out, chip{
				Facet: facetLabel(name),
				Label: "not " + valueLabel(name, v),
				URL:   pageURL(ToggleExclude(req, name, v)),
				Not:   true,
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
