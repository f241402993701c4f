package web

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"casebook/search"
)

// serveSearch shows the search page.
func (s *Server) serveSearch(w http.ResponseWriter, r *http.Request) {
	v, err := s.searchPage(r.Context(), r.URL.Query(), scope(r))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	title := "Search"
	if v.Query != "" {
		title = v.Query
	}
	s.render(w, r, http.StatusOK, viewSearch, page{Title: title, Query: v.Query, View: v})
}

// searchPage runs the search the parameters describe. Parameters it
// cannot use are left out and listed on the page; the rest still run.
func (s *Server) searchPage(ctx context.Context, params url.Values, sc search.Scope) (searchView, error) {
	req, problems := ParseRequest(params)
	req.Internal = sc.Internal
	s.canonicalCities(&req)
	res, err := s.Search.Search(ctx, req)
	if errors.Is(err, search.ErrBadRequest) && (req.After != "" || req.Before != "") {
		// A cursor from another search or an older version: start over.
		req.After, req.Before, req.Page = "", "", 1
		problems = append(problems, "the page position does not fit this search; showing the first page")
		res, err = s.Search.Search(ctx, req)
	}
	if err != nil {
		return searchView{}, err
	}
	v := newSearchView(req, res, problems)
	v.Notes = res.Notes
	if res.DidYouMean != "" {
		fixed := req
		fixed.Query, fixed.Page, fixed.After, fixed.Before = res.DidYouMean, 1, "", ""
		v.DidYouMean, v.DidYouMeanURL = res.DidYouMean, "/?"+EncodeRequest(fixed).Encode()
	}
	return v, nil
}

// searchView is the model of the search page.
type searchView struct {
	Query     string
	Autofocus bool
	Problems  []string // parameters left out
	// Notes say how the query was read; DidYouMean is the query with its
	// misspellings corrected, which the results already include.
	Notes         []string
	DidYouMean    string
	DidYouMeanURL string
	Total         uint64
	TotalText     string // "24 documents"
	RangeText     string // "11–20"
	Hits          []hitView
	PastEnd       bool   // a page after the last one
	FirstURL      string // page 1 of the same search
	Facets        []facetView
	Chips         []chip
	ClearURL      string
	Sorts         []option
	QueryState    []field // hidden inputs of the query form
	SortState     []field // hidden inputs of the sort form
	YearState     []field // hidden inputs of the year range form
	YearFrom      string
	YearTo        string
	YearFirst     int // first and last year with documents, as hints
	YearLast      int
	Pager         pager
}

// field is a hidden form input that carries state along.
type field struct{ Name, Value string }

// option is one choice of a select.
type option struct {
	Value, Label string
	Selected     bool
}

var sortLabels = []option{
	{Value: search.SortRelevance, Label: "Relevance"},
	{Value: search.SortNewest, Label: "Newest first"},
	{Value: search.SortOldest, Label: "Oldest first"},
	{Value: search.SortTitle, Label: "Title A–Z"},
}

func newSearchView(req search.Request, res *search.Result, problems []string) searchView {
	if res.Page > 0 {
		req.Page = res.Page
	}
	if res.Size > 0 {
		req.Size = res.Size
	}
	state := EncodeRequest(req)
	v := searchView{
		Query:      req.Query,
		Autofocus:  req.Query == "",
		Problems:   problems,
		Total:      res.Total,
		TotalText:  countText(res.Total, "document", "documents"),
		RangeText:  rangeText(req, res),
		PastEnd:    len(res.Hits) == 0 && res.Total > 0,
		FirstURL:   pageURL(PageQuery(req, 1)),
		Facets:     facetViews(req, res.Facets),
		Chips:      chips(req),
		ClearURL:   pageURL(ClearFilters(req)),
		Sorts:      sortOptions(req.Sort),
		QueryState: fields(state, "q", "page"),
		SortState:  fields(state, "sort", "page"),
		YearState:  fields(state, search.FacetYear, "page"),
		Pager:      newPager(req, res),
	}
	v.YearFrom, v.YearTo = yearInputs(req.Filters[search.FacetYear])
	v.YearFirst, v.YearLast = yearSpan(v.Facets)
	back := pageURL(state)
	for _, h := range res.Hits {
		v.Hits = append(v.Hits, newHitView(req, h, back))
	}
	return v
}

// pageURL is the search page's URL with query v.
func pageURL(v url.Values) string {
	if len(v) == 0 {
		return "/"
	}
	return "/?" + v.Encode()
}

// fields lists v as hidden inputs, leaving out the names in drop.
func fields(v url.Values, drop ...string) []field {
	var out []field
	for _, name := range append([]string{"q"}, search.FacetNames...) {
		out = appendFields(out, v, name, drop)
	}
	for _, name := range search.FacetNames {
		out = appendFields(out, v, excludePrefix+name, drop)
	}
	for _, name := range []string{"sort", "size", "page"} {
		out = appendFields(out, v, name, drop)
	}
	return out
}

func appendFields(out []field, v url.Values, name string, drop []string) []field {
	for _, d := range drop {
		if d == name {
			return out
		}
	}
	for _, val := range v[name] {
		out = append(out, field{Name: name, Value: val})
	}
	return out
}

func sortOptions(current string) []option {
	out := make([]option, len(sortLabels))
	for i, o := range sortLabels {
		o.Selected = o.Value == current
		out[i] = o
	}
	return out
}

// yearSpan is the first and last year of the histogram, if any.
func yearSpan(facets []facetView) (first, last int) {
	for _, f := range facets {
		if f.Years != nil {
			return f.Years.First, f.Years.Last
		}
	}
	return 0, 0
}

// yearInputs fills the range inputs from the one selected year range.
func yearInputs(years []string) (from, to string) {
	for _, y := range years {
		lo, hi, isRange := splitRange(y)
		if !isRange {
			continue
		}
		if lo != minYear {
			from = strconv.Itoa(lo)
		}
		if hi != maxYear {
			to = strconv.Itoa(hi)
		}
		return from, to
	}
	return "", ""
}

func countText(n uint64, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return groupDigits(n) + " " + many
}

// groupDigits writes n with commas between thousands.
func groupDigits(n uint64) string {
	s := strconv.FormatUint(n, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func rangeText(req search.Request, res *search.Result) string {
	if len(res.Hits) == 0 {
		return ""
	}
	first := (req.Page-1)*req.Size + 1
	last := first + len(res.Hits) - 1
	return groupDigits(uint64(first)) + "–" + groupDigits(uint64(last))
}

// cityNamer is a Searcher that knows every name of its cities.
type cityNamer interface {
	CanonicalCities(req *search.Request)
}

// canonicalCities lets ?city= take a city by any of its names (バンコク,
// Rangoon), so the page shows and links the value the facet holds.
func (s *Server) canonicalCities(req *search.Request) {
	if n, ok := s.Search.(cityNamer); ok {
		n.CanonicalCities(req)
	}
}
