package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// runServe starts `casebook serve` in-process on a loopback port over
// dataDir and returns its base URL; the server stops with the test.
func runServe(t *testing.T, dataDir string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	out := &syncWriter{}
	cmd := &serveCmd{out: out, errOut: io.Discard, ready: ready}
	go func() { done <- cmd.Run(ctx, []string{"--data-dir", dataDir, "--addr", "127.0.0.1:0"}) }()
	select {
	case addr := <-ready:
		t.Cleanup(func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("serve: %v", err)
			}
		})
		return "http://" + addr
	case err := <-done:
		cancel()
		t.Fatalf("serve stopped: %v\n%s", err, out.String())
	case <-time.After(2 * time.Minute):
		cancel()
		t.Fatal("serve did not start")
	}
	return ""
}

type apiResult struct {
	Total int `json:"total"`
	Hits  []struct {
		ID     string   `json:"id"`
		Title  string   `json:"title"`
		Source string   `json:"source"`
		Cities []string `json:"cities"`
		Themes []string `json:"themes"`
	} `json:"hits"`
	Facets map[string][]struct {
		Value    string `json:"value"`
		Count    int    `json:"count"`
		Selected bool   `json:"selected"`
	} `json:"facets"`
}

func getJSON(t *testing.T, u string, v any) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(resp.Body)
		t.Fatalf("GET %s: %s\n%s", u, resp.Status, b)
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatal(err)
	}
}

// TestServeSampleEndToEnd boots the binary's serve command on an empty
// data dir (which ingests the bundled sample), then searches over HTTP
// with a city and a theme selected.
func TestServeSampleEndToEnd(t *testing.T) {
	dataDir := t.TempDir()
	base := runServe(t, dataDir)
	q := url.Values{"city": {"Bangkok"}, "theme": {"Sewerage and wastewater"}, "size": {"100"}}
	var res apiResult
	getJSON(t, base+"/api/v1/search?"+q.Encode(), &res)

	var sources []string
	for _, h := range res.Hits {
		sources = append(sources, h.Source)
		if !slices.Contains(h.Cities, "Bangkok") || !slices.Contains(h.Themes, "Sewerage and wastewater") {
			t.Errorf("hit %s lacks a selected value: %v %v", h.Source, h.Cities, h.Themes)
		}
	}
	for _, want := range []string{
		"sample/reports/2010-bangkok-sewerage-training-ja.txt",
		"sample/newsletter/www.example-tmg.jp/asialetter/english/newsletter/200901.html#a2", // an article split out of a single-page issue
	} {
		if !slices.Contains(sources, want) {
			t.Errorf("missing %s in %v", want, sources)
		}
	}
	if res.Total != len(res.Hits) {
		t.Errorf("total %d, hits %d", res.Total, len(res.Hits))
	}
	checkFacetCounts(t, base, res)
}

// checkFacetCounts compares the API's facet counts with counts made by
// hand from the documents the API itself lists, with each facet's own
// selection dropped (disjunctive counting).
func checkFacetCounts(t *testing.T, base string, res apiResult) {
	t.Helper()
	cases := []struct {
		facet string
		query url.Values // the request with that facet's selection dropped
	}{
		{"city", url.Values{"theme": {"Sewerage and wastewater"}}},
		{"theme", url.Values{"city": {"Bangkok"}}},
	}
	for _, c := range cases {
		c.query.Set("size", "100")
		var all apiResult
		getJSON(t, base+"/api/v1/search?"+c.query.Encode(), &all)
		want := map[string]int{}
		for _, h := range all.Hits {
			for _, v := range valuesOf(c.facet, h.Cities, h.Themes) {
				want[v]++
			}
		}
		if len(want) < 2 {
			t.Fatalf("%s: too few values to compare: %v", c.facet, want)
		}
		for _, fv := range res.Facets[c.facet] {
			if fv.Count != want[fv.Value] {
				t.Errorf("%s=%s: count %d, counted by hand %d", c.facet, fv.Value, fv.Count, want[fv.Value])
			}
			delete(want, fv.Value)
		}
		if len(want) > 0 {
			t.Errorf("%s values missing from the facet: %v", c.facet, want)
		}
	}
}

func valuesOf(facet string, cities, themes []string) []string {
	if facet == "city" {
		return cities
	}
	return themes
}

// TestIngestWhileServingFailsAtOnce checks that a second process cannot
// open a data dir that serve holds, and that it says why.
func TestIngestWhileServingFailsAtOnce(t *testing.T) {
	dataDir := t.TempDir()
	runServe(t, dataDir)
	start := time.Now()
	var out, errOut strings.Builder
	err := Run(context.Background(), []string{"ingest", "--data-dir", dataDir, "."}, &out, &errOut)
	if err == nil || !strings.Contains(err.Error(), "in use by another casebook process") {
		t.Fatalf("ingest on a served data dir: err = %v", err)
	}
	if waited := time.Since(start); waited > 30*time.Second {
		t.Errorf("ingest waited %v for the lock", waited) // a hang guard, not a speed test
	}
}

// syncWriter is a buffer the server goroutine writes while the test reads.
type syncWriter struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncWriter) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
