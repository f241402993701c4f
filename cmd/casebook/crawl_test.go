package main

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"casebook/data"
	"casebook/search"
)

// mirrorRobots keeps the crawler out of the project pages.
const mirrorRobots = "User-agent: *\nDisallow: /asialetter/project/\n"

// mirrorPages are the pages reachable from the inaugural issue: the
// single-page issues link to each other and to the Japanese edition, not
// to the later per-article folders.
var mirrorPages = []string{
	"english/newsletter/200901.html", "english/newsletter/200903.html", "english/newsletter/200905.html",
	"english/newsletter/200907.html", "english/newsletter/200911.html", "english/newsletter/201003.html",
	"japanese/newsletter/200901.html",
}

// mirror serves the bundled newsletter mirror on a loopback port as a
// plain static server would: each file as text/html with an ETag, 404 for
// anything else (no folder listings), and a robots.txt.
type mirror struct {
	*httptest.Server
	fsys fs.FS
	mu   sync.Mutex
	reqs []string
	cond int // requests with If-None-Match
	// onRequest, when set, sees each request's path before it is served.
	onRequest func(path string)
}

func newMirror(t *testing.T) *mirror {
	t.Helper()
	sub, err := fs.Sub(data.Sample, "sample/newsletter/www.example-tmg.jp")
	if err != nil {
		t.Fatal(err)
	}
	m := &mirror{fsys: sub}
	m.Server = httptest.NewServer(m)
	t.Cleanup(m.Close)
	return m
}

func (m *mirror) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	m.mu.Lock()
	m.reqs = append(m.reqs, r.URL.Path)
	if r.Header.Get("If-None-Match") != "" {
		m.cond++
	}
	hook := m.onRequest
	m.mu.Unlock()
	if hook != nil {
		hook(r.URL.Path)
	}
	if r.URL.Path == "/robots.txt" {
		fmt.Fprint(w, mirrorRobots)
		return
	}
	body, err := fs.ReadFile(m.fsys, strings.TrimPrefix(r.URL.Path, "/"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/html")
	w.Header().Set("ETag", fmt.Sprintf(`"%x"`, sha256.Sum256(body)))
	http.ServeContent(w, r, "", time.Time{}, strings.NewReader(string(body)))
}

func (m *mirror) requests() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	return slices.Clone(m.reqs)
}

func (m *mirror) conditional() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.cond
}

func (m *mirror) crawl(t *testing.T, dataDir string, extra ...string) (string, error) {
	t.Helper()
	return m.crawlCtx(t, context.Background(), dataDir, extra...)
}

func (m *mirror) crawlCtx(t *testing.T, ctx context.Context, dataDir string, extra ...string) (string, error) {
	t.Helper()
	args := append([]string{"crawl", "--data-dir", dataDir, "--delay", "1ms"}, extra...)
	args = append(args, m.URL+"/asialetter/english/newsletter/200901.html", "--scope", m.URL+"/asialetter/")
	var out, errOut strings.Builder
	err := Run(ctx, args, &out, &errOut)
	if errors.Is(err, errUsage) {
		t.Fatalf("usage error: %s", errOut.String())
	}
	return out.String(), err
}

// TestCrawlNewsletterMirror crawls the sample mirror over HTTP: every
// page in scope is ingested and searchable, robots.txt is obeyed, the
// mirror's dead links are listed in the job, and a second crawl finds
// everything unchanged.
func TestCrawlNewsletterMirror(t *testing.T) {
	m, dataDir := newMirror(t), t.TempDir()
	out, err := m.crawl(t, dataDir)
	if err != nil {
		t.Fatalf("crawl: %v\n%s", err, out)
	}
	for _, p := range m.requests() {
		if strings.HasPrefix(p, "/asialetter/project/") {
			t.Errorf("fetched %s, which robots.txt disallows", p)
		}
	}
	a, err := openApp(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	jobs, err := a.store.Jobs(1)
	if err != nil || len(jobs) != 1 {
		t.Fatalf("jobs = %v, %v", jobs, err)
	}
	checkCrawlJob(t, jobs[0], m.URL)
	checkSearchable(t, a, m.URL)
	a.Close()

	out, err = m.crawl(t, dataDir)
	if err != nil {
		t.Fatalf("second crawl: %v\n%s", err, out)
	}
	pages := len(mirrorPages)
	if n := m.conditional(); n != pages {
		t.Errorf("second crawl sent If-None-Match %d times, want %d", n, pages)
	}
	for _, want := range []string{
		fmt.Sprintf("crawl: 0 fetched, %d unchanged, 0 failed", pages),
		fmt.Sprintf("0 added, 0 updated, %d unchanged, ", pages),
		"index: 0 documents updated",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("second crawl output lacks %q:\n%s", want, out)
		}
	}
}

// checkCrawlJob wants each page added and each dead link failed with its
// status.
func checkCrawlJob(t *testing.T, job *data.Job, base string) {
	t.Helper()
	outcomes := map[string]data.FileOutcome{}
	for _, f := range job.Files {
		outcomes[f.Path] = f
	}
	for _, p := range mirrorPages {
		if f := outcomes[base+"/asialetter/"+p]; f.Outcome != string(data.Added) || len(f.Docs) == 0 {
			t.Errorf("%s: %+v, want added", p, f)
		}
	}
	for _, dead := range []string{"english/newsletter/200909.html", "english/newsletter/backnumber.html", "english/index.html", "japanese/newsletter/200903.html"} {
		f := outcomes[base+"/asialetter/"+dead]
		if f.Outcome != "failed" || f.Error != "HTTP 404" || len(f.Warnings) == 0 {
			t.Errorf("dead link %s: %+v, want failed with HTTP 404 and where it is linked", dead, f)
		}
	}
	if job.Status != data.JobDone || job.Failed == 0 || job.Added != len(mirrorPages) {
		t.Errorf("job = %+v", job)
	}
}

