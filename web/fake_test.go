package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"casebook/data"
	"casebook/search"
)

// Hostile strings that must come out escaped everywhere.
const (
	evilScript = `<script>alert(1)</script>`
	evilImg    = `"><img src=x onerror=alert(1)>`
	evilJS     = `javascript:alert(1)`
)

// fakeSearcher records the requests it gets and answers with result.
type fakeSearcher struct {
	mu     sync.Mutex
	got    []search.Request
	ctxs   []context.Context
	result search.Result
	err    error
}

func (f *fakeSearcher) Search(ctx context.Context, req search.Request) (*search.Result, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.got = append(f.got, req)
	f.ctxs = append(f.ctxs, ctx)
	if f.err != nil {
		return nil, f.err
	}
	res := f.result
	res.Page, res.Size = req.Page, req.Size
	return &res, nil
}

// last is the last request the searcher got.
func (f *fakeSearcher) last(t *testing.T) search.Request {
	t.Helper()
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.got) == 0 {
		t.Fatal("searcher was not called")
	}
	return f.got[len(f.got)-1]
}

// fakeDocs is an in-memory Documents and Issues.
type fakeDocs struct {
	docs      map[string]*data.Document
	originals map[string][]byte
	issues    map[string]*data.IssueView
}

func (f *fakeDocs) Document(id string) (*data.Document, error) {
	d, ok := f.docs[id]
	if !ok {
		return nil, fmt.Errorf("document %q: %w", id, data.ErrNotFound)
	}
	return d, nil
}

func (f *fakeDocs) Issue(id string) (*data.IssueView, error) {
	v, ok := f.issues[id]
	if !ok {
		return nil, fmt.Errorf("issue %q: %w", id, data.ErrNotFound)
	}
	return v, nil
}

func (f *fakeDocs) OpenOriginal(hash string) (io.ReadCloser, error) {
	b, ok := f.originals[hash]
	if !ok {
		return nil, fmt.Errorf("original %q: %w", hash, data.ErrNotFound)
	}
	return io.NopCloser(bytes.NewReader(b)), nil
}

// cannedResult is a page of two hits with facets, one hit hostile.
func cannedResult() search.Result {
	return search.Result{
		Total: 24,
		Took:  1500 * time.Microsecond,
		Hits: []search.Hit{
			{
				ID: "a1", Title: "Flood control in Bangkok", Kind: "case-study",
				Cities: []string{"Bangkok"}, Themes: []string{"flood control"}, Year: 2011, Lang: "en",
				Source: "reports/bangkok.pdf", Page: 14,
				Snippet: search.Snippet{{Text: "how the city handled "}, {Text: "flood", Match: true}, {Text: " control"}},
			},
			{
				ID: "evil", Title: evilScript + evilImg, Kind: "report",
				Cities: []string{evilImg}, Themes: []string{evilJS}, Year: 2010, Lang: "en",
				Source:  evilJS,
				Snippet: search.Snippet{{Text: evilScript}, {Text: evilImg, Match: true}, {Text: evilJS}},
			},
		},
		Facets: []search.Facet{
			{Name: search.FacetCity, Values: []search.FacetValue{
				{Value: "Hanoi", Count: 3}, {Value: "Bangkok", Count: 12}, {Value: evilImg, Count: 1},
			}},
			{Name: search.FacetTheme, Values: []search.FacetValue{
				{Value: "flood control", Count: 9}, {Value: evilScript, Count: 2}, {Value: evilJS, Count: 1},
			}},
			{Name: search.FacetYear, Values: []search.FacetValue{
				{Value: "2009", Count: 4}, {Value: "2012", Count: 2}, {Value: "2010", Count: 7},
			}},
			{Name: search.FacetKind, Values: []search.FacetValue{{Value: "case-study", Count: 20}, {Value: "report", Count: 4}}},
			{Name: search.FacetLang, Values: []search.FacetValue{{Value: "en", Count: 24}}},
		},
	}
}

// cannedDocs holds one ordinary and one hostile document.
func cannedDocs() *fakeDocs {
	return &fakeDocs{
		docs: map[string]*data.Document{
			"a1": {
				ID: "a1", Title: "Flood control in Bangkok", Kind: "case-study", Lang: "en", Year: 2011,
				Date: "2011-10", Summary: "Bangkok's canals.", Headings: []string{"Background", "Lessons"},
				Body:   "First paragraph.\n\nSecond paragraph\nwith a line.\n\n\nThird.",
				Source: "reports/Bangkok Floods.PDF", Hash: "h1", MediaType: "application/pdf",
				Tags: []data.Tag{
					{Facet: "city", Value: "Bangkok", Origin: "detected", Evidence: `title: "in Bangkok"`},
					{Facet: "theme", Value: "flood control", Origin: "source", Evidence: "front matter"},
				},
				Issue: &data.Issue{Label: "21st Issue"},
			},
			"evil": {
				ID: "evil", Title: evilScript + evilImg, Kind: "report", Lang: "en",
				Summary: evilImg, Headings: []string{evilScript}, Body: evilScript + "\n\n" + evilImg + "\n\n" + evilJS,
				Source: evilJS, Hash: "h2", MediaType: "text/html", Charset: `utf-8"><script>`,
				Flags: []string{data.FlagNoText, evilScript},
				Tags: []data.Tag{
					{Facet: "city", Value: evilImg, Origin: "detected", Evidence: evilScript},
					{Facet: "theme", Value: evilJS, Origin: evilImg, Evidence: evilJS},
				},
				Issue: &data.Issue{Label: evilScript},
			},
		},
		originals: map[string][]byte{"h1": []byte("%PDF-1.4 fake"), "h2": []byte("<html>" + evilScript)},
	}
}

// testServer is a Server over the canned fakes.
type testServer struct {
	*Server
	search *fakeSearcher
	docs   *fakeDocs
	h      http.Handler
	logs   *lockedBuffer
}

func newTestServer(t *testing.T) *testServer {
	t.Helper()
	fs := &fakeSearcher{result: cannedResult()}
	docs := cannedDocs()
	logs := &lockedBuffer{}
	s, err := NewServer(fs, docs, slog.New(slog.NewTextHandler(logs, nil)), "test")
	if err != nil {
		t.Fatal(err)
	}
	return &testServer{Server: s, search: fs, docs: docs, h: s.Handler(), logs: logs}
}

// get requests target and returns the recorded response.
func (ts *testServer) get(t *testing.T, target string) *httptest.ResponseRecorder {
	t.Helper()
	w := httptest.NewRecorder()
	ts.h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, target, nil))
	return w
}

// lockedBuffer lets concurrent requests share a log buffer under -race.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

var errFake = errors.New("fake engine failure with secret details")
