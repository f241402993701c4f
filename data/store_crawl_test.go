package data_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"casebook/data"
)

const scope = "http://example.jp/asialetter/"

// TestCrawlProgressSurvivesReopen saves a crawl under way, reopens the
// store and finds the frontier in order and the visited set.
func TestCrawlProgressSurvivesReopen(t *testing.T) {
	dir := t.TempDir()
	s, err := data.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	start := data.CrawlLink{URL: scope + "index.html"}
	if err := s.CrawlEnqueue(scope, []data.CrawlLink{start}); err != nil {
		t.Fatal(err)
	}
	found := []data.CrawlLink{
		{URL: scope + "b.html", From: start.URL},
		{URL: scope + "a.html", From: start.URL},
		{URL: scope + "index.html", From: start.URL}, // visited: not queued again
		{URL: scope + "b.html", From: start.URL},     // queued already
	}
	page := &data.CrawlPage{ETag: `"x"`, Hash: "abc", Links: []string{scope + "a.html"}, Fetched: time.Now().UTC()}
	if err := s.CrawlVisit(scope, start.URL, page, found); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err = data.Open(dir); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p, err := s.CrawlProgress(scope)
	if err != nil {
		t.Fatal(err)
	}
	want := []data.CrawlLink{found[0], found[1]}
	if !slices.Equal(p.Frontier, want) || !slices.Equal(p.Visited, []string{start.URL}) {
		t.Errorf("progress = %+v, want frontier %v and %s visited", p, want, start.URL)
	}
	got, err := s.CrawlPage(start.URL)
	if err != nil || got.ETag != `"x"` || got.Hash != "abc" || !slices.Equal(got.Links, page.Links) {
		t.Errorf("page = %+v, %v", got, err)
	}
}

// TestCrawlClearKeepsPages ends a crawl: its progress goes, what is known
// of its pages stays; a visit with no page forgets the page.
func TestCrawlClearKeepsPages(t *testing.T) {
	s := mustOpen(t)
	u := scope + "a.html"
	if err := s.CrawlVisit(scope, u, &data.CrawlPage{Hash: "h"}, []data.CrawlLink{{URL: scope + "b.html", From: u}}); err != nil {
		t.Fatal(err)
	}
	if err := s.CrawlVisit(scope, scope+"b.html", nil, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.CrawlClear(scope); err != nil {
		t.Fatal(err)
	}
	if err := s.CrawlClear(scope); err != nil {
		t.Errorf("clearing twice: %v", err)
	}
	p, err := s.CrawlProgress(scope)
	if err != nil || len(p.Frontier)+len(p.Visited) != 0 {
		t.Errorf("progress after clear = %+v, %v", p, err)
	}
	if _, err := s.CrawlPage(u); err != nil {
		t.Errorf("page of a cleared crawl: %v", err)
	}
	if _, err := s.CrawlPage(scope + "b.html"); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("forgotten page: err = %v, want ErrNotFound", err)
	}
	if err := s.CrawlVisit(scope, u, nil, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CrawlPage(u); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("page visited with nil: err = %v, want ErrNotFound", err)
	}
}
