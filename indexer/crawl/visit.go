package crawl

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"casebook/data"
)

// visit fetches one URL and records what became of it. It returns an
// error only when the crawl cannot go on: ctx ended (the URL stays in the
// frontier), robots.txt is unreachable, or State failed.
func (r *run) visit(ctx context.Context, link data.CrawlLink) error {
	u, err := url.Parse(link.URL)
	if err != nil {
		return r.record(link, Result{Outcome: Failed, Detail: err.Error()}, nil, nil)
	}
	h, err := r.host(ctx, u)
	if err != nil {
		return err
	}
	if !h.robots.allowed(u.RequestURI()) {
		return r.record(link, Result{Outcome: Skipped, Detail: "disallowed by robots.txt"}, nil, nil)
	}
	old, err := r.known(link.URL)
	if err != nil {
		return err
	}
	if err := h.wait(ctx); err != nil {
		return err
	}
	r.stats.Requests++
	resp, err := r.fetch(ctx, u, old)
	h.last = time.Now()
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if err != nil {
		r.Logger.Warn("crawl: fetch failed", "url", link.URL, "err", err)
		return r.record(link, Result{Outcome: Failed, Detail: err.Error()}, nil, nil)
	}
	res, page, found := r.handle(u, old, resp)
	return r.record(link, res, page, found)
}

// known returns what State knows of url from an earlier crawl, or nil.
func (r *run) known(url string) (*data.CrawlPage, error) {
	old, err := r.State.CrawlPage(url)
	if errors.Is(err, data.ErrNotFound) {
		return nil, nil
	}
	return old, err
}

// handle decides what a response means: the result, what to remember of
// the page (nil: nothing) and the in-scope links to follow.
func (r *run) handle(u *url.URL, old *data.CrawlPage, resp *response) (Result, *data.CrawlPage, []*url.URL) {
	res := Result{Status: resp.status, Detail: fmt.Sprintf("HTTP %d", resp.status)}
	switch {
	case resp.status == http.StatusOK:
		return r.handleOK(u, old, resp)
	case resp.status == http.StatusNotModified && old != nil:
		res.Outcome = Unchanged
		page := *old
		page.Fetched = time.Now().UTC()
		return res, &page, r.parseAll(old.Links)
	case resp.status == http.StatusNotFound || resp.status == http.StatusGone:
		res.Outcome = Dead
	case resp.status >= 300 && resp.status < 400 && resp.location != "":
		return r.handleRedirect(u, res, resp.location)
	default:
		res.Outcome = Failed
	}
	return res, nil, nil
}

// handleOK emits a new or changed page; one with the bytes it had last
// time is unchanged.
func (r *run) handleOK(u *url.URL, old *data.CrawlPage, resp *response) (Result, *data.CrawlPage, []*url.URL) {
	res := Result{Status: resp.status, Detail: resp.mediaType}
	if !ingestible(resp.mediaType) {
		res.Outcome, res.Detail = Skipped, "not a document type: "+resp.mediaType
		return res, nil, nil
	}
	var found []*url.URL
	if isHTML(resp.mediaType) {
		found = r.inScope(pageLinks(u, resp.body))
	}
	sum := sha256.Sum256(resp.body)
	page := &data.CrawlPage{
		ETag:         resp.header.Get("ETag"),
		LastModified: resp.header.Get("Last-Modified"),
		Hash:         hex.EncodeToString(sum[:]),
		Fetched:      time.Now().UTC(),
	}
	for _, l := range found {
		page.Links = append(page.Links, l.String())
	}
	if old != nil && old.Hash == page.Hash {
		res.Outcome = Unchanged
		return res, page, found
	}
	res.Outcome = Fetched
	err := r.emit(Page{URL: u.String(), Name: fileName(u, resp.mediaType), ContentType: resp.mediaType, Body: resp.body})
	if err != nil {
		res.Detail = err.Error()
		page = nil // not ingested: fetch it in full next time
	}
	return res, page, found
}

// handleRedirect queues a redirect's target if it lies in scope.
func (r *run) handleRedirect(u *url.URL, res Result, location string) (Result, *data.CrawlPage, []*url.URL) {
	target, ok := resolve(u, location)
	if !ok || !strings.HasPrefix(target.String(), r.scope) {
		res.Outcome, res.Detail = Skipped, fmt.Sprintf("HTTP %d: redirect out of scope to %s", res.Status, location)
		return res, nil, nil
	}
	res.Outcome, res.Detail = Redirected, fmt.Sprintf("HTTP %d: redirect to %s", res.Status, target)
	return res, nil, []*url.URL{target}
}

// inScope keeps the links that lie in the crawl's scope.
func (r *run) inScope(links []*url.URL) []*url.URL {
	var out []*url.URL
	for _, l := range links {
		if strings.HasPrefix(l.String(), r.scope) {
			out = append(out, l)
		}
	}
	return out
}

// parseAll parses the stored links of a page, keeping those in scope.
func (r *run) parseAll(links []string) []*url.URL {
	var out []*url.URL
	for _, l := range links {
		if u, err := url.Parse(l); err == nil {
			out = append(out, u)
		}
	}
	return r.inScope(out)
}

// record saves what became of link with the links found on it, queues
// those, counts the outcome and reports it.
func (r *run) record(link data.CrawlLink, res Result, page *data.CrawlPage, found []*url.URL) error {
	res.URL, res.From = link.URL, link.From
	links := make([]data.CrawlLink, len(found))
	for i, f := range found {
		links[i] = data.CrawlLink{URL: f.String(), From: link.URL}
	}
	if err := r.State.CrawlVisit(r.scope, link.URL, page, links); err != nil {
		return err
	}
	r.enqueue(links)
	r.count(res.Outcome)
	if r.OnResult != nil {
		r.OnResult(res)
	}
	return nil
}

func (r *run) count(o Outcome) {
	counters := map[Outcome]*int{
		Fetched: &r.stats.Fetched, Unchanged: &r.stats.Unchanged, Dead: &r.stats.Dead,
		Failed: &r.stats.Failed, Skipped: &r.stats.Skipped, Redirected: &r.stats.Redirected,
	}
	if n := counters[o]; n != nil {
		*n++
	}
}
