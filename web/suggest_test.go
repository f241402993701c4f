package web

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"

	"casebook/search"
)

// smartSearcher is a fakeSearcher that also suggests and finds related
// documents, as search.Index does.
type smartSearcher struct {
	*fakeSearcher
	suggestions []search.Suggestion
	related     []search.Hit
	relatedErr  error

	mu       sync.Mutex
	prefixes []string
}

func (s *smartSearcher) Suggest(_ context.Context, prefix string, n int, _ search.Scope) ([]search.Suggestion, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.prefixes = append(s.prefixes, prefix)
	return s.suggestions[:min(n, len(s.suggestions))], nil
}

func (s *smartSearcher) Related(_ context.Context, id string, n int, _ search.Scope) ([]search.Hit, error) {
	return s.related[:min(n, len(s.related))], s.relatedErr
}

func cannedSuggestions() []search.Suggestion {
	return []search.Suggestion{
		{Kind: search.SuggestCity, Value: "Bangkok", Label: "Bangkok", Match: "バンコク", Count: 12},
		{Kind: search.SuggestTheme, Value: "flood control", Label: "flood control", Count: 9},
		{Kind: search.SuggestTitle, Value: "a1", Label: "Flood control in Bangkok"},
		{Kind: search.SuggestCity, Value: evilImg, Label: evilScript, Match: evilJS, Count: 1},
		{Kind: search.SuggestTitle, Value: "evil", Label: evilScript + evilImg},
	}
}

func cannedRelated() []search.Hit {
	hits := cannedResult().Hits
	kl := search.Hit{
		ID: "kl1", Title: "Flood tunnel in Kuala Lumpur", Kind: "case-study", Lang: "en", Year: 2012,
		Cities: []string{"Kuala Lumpur", "Tokyo"}, Themes: []string{"flood control"},
		Snippet: search.Snippet{{Text: "stores "}, {Text: "flood", Match: true}, {Text: " water"}},
	}
	return append([]search.Hit{kl}, hits[1])
}

// newSmartTestServer is newTestServer with a searcher that suggests and
// relates.
func newSmartTestServer(t *testing.T) (*testServer, *smartSearcher) {
	t.Helper()
	ss := &smartSearcher{fakeSearcher: &fakeSearcher{result: cannedResult()}, suggestions: cannedSuggestions(), related: cannedRelated()}
	docs := cannedDocs()
	logs := &lockedBuffer{}
	s, err := NewServer(ss, docs, slog.New(slog.NewTextHandler(logs, nil)), "test")
	if err != nil {
		t.Fatal(err)
	}
	return &testServer{Server: s, search: ss.fakeSearcher, docs: docs, h: s.Handler(), logs: logs}, ss
}

func TestAPISuggest(t *testing.T) {
	ts, ss := newSmartTestServer(t)
	w := ts.get(t, "/api/v1/suggest?q=%E3%83%90%E3%83%B3")
	if w.Code != http.StatusOK || !strings.HasPrefix(w.Header().Get("Content-Type"), "application/json") {
		t.Fatalf("status %d, type %q", w.Code, w.Header().Get("Content-Type"))
	}
	if got := ss.prefixes; len(got) != 1 || got[0] != "バン" {
		t.Errorf("engine got prefixes %q", got)
	}
	if strings.Contains(w.Body.String(), "<") {
		t.Errorf("unescaped markup in JSON: %s", w.Body)
	}
	var res struct {
		Suggestions []apiSuggestion `json:"suggestions"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	want := []apiSuggestion{
		{Kind: "city", Value: "Bangkok", Label: "Bangkok", Match: "バンコク", Count: 12, URL: "/?city=Bangkok"},
		{Kind: "theme", Value: "flood control", Label: "flood control", Count: 9, URL: "/?theme=flood+control"},
		{Kind: "title", Value: "a1", Label: "Flood control in Bangkok", URL: "/doc/a1"},
		{Kind: "city", Value: evilImg, Label: evilScript, Match: evilJS, Count: 1, URL: "/?city=%22%3E%3Cimg+src%3Dx+onerror%3Dalert%281%29%3E"},
		{Kind: "title", Value: "evil", Label: evilScript + evilImg, URL: "/doc/evil"},
	}
	if len(res.Suggestions) != len(want) {
		t.Fatalf("suggestions = %+v", res.Suggestions)
	}
	for i := range want {
		if res.Suggestions[i] != want[i] {
			t.Errorf("suggestion %d = %+v, want %+v", i, res.Suggestions[i], want[i])
		}
	}
}

func TestAPISuggestLimits(t *testing.T) {
	ts, ss := newSmartTestServer(t)
	w := ts.get(t, "/api/v1/suggest?q="+strings.Repeat("a", search.MaxPrefix+1))
	if w.Code != http.StatusBadRequest || !strings.Contains(w.Body.String(), `"error":"q is longer than 100 characters"`) {
		t.Errorf("long q: status %d, body %s", w.Code, w.Body)
	}
	if len(ss.prefixes) != 0 {
		t.Errorf("engine asked for a long prefix: %q", ss.prefixes)
	}
	w = ts.get(t, "/api/v1/suggest?q="+strings.Repeat("界", search.MaxPrefix))
	if w.Code != http.StatusOK {
		t.Errorf("%d CJK characters: status %d", search.MaxPrefix, w.Code)
	}
}

func TestAPISuggestWithoutSuggester(t *testing.T) {
	ts := newTestServer(t)
	w := ts.get(t, "/api/v1/suggest?q=ban")
	if w.Code != http.StatusOK || strings.TrimSpace(w.Body.String()) != `{"suggestions":[]}` {
		t.Errorf("status %d, body %s", w.Code, w.Body)
	}
}
