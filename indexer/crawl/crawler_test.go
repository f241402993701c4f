package crawl_test

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"casebook/indexer/crawl"
)

const disallowPrivate = "User-agent: *\nDisallow: /site/private/\n"

// TestCrawlStaysInScope crawls the fixture: every page under /site/ is
// fetched once, nothing outside the prefix or on the other host is, and
// the robots.txt disallow is obeyed.
func TestCrawlStaysInScope(t *testing.T) {
	s := newSite(t, disallowPrivate)
	stats, emitted, results, err := s.run(t, context.Background(), s.crawler(nil))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"/site/a.html", "/site/b.html", "/site/c.html", "/site/d.html", "/site/doc.txt", "/site/index.html"}
	if !slices.Equal(emitted, want) {
		t.Errorf("emitted %v, want %v", emitted, want)
	}
	reqs := s.requests(0)
	for _, p := range reqs {
		if strings.HasPrefix(p, "/other/") || strings.HasPrefix(p, "/site/private/") {
			t.Errorf("fetched %s", p)
		}
	}
	sorted := slices.Sorted(slices.Values(reqs))
	if len(slices.Compact(sorted)) != len(reqs) {
		t.Errorf("a URL was fetched twice: %v", reqs)
	}
	if r, _ := resultFor(results, s.srv.URL+"/site/private/secret.html"); r.Outcome != crawl.Skipped || !strings.Contains(r.Detail, "robots.txt") {
		t.Errorf("private page: %+v, want skipped by robots.txt", r)
	}
	if r, _ := resultFor(results, s.srv.URL+"/site/logo.png"); r.Outcome != crawl.Skipped {
		t.Errorf("image: %+v, want skipped", r)
	}
	if !stats.Complete || stats.Left != 0 || stats.Fetched != 6 {
		t.Errorf("stats = %+v", stats)
	}
}

// TestCrawlDeadLink reports a 404 within scope with the page linking it.
func TestCrawlDeadLink(t *testing.T) {
	s := newSite(t, "")
	stats, _, results, err := s.run(t, context.Background(), s.crawler(nil))
	if err != nil {
		t.Fatal(err)
	}
	r, ok := resultFor(results, s.srv.URL+"/site/missing.html")
	if !ok || r.Outcome != crawl.Dead || r.Detail != "HTTP 404" || r.From != s.srv.URL+"/site/a.html" {
		t.Errorf("missing page: %+v", r)
	}
	if stats.Dead != 1 {
		t.Errorf("stats = %+v, want 1 dead", stats)
	}
}

// TestCrawlRedirects follows a redirect within scope and refuses one out
// of it.
func TestCrawlRedirects(t *testing.T) {
	s := newSite(t, "")
	_, _, results, err := s.run(t, context.Background(), s.crawler(nil))
	if err != nil {
		t.Fatal(err)
	}
	if r, _ := resultFor(results, s.srv.URL+"/site/moved.html"); r.Outcome != crawl.Redirected {
		t.Errorf("in-scope redirect: %+v", r)
	}
	if r, _ := resultFor(results, s.srv.URL+"/site/away.html"); r.Outcome != crawl.Skipped || !strings.Contains(r.Detail, "out of scope") {
		t.Errorf("out-of-scope redirect: %+v", r)
	}
	if slices.Contains(s.requests(0), "/other/out.html") {
		t.Error("followed the redirect out of scope")
	}
}

// TestCrawlPoliteness checks the gap between requests to the server: at
// least the crawler's delay, or robots.txt's Crawl-delay when larger.
func TestCrawlPoliteness(t *testing.T) {
	for _, tc := range []struct {
		name   string
		robots string
		delay  time.Duration
		want   time.Duration
	}{
		{"delay", "", 20 * time.Millisecond, 20 * time.Millisecond},
		{"crawl-delay", "User-agent: casebook\nCrawl-delay: 0.03\n", time.Millisecond, 30 * time.Millisecond},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newSite(t, tc.robots)
			c := s.crawler(nil)
			c.Delay = tc.delay
			if _, _, _, err := s.run(t, context.Background(), c); err != nil {
				t.Fatal(err)
			}
			log := s.log()
			if len(log) < 5 {
				t.Fatalf("only %d requests", len(log))
			}
			for i := 1; i < len(log); i++ {
				if gap := log[i].at.Sub(log[i-1].at); gap < tc.want {
					t.Errorf("%s after %s: gap %v, want at least %v", log[i].path, log[i-1].path, gap, tc.want)
				}
			}
		})
	}
}

