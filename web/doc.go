// Package web serves Casebook over HTTP: the search page, document pages,
// downloads of originals, the JSON API under /api/v1, a health check and
// embedded static files.
//
// # Pages
//
// Every search state is a plain GET URL (see ParseRequest and
// EncodeRequest): q, repeated facet parameters (city, country, theme,
// year, kind, lang; OR within a facet, AND across facets), excluded
// values as not_city=Tokyo, year ranges as year=2009..2012, page, size,
// sort, and a cursor after= or before= for stable deep paging. Facet
// links add, remove or exclude one value and return to page 1. Places
// and themes are nested by the reference data (hierarchy.go, tree.go);
// years are a histogram of links (histogram.go). The pages work without
// JavaScript; the script only submits the sort form on change, opens the
// facets on wide screens, adds a filter box to long facet lists and
// lists suggestions under the search boxes (GET /api/v1/suggest).
//
// # Safety
//
// Templates are html/template files embedded in the binary and parsed
// once by NewServer; document text is only ever rendered through them,
// so every byte is escaped (snippets are segments, never HTML). A strict
// Content-Security-Policy forbids inline script and style. Originals are
// always downloads with a name made from the document id, served as PDF,
// plain text or opaque bytes. Errors reach users as fixed messages
// chosen in classify; details go to the log.
package web
