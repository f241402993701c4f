package crawl

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"casebook/data"
	"casebook/indexer/extract"
)

// Defaults for the Crawler fields left zero.
const (
	DefaultUserAgent = "Casebook/1.0 (search engine of city case studies)"
	DefaultTimeout   = 30 * time.Second
)

// Crawler crawls the pages under one scope. Fields left zero take the
// defaults named; set them before Run.
type Crawler struct {
	Client    *http.Client  // nil: a plain client; its redirects are handled here
	Scope     string        // URL prefix to stay within; "": the start URL's directory
	Delay     time.Duration // least pause between requests to a host
	Limit     int           // most page requests per Run; 0: no limit
	UserAgent string        // sent, and matched in robots.txt; "": DefaultUserAgent
	Timeout   time.Duration // per request, body included; 0: DefaultTimeout
	MaxSize   int64         // largest body read; 0: extract.MaxSize
	State     State         // nil: a fresh MemState
	Logger    *slog.Logger  // nil: slog.Default()
	// OnResult, when set, is called with what became of each URL handled,
	// after emit for the pages handed to it.
	OnResult func(Result)
}

// Page is a fetched document to ingest.
type Page struct {
	URL         string // canonical, the source key
	Name        string // a file name for it: the last path segment, or "index.html"
	ContentType string // media type the server declared (or sniffed), without parameters
	Body        []byte
}

// Outcome is what became of one URL in a crawl.
type Outcome string

// The outcomes of a URL.
const (
	Fetched    Outcome = "fetched"    // new or changed; handed to emit
	Unchanged  Outcome = "unchanged"  // 304 Not Modified, or the same bytes as last time
	Dead       Outcome = "dead"       // 404 or 410: a dead link
	Failed     Outcome = "failed"     // no response, another status, too large
	Skipped    Outcome = "skipped"    // robots.txt, a type not ingested, a redirect out of scope
	Redirected Outcome = "redirected" // to a URL in scope, which is queued
)

// Result is what became of one URL.
type Result struct {
	URL     string
	From    string // the page that linked to URL; "" for the start URL
	Outcome Outcome
	Status  int    // HTTP status; 0 without a response
	Detail  string // "HTTP 404", the error, the redirect target, the type skipped
}

// Stats counts the outcomes of a run.
type Stats struct {
	Requests   int // page requests made (robots.txt not counted)
	Fetched    int
	Unchanged  int
	Dead       int
	Failed     int
	Skipped    int
	Redirected int
	Left       int  // URLs still in the frontier
	Complete   bool // the frontier ran empty; its saved state was cleared
}

// Run crawls from start until the frontier is empty, Limit requests have
// been made, or ctx ends. Each new or changed page goes to emit, one at a
// time; emit must return only once the page is ingested (nil) or has
// failed (an error: the crawl goes on, but the page's validators are not
// kept, so the next crawl fetches it in full). Progress is saved in State
// after each URL: a run that stops early is continued by the next Run of
// the same scope, and a run that completes clears it. Run returns an
// error wrapping ctx.Err() when ctx ended it, and other errors when the
// crawl could not go on (State failing, robots.txt unreachable).
func (c *Crawler) Run(ctx context.Context, start string, emit func(Page) error) (Stats, error) {
	r, err := c.newRun(start, emit)
	if err != nil {
		return Stats{}, err
	}
	if err := r.resume(start); err != nil {
		return Stats{}, err
	}
	for len(r.queue) > 0 && ctx.Err() == nil && (c.Limit <= 0 || r.stats.Requests < c.Limit) {
		link := r.queue[0]
		r.queue = r.queue[1:]
		if err = r.visit(ctx, link); err != nil {
			r.queue = append([]data.CrawlLink{link}, r.queue...)
			break
		}
	}
	return r.finish(ctx, err)
}

// run is the state of one Run.
type run struct {
	*Crawler
	scope  string
	client *http.Client // Client, not following redirects
	emit   func(Page) error
	queue  []data.CrawlLink
	seen   map[string]bool // queued or visited in this crawl
	hosts  map[string]*host
	stats  Stats
}

func (c *Crawler) newRun(start string, emit func(Page) error) (*run, error) {
	su, err := Normalize(start)
	if err != nil {
		return nil, err
	}
	startURL, _ := url.Parse(su)
	scope := defaultScope(startURL)
	if c.Scope != "" {
		if scope, err = Normalize(c.Scope); err != nil {
			return nil, fmt.Errorf("crawl: scope: %w", err)
		}
	}
	if !strings.HasPrefix(su, scope) {
		return nil, fmt.Errorf("crawl: start URL %s is outside the scope %s", su, scope)
	}
	r := &run{Crawler: c.withDefaults(), scope: scope, emit: emit, seen: map[string]bool{}, hosts: map[string]*host{}}
	r.client = noRedirects(r.Client)
	return r, nil
}

// withDefaults returns a copy of c with its zero fields filled in.
func (c *Crawler) withDefaults() *Crawler {
	d := *c
	if d.Client == nil {
		d.Client = &http.Client{}
	}
	if d.UserAgent == "" {
		d.UserAgent = DefaultUserAgent
	}
	if d.Timeout <= 0 {
		d.Timeout = DefaultTimeout
	}
	if d.MaxSize <= 0 {
		d.MaxSize = extract.MaxSize
	}
	if d.State == nil {
		d.State = &MemState{}
	}
	if d.Logger == nil {
		d.Logger = slog.Default()
	}
	return &d
}

// noRedirects returns a copy of client that hands redirects back, so that
// each target is checked against the scope and queued like a link.
func noRedirects(client *http.Client) *http.Client {
	c := *client
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &c
}

// resume loads the saved progress of the scope's crawl and queues start
// unless it was handled already.
func (r *run) resume(start string) error {
	p, err := r.State.CrawlProgress(r.scope)
	if err != nil {
		return err
	}
	for _, u := range p.Visited {
		r.seen[u] = true
	}
	r.queue = p.Frontier
	for _, l := range r.queue {
		r.seen[l.URL] = true
	}
	if len(p.Visited)+len(p.Frontier) > 0 {
		r.Logger.Info("crawl resumed", "scope", r.scope, "visited", len(p.Visited), "frontier", len(p.Frontier))
	}
	su, _ := Normalize(start)
	if fresh := r.enqueue([]data.CrawlLink{{URL: su}}); len(fresh) > 0 {
		return r.State.CrawlEnqueue(r.scope, fresh)
	}
	return nil
}

// enqueue queues the links not seen yet and returns them.
func (r *run) enqueue(links []data.CrawlLink) []data.CrawlLink {
	var fresh []data.CrawlLink
	for _, l := range links {
		if !r.seen[l.URL] {
			r.seen[l.URL] = true
			fresh = append(fresh, l)
		}
	}
	r.queue = append(r.queue, fresh...)
	return fresh
}

// finish clears the saved progress of a crawl that completed and fills
// in the last figures. err is what stopped the loop, if anything did.
func (r *run) finish(ctx context.Context, err error) (Stats, error) {
	r.stats.Left = len(r.queue)
	switch {
	case err == nil && len(r.queue) == 0:
		err = r.State.CrawlClear(r.scope)
		r.stats.Complete = err == nil
		return r.stats, err
	case ctx.Err() != nil:
		return r.stats, fmt.Errorf("crawl stopped with %d URLs left: %w", len(r.queue), ctx.Err())
	}
	return r.stats, err
}