// TestCrawlLimit stops after Limit requests and keeps the rest queued.
func TestCrawlLimit(t *testing.T) {
	s := newSite(t, "")
	state := &crawl.MemState{}
	c := s.crawler(state)
	c.Limit = 2
	stats, emitted, _, err := s.run(t, context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	if pages := len(s.requests(0)) - 1; pages != 2 || len(emitted) != 2 { // robots.txt not counted
		t.Errorf("%d page requests, %d emitted; want 2", pages, len(emitted))
	}
	p, _ := state.CrawlProgress(s.srv.URL + "/site/")
	if stats.Complete || stats.Left == 0 || len(p.Frontier) != stats.Left {
		t.Errorf("stats = %+v, saved frontier %d", stats, len(p.Frontier))
	}
}

// TestCrawlConditional crawls twice: the second run sends the validators,
// gets 304s and emits nothing, yet still reaches every page.
func TestCrawlConditional(t *testing.T) {
	s := newSite(t, disallowPrivate)
	state := &crawl.MemState{}
	if _, _, _, err := s.run(t, context.Background(), s.crawler(state)); err != nil {
		t.Fatal(err)
	}
	first := len(s.log())
	stats, emitted, _, err := s.run(t, context.Background(), s.crawler(state))
	if err != nil {
		t.Fatal(err)
	}
	if len(emitted) != 0 {
		t.Errorf("second run emitted %v", emitted)
	}
	var notModified []string
	for _, r := range s.log()[first:] {
		if r.status == http.StatusNotModified {
			if r.ifNoneMatch == "" || r.ifModified == "" {
				t.Errorf("%s: 304 without both validators sent: %+v", r.path, r)
			}
			notModified = append(notModified, r.path)
		}
	}
	slices.Sort(notModified)
	if want := slices.DeleteFunc(slices.Clone(allPages), func(p string) bool { return p == "/site/logo.png" }); !slices.Equal(notModified, want) {
		t.Errorf("304 for %v, want %v", notModified, want)
	}
	if stats.Unchanged != 6 || stats.Fetched != 0 || !stats.Complete {
		t.Errorf("stats = %+v", stats)
	}
}

// TestCrawlUnchangedHash passes over a page served again with the same
// bytes when the server offers no validators.
func TestCrawlUnchangedHash(t *testing.T) {
	s := newSite(t, disallowPrivate)
	s.plain = true
	state := &crawl.MemState{}
	if _, _, _, err := s.run(t, context.Background(), s.crawler(state)); err != nil {
		t.Fatal(err)
	}
	s.pages["/site/d.html"] = page{typ: "text/html", body: "<p>D, revised</p>"}
	stats, emitted, _, err := s.run(t, context.Background(), s.crawler(state))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(emitted, []string{"/site/d.html"}) || stats.Unchanged != 5 {
		t.Errorf("emitted %v, stats %+v; want only the revised page", emitted, stats)
	}
}

// TestCrawlFailedIngestRefetched keeps no validators for a page emit
// failed on, so the next crawl fetches it in full.
func TestCrawlFailedIngestRefetched(t *testing.T) {
	s := newSite(t, disallowPrivate)
	state := &crawl.MemState{}
	c := s.crawler(state)
	_, err := c.Run(context.Background(), s.srv.URL+"/site/index.html", func(p crawl.Page) error {
		if strings.HasSuffix(p.URL, "/doc.txt") {
			return errors.New("unsupported")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	_, emitted, _, err := s.run(t, context.Background(), s.crawler(state))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(emitted, []string{"/site/doc.txt"}) {
		t.Errorf("second run emitted %v, want the page that failed", emitted)
	}
}

// TestCrawlResume cancels a crawl after two pages and runs it again with
// the same State: nothing is fetched twice and every page is fetched.
func TestCrawlResume(t *testing.T) {
	s := newSite(t, disallowPrivate)
	state := &crawl.MemState{}
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	_, err := s.crawler(state).Run(ctx, s.srv.URL+"/site/index.html", func(crawl.Page) error {
		if n++; n == 2 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("first run: err = %v, want context.Canceled", err)
	}
	p, _ := state.CrawlProgress(s.srv.URL + "/site/")
	if len(p.Frontier) == 0 || len(p.Visited) < 2 {
		t.Fatalf("saved progress = %+v", p)
	}
	stats, _, _, err := s.run(t, context.Background(), s.crawler(state))
	if err != nil || !stats.Complete {
		t.Fatalf("second run: %+v, %v", stats, err)
	}
	got := s.requests(http.StatusOK)
	got = slices.DeleteFunc(got, func(p string) bool { return p == "/robots.txt" })
	slices.Sort(got)
	if !slices.Equal(got, allPages) {
		t.Errorf("pages fetched %v, want each of %v once", got, allPages)
	}
	if p, _ := state.CrawlProgress(s.srv.URL + "/site/"); len(p.Frontier)+len(p.Visited) != 0 {
		t.Errorf("completed crawl left progress %+v", p)
	}
}
