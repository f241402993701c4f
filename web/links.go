package web

import (
	"net/url"
	"slices"

	"casebook/search"
)

// ToggleValue returns req's URL query with value added to facet, or
// removed if it was selected. Adding a value lifts its exclusion. Other
// parameters stay; the page and cursor are dropped.
func ToggleValue(req search.Request, facet, value string) url.Values {
	next := withFilters(req, func(sel, exc map[string][]string) {
		if toggle(sel, facet, value) {
			remove(exc, facet, value)
		}
	})
	return EncodeRequest(next)
}

// ToggleExclude returns req's URL query with value of facet excluded,
// or no longer excluded if it was. Excluding a value unselects it.
func ToggleExclude(req search.Request, facet, value string) url.Values {
	next := withFilters(req, func(sel, exc map[string][]string) {
		if toggle(exc, facet, value) {
			remove(sel, facet, value)
		}
	})
	return EncodeRequest(next)
}

// ClearFilters returns req's URL query without any filter, exclusion
// and page.
func ClearFilters(req search.Request) url.Values {
	return EncodeRequest(withFilters(req, func(sel, exc map[string][]string) {
		clear(sel)
		clear(exc)
	}))
}

// PageQuery returns req's URL query for page n, by number.
func PageQuery(req search.Request, n int) url.Values {
	req.Page, req.After, req.Before = n, "", ""
	return EncodeRequest(req)
}

// CursorQuery returns req's URL query for page n, reached by a cursor
// after or before a hit. Page 1 is always asked for by number.
func CursorQuery(req search.Request, n int, after, before string) url.Values {
	if n <= 1 {
		return PageQuery(req, 1)
	}
	req.Page, req.After, req.Before = n, after, before
	return EncodeRequest(req)
}

// withFilters copies req with page 1, no cursor, and its selections
// and exclusions changed by edit.
func withFilters(req search.Request, edit func(sel, exc map[string][]string)) search.Request {
	sel, exc := cloneValues(req.Filters), cloneValues(req.Exclude)
	edit(sel, exc)
	req.Filters, req.Exclude = sel, exc
	req.Page, req.After, req.Before = 1, "", ""
	return req
}

func cloneValues(m map[string][]string) map[string][]string {
	out := make(map[string][]string, len(m))
	for k, v := range m {
		if len(v) > 0 {
			out[k] = slices.Clone(v)
		}
	}
	return out
}

// toggle adds value to m[facet] and reports true, or removes it and
// reports false.
func toggle(m map[string][]string, facet, value string) bool {
	if slices.Contains(m[facet], value) {
		remove(m, facet, value)
		return false
	}
	m[facet] = append(m[facet], value)
	return true
}

func remove(m map[string][]string, facet, value string) {
	vals := slices.DeleteFunc(m[facet], func(v string) bool { return v == value })
	if len(vals) == 0 {
		delete(m, facet)
		return
	}
	m[facet] = vals
}