// checkSearchable finds crawled articles by their words, English and
// Japanese, with the page URL as their source.
func checkSearchable(t *testing.T, a *app, base string) {
	t.Helper()
	for q, page := range map[string]string{
		"Thang Long":   "english/newsletter/200901.html",
		"Commonwealth": "english/newsletter/",
		"バンコク":         "japanese/newsletter/",
	} {
		res, err := a.index.Search(context.Background(), search.Request{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		ok := slices.ContainsFunc(res.Hits, func(h search.Hit) bool {
			return strings.HasPrefix(h.Source, base+"/asialetter/"+page)
		})
		if res.Total == 0 || !ok {
			t.Errorf("%q: %d hits, none from %s", q, res.Total, page)
		}
	}
}

// TestCrawlResumesAfterLimit stops a crawl at --limit and runs it again:
// the second run continues from the saved frontier, so no page is
// requested twice and all are ingested in the end.
func TestCrawlResumesAfterLimit(t *testing.T) {
	m, dataDir := newMirror(t), t.TempDir()
	out, err := m.crawl(t, dataDir, "--limit", "5")
	if err != nil || !strings.Contains(out, "run the same command to continue") {
		t.Fatalf("limited crawl: %v\n%s", err, out)
	}
	if out, err = m.crawl(t, dataDir, "--limit", "0"); err != nil {
		t.Fatalf("second crawl: %v\n%s", err, out)
	}
	reqs := slices.DeleteFunc(m.requests(), func(p string) bool { return p == "/robots.txt" })
	seen := map[string]bool{}
	for _, p := range reqs {
		if seen[p] {
			t.Errorf("%s requested twice", p)
		}
		seen[p] = true
	}
	for _, p := range mirrorPages {
		if !seen["/asialetter/"+p] {
			t.Errorf("%s never requested", p)
		}
	}
	if !strings.Contains(out, "0 left in frontier") {
		t.Errorf("second crawl did not complete:\n%s", out)
	}
}

// TestCrawlInterrupted cancels a crawl as Ctrl-C would: it stops, keeps
// what it ingested (searchable at once) and its frontier, records the job
// as stopped, and the same command then finishes the crawl.
func TestCrawlInterrupted(t *testing.T) {
	m, dataDir := newMirror(t), t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pages := 0
	m.onRequest = func(p string) {
		if strings.HasSuffix(p, ".html") {
			if pages++; pages == 3 {
				cancel()
			}
		}
	}
	out, err := m.crawlCtx(t, ctx, dataDir)
	if !errors.Is(err, context.Canceled) || !strings.Contains(out, "crawl interrupted") {
		t.Fatalf("interrupted crawl: err = %v\n%s", err, out)
	}
	m.onRequest = nil
	a, err := openApp(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	jobs, _ := a.store.Jobs(1)
	res, _ := a.index.Search(context.Background(), search.Request{Query: "Thang Long"})
	a.Close()
	if len(jobs) != 1 || jobs[0].Status != data.JobFailed || !strings.Contains(jobs[0].Error, "canceled") {
		t.Errorf("job of the interrupted crawl: %+v", jobs)
	}
	if res == nil || res.Total == 0 {
		t.Error("pages ingested before the interruption are not searchable")
	}
	if out, err = m.crawl(t, dataDir); err != nil || !strings.Contains(out, "0 left in frontier") {
		t.Fatalf("resumed crawl: %v\n%s", err, out)
	}
	start := "/asialetter/english/newsletter/200901.html"
	if n := len(slices.DeleteFunc(m.requests(), func(p string) bool { return p != start })); n != 1 {
		t.Errorf("the start page was requested %d times, want once", n)
	}
}

// TestCrawlArgs refuses bad command lines before fetching anything.
func TestCrawlArgs(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		env  string
		want string // "" for errUsage
	}{
		{args: []string{}},
		{args: []string{"http://127.0.0.1:1/a/", "http://127.0.0.1:1/b/"}},
		{args: []string{"--delay", "soon", "http://127.0.0.1:1/a/"}},
		{args: []string{"ftp://127.0.0.1/a/"}, want: "not an http or https URL"},
		{args: []string{"http://127.0.0.1:1/a/x.html", "--scope", "http://127.0.0.1:1/b/"}, want: "outside the scope"},
		{args: []string{"http://127.0.0.1:1/a/"}, env: "soon"}, // last: the variable stays set
	} {
		if tc.env != "" {
			t.Setenv("CASEBOOK_DELAY", tc.env)
		}
		var out, errOut strings.Builder
		err := Run(context.Background(), append([]string{"crawl", "--data-dir", dir}, tc.args...), &out, &errOut)
		switch {
		case tc.want == "" && !errors.Is(err, errUsage):
			t.Errorf("%v: err = %v, want a usage error", tc.args, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%v: err = %v, want %q", tc.args, err, tc.want)
		}
	}
}
