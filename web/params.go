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

// Paging by cursor: after=, before= carry a search.Result's Next or Prev.
const (
	paramAfter  = "after"
	paramBefore = "before"
	maxCursor   = 4096    // characters of a cursor
	maxPage     = 1000000 // a page number shown with a cursor
)

// excludePrefix names the parameter that excludes a facet's value:
// not_city=Tokyo.
const excludePrefix = "not_"

var sorts = []string{search.SortRelevance, search.SortNewest, search.SortOldest, search.SortTitle}

// ParseRequest turns URL parameters into a search request. It is shared
// by the page and the API: q, repeated city/country/theme/year/kind/lang,
// the same with not_ in front for excluded values (not_city=Tokyo),
// year_from and year_to, page, size, sort, and a cursor after= or before=. Values it cannot use are
// left out of the request and described in problems, one per value, in
// words fit to show a user. Sizes above MaxSize are capped, not problems.
func ParseRequest(v url.Values) (search.Request, []string) {
	p := parser{req: search.Request{Page: 1, Size: DefaultSize, Sort: search.SortRelevance}}
	p.query(v.Get("q"))
	for _, name := range search.FacetNames {
		for _, val := range v[name] {
			p.filter(name, val)
		}
		for _, val := range v[excludePrefix+name] {
			p.exclude(name, val)
		}
	}
	p.yearRange(v.Get(paramYearFrom), v.Get(paramYearTo))
	p.page(v.Get("page"))
	p.size(v.Get("size"))
	p.sort(v.Get("sort"))
	p.cursor(v.Get(paramAfter), v.Get(paramBefore))
	if p.req.After != "" || p.req.Before != "" {
		p.req.Page = min(p.req.Page, maxPage)
	} else if p.req.Page*p.req.Size > maxResultDeep {
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
	if val, ok := p.value(name, val); ok {
		p.add(name, val)
	}
}

func (p *parser) exclude(name, val string) {
	if val, ok := p.value(name, val); ok {
		p.addTo(&p.req.Exclude, excludePrefix+name, name, val)
	}
}

// value checks one facet value and returns it in canonical form.
func (p *parser) value(name, val string) (string, bool) {
	val = strings.TrimSpace(val)
	switch {
	case val == "":
		return "", false
	case utf8.RuneCountInString(val) > maxValueLen || !utf8.ValidString(val):
		p.problem("%s value %s is not valid", name, quote(val))
		return "", false
	case name == search.FacetYear:
		y, ok := normalizeYear(val)
		if !ok {
			p.problem("year %s is not a year or a range like 2009..2012", quote(val))
			return "", false
		}
		val = y
	}
	return val, true
}

func (p *parser) add(name, val string) {
	p.addTo(&p.req.Filters, name, name, val)
}

// addTo adds val to facet's values in *m, once, up to maxValues;
// param names the values in a problem.
func (p *parser) addTo(m *map[string][]string, param, facet, val string) {
	if *m == nil {
		*m = map[string][]string{}
	}
	vals := (*m)[facet]
	if slices.Contains(vals, val) {
		return
	}
	if len(vals) >= maxValues {
		p.problem("more than %d %s values; %s was left out", maxValues, param, quote(val))
		return
	}
	(*m)[facet] = append(vals, val)
}

// cursor takes one of after and before, which must look like a token.
func (p *parser) cursor(after, before string) {
	if after != "" && before != "" {
		p.problem("both after and before were given; showing the page by number")
		return
	}
	token, dst := after, &p.req.After
	if before != "" {
		token, dst = before, &p.req.Before
	}
	if len(token) > maxCursor || strings.Trim(token, cursorChars) != "" {
		p.problem("the page position %s is not valid; showing the page by number", quote(token))
		return
	}
	*dst = token
}

// cursorChars are the characters of a cursor token: base64url and dots.
const cursorChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_."

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
// out, filters and exclusions follow search.FacetNames order, values
// their order.
func EncodeRequest(req search.Request) url.Values {
	v := url.Values{}
	if req.Query != "" {
		v.Set("q", req.Query)
	}
	for _, name := range search.FacetNames {
		for _, val := range req.Filters[name] {
			v.Add(name, val)
		}
		for _, val := range req.Exclude[name] {
			v.Add(excludePrefix+name, val)
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
	if req.After != "" {
		v.Set(paramAfter, req.After)
	}
	if req.Before != "" {
		v.Set(paramBefore, req.Before)
	}
	return v
}
