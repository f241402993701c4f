// Package web serves Casebook over HTTP: the search page, document pages,
// downloads of originals, the JSON API under /api/v1, a health check and
// embedded static files.
//
// # Pages
//
// Every search state is a plain GET URL (see ParseRequest and
// EncodeRequest): q, repeated facet parameters (city, country, theme,
// year, kind, lang; OR within a facet, AND across facets), year ranges
// as year=2009..2012, page, size and sort. Facet links add or remove one
// value and return to page 1. The pages work without JavaScript; the one
// script only submits the sort form on change and opens the facets on
// wide screens.
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
