// Package search keeps the derived full-text index: its mapping, the
// syncing of the store's change log into it, query building, facets and
// highlighting. It imports data, never web or indexer.
package search

import (
	"context"
	"time"
)

// Facet names, as used in URLs, requests and results.
const (
	FacetCity    = "city"
	FacetCountry = "country"
	FacetRegion  = "region"
	FacetTheme   = "theme"
	FacetYear    = "year"
	FacetKind    = "kind"
	FacetLang    = "lang"
)

// FacetNames lists the facets a result carries, in display order.
var FacetNames = []string{FacetCity, FacetTheme, FacetYear, FacetCountry, FacetRegion, FacetKind, FacetLang}

// Sort orders.
const (
	SortRelevance = "relevance"
	SortNewest    = "newest"
	SortOldest    = "oldest"
	SortTitle     = "title"
)

// Searcher is what the web layer needs from an engine. A second engine
// (OpenSearch) would implement it too.
type Searcher interface {
	// Search runs req under ctx's deadline. It returns ErrBadRequest
	// (wrapped) for a request that cannot be run as given.
	Search(ctx context.Context, req Request) (*Result, error)
}

// Request is one search: words, selected facet values and a page.
type Request struct {
	Query string
	// Filters maps a facet name to its selected values: OR within a facet,
	// AND across facets. A year value is "2009" or a range "2009..2012".
	Filters map[string][]string
	// Exclude maps a facet name to values no hit may have. A facet's
	// counts apply its own exclusions, so every count is what selecting
	// that value would give; an excluded value itself is listed with the
	// count it would have if its exclusion were lifted.
	Exclude map[string][]string
	Page    int // 1-based; with a cursor it only numbers the page
	Size    int
	Sort    string
	// After or Before, a cursor from a Result (Next or Prev), asks for
	// the page after or before the hit it was made from. Unlike an
	// offset, a cursor neither skips nor repeats a hit when documents
	// are added or removed between pages, except under relevance with
	// words, whose scores change as the collection does.
	After  string
	Before string
	// Internal lets internal documents into hits and counts; only the
	// web layer sets it, for a logged-in user. See Scope.
	Internal bool
	fixes    map[string]correction // typo corrections Search retries with
}

// Result is one page of hits plus the facet counts of the whole result.
type Result struct {
	Total  uint64
	Hits   []Hit
	Facets []Facet
	Page   int
	Size   int
	// Next and Prev are cursors for the pages after and before this
	// one; empty when there is no such page.
	Next, Prev string
	Took       time.Duration
	// Notes say how parts of the query were read when that matters:
	// "no city is called "Atlantis"".
	Notes []string
	// DidYouMean is the query with its misspelt words corrected, when
	// Search also searched for the corrections.
	DidYouMean string
}

// Hit is one matching document as a result list shows it.
type Hit struct {
	ID      string
	Title   string
	Kind    string
	Cities  []string
	Themes  []string
	Year    int
	Lang    string
	Source  string
	Score   float64
	Snippet Snippet
	Page    int // page of a paged original (PDF) the snippet is on; 0 when none
}

// Snippet is a passage of text with the matched words marked. It is kept
// as plain segments so that templates escape every byte of it.
type Snippet []Segment

// Segment is a run of snippet text; Match marks a query hit.
type Segment struct {
	Text  string
	Match bool
}

// String returns the snippet's plain text with matches in «».
func (s Snippet) String() string {
	var b []byte
	for _, seg := range s {
		if seg.Match {
			b = append(b, "«"...)
			b = append(b, seg.Text...)
			b = append(b, "»"...)
			continue
		}
		b = append(b, seg.Text...)
	}
	return string(b)
}

// Facet is one facet's values with counts. Counts are disjunctive: a
// facet's own selection is not applied when counting its values.
type Facet struct {
	Name   string
	Values []FacetValue
}

// FacetValue is one value of a facet.
type FacetValue struct {
	Value    string
	Count    int
	Selected bool
	Excluded bool
}
