package web

import (
	"fmt"
	"net/http"
	"net/url"
	"unicode/utf8"

	"casebook/search"
)

// apiSuggestions is the JSON of GET /api/v1/suggest.
type apiSuggestions struct {
	Suggestions []apiSuggestion `json:"suggestions"`
}

type apiSuggestion struct {
	Kind  string `json:"kind"`            // city, theme or title
	Value string `json:"value"`           // the facet value, or the document id
	Label string `json:"label"`           // what to show
	Match string `json:"match,omitempty"` // the other name that matched: バンコク for Bangkok
	Count int    `json:"count,omitempty"` // documents with the value
	URL   string `json:"url"`             // where choosing it goes
}

// serveSuggest completes what is typed in the search box: q is the
// text so far. An engine that cannot suggest gives an empty list.
func (s *Server) serveSuggest(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("q")
	if utf8.RuneCountInString(q) > search.MaxPrefix {
		s.fail(w, r, badRequest(fmt.Sprintf("q is longer than %d characters", search.MaxPrefix)))
		return
	}
	out := apiSuggestions{Suggestions: []apiSuggestion{}}
	sg, ok := s.Search.(search.Suggester)
	if !ok {
		writeJSON(w, http.StatusOK, out)
		return
	}
	list, err := sg.Suggest(r.Context(), q, search.MaxSuggestions, scope(r))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for _, sug := range list {
		if u := suggestionURL(sug); u != "" {
			out.Suggestions = append(out.Suggestions, apiSuggestion{
				Kind: sug.Kind, Value: sug.Value, Label: sug.Label, Match: sug.Match, Count: sug.Count, URL: u,
			})
		}
	}
	writeJSON(w, http.StatusOK, out)
}

// suggestionURL is the page a suggestion leads to: the search with the
// city or theme selected, or the document.
func suggestionURL(sug search.Suggestion) string {
	switch sug.Kind {
	case search.SuggestCity:
		return pageURL(url.Values{search.FacetCity: {sug.Value}})
	case search.SuggestTheme:
		return pageURL(url.Values{search.FacetTheme: {sug.Value}})
	case search.SuggestTitle:
		return docURL(sug.Value, "")
	}
	return ""
}
