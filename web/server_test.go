package web

import (
	"io/fs"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"
)

func TestSecurityHeaders(t *testing.T) {
	ts := newTestServer(t)
	for _, path := range []string{"/", "/doc/a1", "/api/v1/search", "/nope", "/healthz"} {
		w := ts.get(t, path)
		h := w.Header()
		if h.Get("Content-Security-Policy") != contentSecurityPolicy {
			t.Errorf("%s: CSP = %q", path, h.Get("Content-Security-Policy"))
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") != "same-origin" {
			t.Errorf("%s: headers %v", path, h)
		}
		if h.Get("X-Request-Id") == "" {
			t.Errorf("%s: no request id", path)
		}
	}
}

func TestHealthz(t *testing.T) {
	ts := newTestServer(t)
	w := ts.get(t, "/healthz")
	if w.Code != http.StatusOK || w.Body.String() != "ok\n" {
		t.Errorf("healthy: %d %q", w.Code, w.Body)
	}
	if req := ts.search.last(t); req.Size != 1 {
		t.Errorf("health search size %d", req.Size)
	}
	ts.search.err = errFake
	if w := ts.get(t, "/healthz"); w.Code != http.StatusServiceUnavailable {
		t.Errorf("unhealthy: %d", w.Code)
	}
}

func TestStatic(t *testing.T) {
	ts := newTestServer(t)
	body := ts.get(t, "/").Body.String()
	css, err := ts.assets.url("style.css")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(body, `href="`+css+`"`) {
		t.Errorf("page does not link %s", css)
	}
	w := ts.get(t, css)
	if w.Code != http.StatusOK || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/css") {
		t.Fatalf("css: %d %s", w.Code, w.Header().Get("Content-Type"))
	}
	if !strings.Contains(w.Header().Get("Cache-Control"), "immutable") {
		t.Errorf("cache = %q", w.Header().Get("Cache-Control"))
	}
	if w := ts.get(t, "/static/oldhash/style.css"); w.Code != http.StatusOK || w.Header().Get("Cache-Control") != "no-cache" {
		t.Errorf("old hash: %d %q", w.Code, w.Header().Get("Cache-Control"))
	}
	if w := ts.get(t, "/static/x/nope.css"); w.Code != http.StatusNotFound {
		t.Errorf("unknown file: %d", w.Code)
	}
	js, _ := ts.assets.url("app.js")
	if w := ts.get(t, js); !strings.HasPrefix(w.Header().Get("Content-Type"), "text/javascript") {
		t.Errorf("js type %q", w.Header().Get("Content-Type"))
	}
}

// templateFiles copies the embedded templates into a map file system.
func templateFiles(t *testing.T) fstest.MapFS {
	t.Helper()
	out := fstest.MapFS{}
	err := fs.WalkDir(templateFS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(templateFS, p)
		out[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestTemplatesFailAtBoot(t *testing.T) {
	s := &Server{}
	if err := s.load(templateFiles(t), staticFS); err != nil {
		t.Fatalf("embedded templates: %v", err)
	}
	for _, name := range []string{"templates/document.html", "templates/layout.html", "templates/partials/facets.html"} {
		files := templateFiles(t)
		delete(files, name)
		if err := (&Server{}).load(files, staticFS); err == nil {
			t.Errorf("no error without %s", name)
		}
	}
	files := templateFiles(t)
	files["templates/error.html"] = &fstest.MapFile{Data: []byte(`{{define "content"}}{{.Nope`)}
	if err := (&Server{}).load(files, staticFS); err == nil {
		t.Error("no error for a broken template")
	}
	files = templateFiles(t)
	files["templates/search.html"] = &fstest.MapFile{Data: []byte(`no content block`)}
	if err := (&Server{}).load(files, staticFS); err == nil {
		t.Error("no error for a view without content")
	}
}

func TestRenderErrorIsClean500(t *testing.T) {
	ts := newTestServer(t)
	w := httptest.NewRecorder()
	r := httptest.NewRequest(http.MethodGet, "/", nil)
	ts.render(w, r, http.StatusOK, viewSearch, page{Title: "x", View: 42}) // wrong model
	if w.Code != http.StatusInternalServerError || strings.Contains(w.Body.String(), "can't evaluate") {
		t.Errorf("status %d body %s", w.Code, w.Body)
	}
	if !strings.Contains(w.Body.String(), "Something went wrong") {
		t.Error("not the error page")
	}
}

func TestPanicIsLogged500(t *testing.T) {
	ts := newTestServer(t)
	ts.Docs = nil // serveDocument will panic on a nil interface
	w := ts.get(t, "/doc/a1")
	if w.Code != http.StatusInternalServerError || !strings.Contains(w.Body.String(), "Something went wrong") {
		t.Errorf("status %d", w.Code)
	}
	if !strings.Contains(ts.logs.String(), "panic") {
		t.Error("panic not logged")
	}
}

func TestMethodNotAllowed(t *testing.T) {
	ts := newTestServer(t)
	w := httptest.NewRecorder()
	ts.h.ServeHTTP(w, httptest.NewRequest(http.MethodPost, "/", nil))
	if w.Code != http.StatusMethodNotAllowed {
		t.Errorf("status %d", w.Code)
	}
}

func TestHandlerWithoutNewServer(t *testing.T) {
	s := &Server{Search: &fakeSearcher{result: cannedResult()}, Docs: cannedDocs(), Logger: slog.New(slog.DiscardHandler)}
	w := httptest.NewRecorder()
	s.Handler().ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/?q=flood", nil))
	if w.Code != http.StatusOK {
		t.Errorf("status %d", w.Code)
	}
}

// TestConcurrentRenders runs pages in parallel for the race detector.
func TestConcurrentRenders(t *testing.T) {
	ts := newTestServer(t)
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Go(func() {
			path := []string{"/?q=flood&city=Bangkok", "/doc/a1", "/api/v1/search?q=x", "/nope"}[i%4]
			w := httptest.NewRecorder()
			ts.h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, path, nil))
			if w.Code >= 500 {
				t.Errorf("%s: %d", path, w.Code)
			}
		})
	}
	wg.Wait()
}

func TestSearchHasDeadline(t *testing.T) {
	ts := newTestServer(t)
	ts.Timeout = 5 * time.Second
	for _, path := range []string{"/?q=x", "/api/v1/search?q=x"} {
		start := time.Now()
		ts.get(t, path)
		ctx := ts.search.ctxs[len(ts.search.ctxs)-1]
		dl, ok := ctx.Deadline()
		if !ok || dl.Sub(start) > 5*time.Second+time.Second {
			t.Errorf("%s: deadline %v, %v", path, dl, ok)
		}
	}
}
