package crawl_test

import (
	"context"
	"crypto/sha256"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"casebook/indexer/crawl"
)

// site is a small fixture web site on a loopback server. Every request
// is logged; pages carry an ETag and a Last-Modified unless plain is set.
type site struct {
	srv    *httptest.Server
	robots string
	pages  map[string]page
	plain  bool // no validators: conditional requests are not possible

	mu   sync.Mutex
	reqs []request
}

type page struct {
	typ, body string
	status    int    // 0: 200
	location  string // for a redirect
}

type request struct {
	path        string
	at          time.Time
	ifNoneMatch string
	ifModified  string
	status      int
}

// fixture pages: /site/ is the scope; /other/ lies outside it.
func fixturePages(other string) map[string]page {
	html := func(body string) page { return page{typ: "text/html", body: "<html><body>" + body + "</body></html>"} }
	return map[string]page{
		"/site/index.html": html(`<a href="a.html">A</a> <a href="b.html#top">B</a> <a href="./sub/../c.html">C</a>
			<a href="/site/private/secret.html">secret</a> <a href="/other/out.html">out</a>
			<a href="` + other + `/site/index.html">other host</a> <a href="mailto:x@example.org">mail</a>`),
		"/site/a.html":              html(`<a href="index.html">home</a> <a href="missing.html">gone</a> <a href="moved.html">moved</a> <a href="away.html">away</a>`),
		"/site/b.html":              html(`<frameset><frame src="d.html"><frame src="doc.txt"></frameset> <a href="javascript:void(0)">js</a> <a href="logo.png">logo</a>`),
		"/site/c.html":              html(`<p>C links back to <a href="a.html#x">A</a>.</p>`),
		"/site/d.html":              html(`<p>D</p>`),
		"/site/doc.txt":             {typ: "text/plain", body: "A plain report."},
		"/site/logo.png":            {typ: "image/png", body: "\x89PNG\r\n\x1a\n"},
		"/site/moved.html":          {status: http.StatusMovedPermanently, location: "/site/d.html"},
		"/site/away.html":           {status: http.StatusFound, location: "/other/out.html"},
		"/site/private/secret.html": html(`secret`),
		"/other/out.html":           html(`outside`),
	}
}

// allPages are the pages a full crawl of the fixture fetches with a 200.
var allPages = []string{"/site/a.html", "/site/b.html", "/site/c.html", "/site/d.html", "/site/doc.txt", "/site/index.html", "/site/logo.png"}

func newSite(t *testing.T, robots string) *site {
	t.Helper()
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("the other host got a request: %s", r.URL)
	}))
	t.Cleanup(other.Close)
	s := &site{robots: robots, pages: fixturePages(other.URL)}
	s.srv = httptest.NewServer(s)
	t.Cleanup(s.srv.Close)
	return s
}

var modified = time.Date(2016, 3, 1, 0, 0, 0, 0, time.UTC)

func (s *site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rec := httptest.NewRecorder()
	s.serve(rec, r)
	s.mu.Lock()
	s.reqs = append(s.reqs, request{r.URL.Path, time.Now(), r.Header.Get("If-None-Match"), r.Header.Get("If-Modified-Since"), rec.Code})
	s.mu.Unlock()
	for k, v := range rec.Header() {
		w.Header()[k] = v
	}
	w.WriteHeader(rec.Code)
	w.Write(rec.Body.Bytes())
}

func (s *site) serve(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/robots.txt" {
		if s.robots == "" {
			http.NotFound(w, r)
			return
		}
		w.Write([]byte(s.robots))
		return
	}
	p, ok := s.pages[r.URL.Path]
	switch {
	case !ok:
		http.NotFound(w, r)
	case p.location != "":
		http.Redirect(w, r, p.location, p.status)
	default:
		w.Header().Set("Content-Type", p.typ)
		body := p.body
		if s.plain {
			w.Write([]byte(body))
			return
		}
		w.Header().Set("ETag", fmt.Sprintf(`"%x"`, sha256.Sum256([]byte(body))))
		http.ServeContent(w, r, "", modified, strings.NewReader(body))
	}
}

// requests returns the paths requested with the given status (0: any).
func (s *site) requests(status int) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, r := range s.reqs {
		if status == 0 || r.status == status {
			out = append(out, r.path)
		}
	}
	return out
}

func (s *site) log() []request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.reqs)
}

// crawler returns a crawler of the fixture's /site/ with a fast delay.
func (s *site) crawler(state crawl.State) *crawl.Crawler {
	return &crawl.Crawler{Client: s.srv.Client(), Scope: s.srv.URL + "/site/", Delay: time.Millisecond, State: state}
}

// run crawls the fixture from its index page and returns the pages
// emitted (as paths) and the results.
func (s *site) run(t *testing.T, ctx context.Context, c *crawl.Crawler) (crawl.Stats, []string, []crawl.Result, error) {
	t.Helper()
	var emitted []string
	var results []crawl.Result
	c.OnResult = func(r crawl.Result) { results = append(results, r) }
	stats, err := c.Run(ctx, s.srv.URL+"/site/index.html", func(p crawl.Page) error {
		emitted = append(emitted, strings.TrimPrefix(p.URL, s.srv.URL))
		return nil
	})
	slices.Sort(emitted)
	return stats, emitted, results, err
}

func resultFor(results []crawl.Result, url string) (crawl.Result, bool) {
	for _, r := range results {
		if r.URL == url {
			return r, true
		}
	}
	return crawl.Result{}, false
}
