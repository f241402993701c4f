package web

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"casebook/search"
)

// Limits on what a URL may ask for.
const (
	DefaultSize   = 10
	MaxSize       = 100
	maxQueryLen   = 500   // characters of q
	maxValueLen   = 100   // characters of one facet value
	maxValues     = 20    // values of one facet
	maxResultDeep = 10000 // (page-1)*size + size may not pass this
	minYear       = 1900
	maxYear       = 2100
)

// Extra parameters the year range inputs send; ParseRequest folds them
// into one year filter "from..to".
const (
	paramYearFrom = "year_from"
	paramYearTo   = "year_to"
)

var sorts = []string{search.SortRelevance, search.SortNewest, search.SortOldest, search.SortTitle}

// ParseRequest turns URL parameters into a search request. It is shared
// by the page and the API: q, repeated city/country/theme/year/kind/lang,
// year_from and year_to, page, size and sort. Values it cannot use are
// left out of the request and described in problems, one per value, in
// words fit to show a user. Sizes above MaxSize are capped, not problems.
func ParseRequest(v url.Values) (search.Request, []string) {
	p := parser{req: search.Request{Page: 1, Size: DefaultSize, Sort: search.SortRelevance}}
	p.query(v.Get("q"))
	for _, name := range search.FacetNames {
		for _, val := range v[name] {
			p.filter(name, val)
		}
	}
	p.yearRange(v.Get(paramYearFrom), v.Get(paramYearTo))
	p.page(v.Get("page"))
	p.size(v.Get("size"))
	p.sort(v.Get("sort"))
	if p.req.Page*p.req.Size > maxResultDeep {
		p.problem("page %d is too deep; showing page 1", p.req.Page)
		p.req.Page = 1
	}
	return p.req, p.problems
}

type parser struct {
	req      search.Request
	problems []string
}

func (p *parser) problem(format string, args ...any) {
	p.problems = append(p.problems, fmt.Sprintf(format, args...))
}

func (p *parser) query(q string) {
	q = strings.TrimSpace(q)
	if utf8.RuneCountInString(q) > maxQueryLen {
		p.problem("the query is longer than %d characters and was cut", maxQueryLen)
		q = string([]rune(q)[:maxQueryLen])
	}
	p.req.Query = q
}

func (p *parser) filter(name, val string) {
	val = strings.TrimSpace(val)
	switch {
	case val == "":
		return
	case utf8.RuneCountInString(val) > maxValueLen || !utf8.ValidString(val):
		p.problem("%s value %s is not valid", name, quote(val))
		return
	case name == search.FacetYear:
		y, ok := normalizeYear(val)
		if !ok {
			p.problem("year %s is not a year or a range like 2009..2012", quote(val))
			return
		}
		val = y
	}
	p.add(name, val)
}

func (p *parser) add(name, val string) {
	if p.req.Filters == nil {
		p.req.Filters = map[string][]string{}
	}
	vals := p.req.Filters[name]
	if slices.Contains(vals, val) {
		return
	}
	if len(vals) >= maxValues {
		p.problem("more than %d %s values; %s was left out", maxValues, name, quote(val))
		return
	}
	p.req.Filters[name] = append(vals, val)
}

// yearRange folds the two range inputs into one year filter. A missing
// end is taken as the first or last year the store accepts.
func (p *parser) yearRange(from, to string) {
	from, to = strings.TrimSpace(from), strings.TrimSpace(to)
	if from == "" && to == "" {
		return
	}
	lo, hi := minYear, maxYear
	ok := true
	if from != "" {
		lo, ok = parseYear(from)
	}
	if ok && to != "" {
		hi, ok = parseYear(to)
	}
	if !ok {
		p.problem("year range %s to %s is not valid", quote(from), quote(to))
		return
	}
	p.add(search.FacetYear, formatRange(lo, hi))
}

func (p *parser) page(s string) {
	if s == "" {
		return
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		p.problem("page %s is not a page number", quote(s))
		return
	}
	p.req.Page = n
}

