package search

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	index "github.com/blevesearch/bleve_index_api"
)

// Suggestion kinds.
const (
	SuggestCity  = "city"
	SuggestTheme = "theme"
	SuggestTitle = "title"
)

// Limits of Suggest.
const (
	MaxSuggestions = 10
	MaxPrefix      = 100 // runes of a prefix
)

// Suggestion is one completion of what a user is typing.
type Suggestion struct {
	Kind  string // SuggestCity, SuggestTheme or SuggestTitle
	Value string // the facet value, or the document id of a title
	Label string // what to show: the city, the theme or the title
	Match string // the other name that matched, when not Label: "バンコク" for Bangkok
	Count int    // documents with the value; 0 for titles
}

// Suggester completes what a user types in the search box. Index
// implements it; the web layer checks for it.
type Suggester interface {
	// Suggest returns up to n completions of prefix: cities, themes and
	// titles, in that order, from the documents sc may see. It returns
	// ErrBadRequest (wrapped) for a prefix longer than MaxPrefix runes.
	Suggest(ctx context.Context, prefix string, n int, sc Scope) ([]Suggestion, error)
}

var _ Suggester = (*Index)(nil)

// Suggest matches prefix, ignoring case, width and Latin accents, against
// the start of any word of the cities and themes the index holds (by any
// of their names, in any script) and of document titles.
func (ix *Index) Suggest(ctx context.Context, prefix string, n int, sc Scope) ([]Suggestion, error) {
	if utf8.RuneCountInString(prefix) > MaxPrefix {
		return nil, fmt.Errorf("%w: prefix longer than %d characters", ErrBadRequest, MaxPrefix)
	}
	p := strings.TrimSpace(fold(prefix))
	if p == "" || n <= 0 {
		return nil, nil
	}
	n = min(n, MaxSuggestions)
	ctx, cancel := ix.withTimeout(ctx)
	defer cancel()
	r, err := ix.reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	skip, err := hidden(ctx, r, sc)
	if err != nil {
		return nil, err
	}
	cities, err := matchValues(ctx, r, FacetCity, p, cityNames, skip)
	if err != nil {
		return nil, err
	}
	themes, err := matchValues(ctx, r, FacetTheme, p, themeNames, skip)
	if err != nil {
		return nil, err
	}
	titles, err := ix.matchTitles(ctx, r, prefix, n, sc)
	if err != nil {
		return nil, err
	}
	return shares(n, cities, themes, titles), nil
}

// ranked is a suggestion with how well it matched: 0 when a name starts
// with the prefix, 1 when a later word of it does.
type ranked struct {
	Suggestion
	rank int
}

// matchValues suggests the values of facet that have a name matching
// the folded prefix p, with their live document counts, documents in
// skip left out.
func matchValues(ctx context.Context, r index.IndexReader, facet, p string, names *nameTable, skip map[string]bool) ([]Suggestion, error) {
	field := facetField[facet]
	dict, err := r.FieldDict(field)
	if err != nil {
		return nil, fmt.Errorf("search.Suggest: values of %s: %w", facet, err)
	}
	defer dict.Close()
	var found []ranked
	for {
		e, err := dict.Next()
		if err != nil {
			return nil, fmt.Errorf("search.Suggest: values of %s: %w", facet, err)
		}
		if e == nil {
			break
		}
		ns, err := names.get(e.Term)
		if err != nil {
			return nil, err
		}
		if rank, match, ok := matchName(ns, p); ok {
			found = append(found, ranked{Suggestion{Kind: facet, Value: e.Term, Label: e.Term, Match: match}, rank})
		}
	}
	return counted(ctx, r, field, found, skip)
}

// matchName finds the best match of p among ns: the rank, and the name
// that matched when it is not the value itself.
func matchName(ns []valueName, p string) (rank int, match string, ok bool) {
	rank = 2
	for i, n := range ns {
		for j, f := range n.forms {
			r := min(j, 1)
			if r < rank && strings.HasPrefix(f, p) {
				rank, ok = r, true
				match = ""
				if i > 0 {
					match = n.text
				}
			}
		}
	}
	return rank, match, ok
}

// counted sets the live document count of each value (the term
// dictionary's counts still include deleted documents), drops values
// no document has any more and sorts the rest: better matches first,
// then more documents.
func counted(ctx context.Context, r index.IndexReader, field string, found []ranked, skip map[string]bool) ([]Suggestion, error) {
	out := found[:0]
	for _, f := range found {
		var err error
		if f.Count, err = visibleCount(ctx, r, field, f.Value, skip); err != nil {
			return nil, fmt.Errorf("search.Suggest: %w", err)
		}
		if f.Count > 0 {
			out = append(out, f)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.rank != b.rank {
			return a.rank < b.rank
		}
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		return a.Value < b.Value
	})
	list := make([]Suggestion, len(out))
	for i, f := range out {
		list[i] = f.Suggestion
	}
	return list, nil
}

// shares takes up to n suggestions from the groups in order, each group
// first getting an even share and what the others leave going to the
// earlier groups.
func shares(n int, groups ...[]Suggestion) []Suggestion {
	take := make([]int, len(groups))
	left := n
	for i, g := range groups {
		take[i] = min(len(g), n/len(groups))
		left -= take[i]
	}
	for i, g := range groups {
		extra := min(len(g)-take[i], left)
		take[i] += extra
		left -= extra
	}
	var out []Suggestion
	for i, g := range groups {
		out = append(out, g[:take[i]]...)
	}
	return out
}