func (p *parser) size(s string) {
	if s == "" {
		return
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		p.problem("size %s is not a number from 1 to %d", quote(s), MaxSize)
		return
	}
	p.req.Size = min(n, MaxSize)
}

func (p *parser) sort(s string) {
	if s == "" {
		return
	}
	if !slices.Contains(sorts, s) {
		p.problem("sort %s is not one of %s", quote(s), strings.Join(sorts, ", "))
		return
	}
	p.req.Sort = s
}

// normalizeYear accepts "2009" or "2009..2012" (ends in any order) and
// returns the canonical form: a single year, or a range low..high.
func normalizeYear(s string) (string, bool) {
	from, to, isRange := strings.Cut(s, "..")
	lo, ok := parseYear(from)
	if !ok {
		return "", false
	}
	if !isRange {
		return strconv.Itoa(lo), true
	}
	hi, ok := parseYear(to)
	if !ok {
		return "", false
	}
	return formatRange(lo, hi), true
}

func parseYear(s string) (int, bool) {
	if len(s) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(s)
	if err != nil || y < minYear || y > maxYear {
		return 0, false
	}
	return y, true
}

func formatRange(lo, hi int) string {
	if lo > hi {
		lo, hi = hi, lo
	}
	if lo == hi {
		return strconv.Itoa(lo)
	}
	return strconv.Itoa(lo) + ".." + strconv.Itoa(hi)
}

// splitRange returns the ends of a canonical year value.
func splitRange(s string) (lo, hi int, isRange bool) {
	a, b, isRange := strings.Cut(s, "..")
	lo, _ = strconv.Atoi(a)
	hi = lo
	if isRange {
		hi, _ = strconv.Atoi(b)
	}
	return lo, hi, isRange
}

// quote shows a user's value in a problem, shortened.
func quote(s string) string {
	if utf8.RuneCountInString(s) > 40 {
		s = string([]rune(s)[:40]) + "…"
	}
	return strconv.Quote(s)
}

// EncodeRequest is the canonical URL query of req: defaults are left
// out, filters follow search.FacetNames order, values their order.
func EncodeRequest(req search.Request) url.Values {
	v := url.Values{}
	if req.Query != "" {
		v.Set("q", req.Query)
	}
	for _, name := range search.FacetNames {
		for _, val := range req.Filters[name] {
			v.Add(name, val)
		}
	}
	if req.Sort != "" && req.Sort != search.SortRelevance {
		v.Set("sort", req.Sort)
	}
	if req.Size != 0 && req.Size != DefaultSize {
		v.Set("size", strconv.Itoa(req.Size))
	}
	if req.Page > 1 {
		v.Set("page", strconv.Itoa(req.Page))
	}
	return v
}

// ToggleValue returns req's URL query with value added to facet, or
// removed if it was selected. Other parameters stay; the page is dropped.
func ToggleValue(req search.Request, facet, value string) url.Values {
	next := withFilters(req, func(f map[string][]string) {
		vals := f[facet]
		if i := slices.Index(vals, value); i >= 0 {
			f[facet] = slices.Delete(slices.Clone(vals), i, i+1)
			return
		}
		f[facet] = append(slices.Clone(vals), value)
	})
	return EncodeRequest(next)
}

// ClearFilters returns req's URL query without any filter and page.
func ClearFilters(req search.Request) url.Values {
	return EncodeRequest(withFilters(req, clearAll))
}

// PageQuery returns req's URL query for page n.
func PageQuery(req search.Request, n int) url.Values {
	req.Page = n
	return EncodeRequest(req)
}

// withFilters copies req with page 1 and its filters changed by edit.
func withFilters(req search.Request, edit func(map[string][]string)) search.Request {
	f := make(map[string][]string, len(req.Filters))
	for k, v := range req.Filters {
		f[k] = slices.Clone(v)
	}
	edit(f)
	for k, v := range f {
		if len(v) == 0 {
			delete(f, k)
		}
	}
	req.Filters = f
	req.Page = 1
	return req
}

func clearAll(f map[string][]string) {
	for k := range f {
		delete(f, k)
	}
}
