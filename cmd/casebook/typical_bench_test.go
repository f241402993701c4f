package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"casebook/search"
	"casebook/web"
)

// BenchmarkTypicalSearch measures a typical request on a generated
// collection of CASEBOOK_BENCH_DOCS documents (default 100,000, about 830
// words each): two or three mid-frequency words, a theme and a city or a
// year range selected, all seven facets counted disjunctively, snippets,
// top 10. It is sent by 2 and 8 concurrent clients through the Go API,
// through HTTP (/api/v1/search on a loopback listener), and as the plain
// bleve requests that give the same hits and counts, all in one run:
//
//	go test -run '^$' -bench TypicalSearch -benchtime 1000x -timeout 60m ./cmd/casebook/
//
// The first run builds the index (minutes) and keeps it under
// os.TempDir(); later runs reuse it.
func BenchmarkTypicalSearch(b *testing.B) {
	if testing.Short() {
		b.Skip("builds a 100,000-document index; skipped under -short")
	}
	g, err := newCorpusGen()
	if err != nil {
		b.Fatal(err)
	}
	ix := benchIndex(b, g, benchDocs(b))
	qs := g.queries(benchQueries)
	srv := httptest.NewServer(benchHandler(b, ix))
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 16}}
	defer client.CloseIdleConnections()
	raw := newRawSearcher(b, ix.Bleve())
	checkSame(b, ix, raw, client, srv.URL, qs)

	ctx := context.Background()
	api := func(i int) error {
		_, err := ix.Search(ctx, qs[i%len(qs)].request())
		return err
	}
	overHTTP := func(i int) error { return getDiscard(client, qs[i%len(qs)].url(srv.URL)) }
	bleveOnly := func(i int) error {
		_, err := raw.search(ctx, qs[i%len(qs)])
		return err
	}
	for _, clients := range []int{2, 8} {
		b.Run(fmt.Sprintf("api/clients=%d", clients), func(b *testing.B) { runClients(b, clients, api) })
		b.Run(fmt.Sprintf("http/clients=%d", clients), func(b *testing.B) { runClients(b, clients, overHTTP) })
		b.Run(fmt.Sprintf("bleve/clients=%d", clients), func(b *testing.B) { runClients(b, clients, bleveOnly) })
	}
}

// benchQueries is how many distinct requests the clients cycle through.
const benchQueries = 500

func benchHandler(b *testing.B, ix *search.Index) http.Handler {
	s, err := web.NewServer(ix, nil, discardLogger(), "bench")
	if err != nil {
		b.Fatal(err)
	}
	return s.Handler()
}

func getDiscard(c *http.Client, u string) error {
	resp, err := c.Get(u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", u, resp.Status)
	}
	return nil
}

func getAPI(c *http.Client, u string) (apiResult, error) {
	var res apiResult
	resp, err := c.Get(u)
	if err != nil {
		return res, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return res, fmt.Errorf("GET %s: %s", u, resp.Status)
	}
	return res, json.NewDecoder(resp.Body).Decode(&res)
}

// runClients sends b.N requests from the given number of concurrent
// clients and reports the latency percentiles and the throughput.
func runClients(b *testing.B, clients int, do func(i int) error) {
	lat := make([]time.Duration, b.N)
	var next atomic.Int64
	var wg sync.WaitGroup
	errs := make(chan error, clients)
	b.ResetTimer()
	start := time.Now()
	for range clients {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= b.N {
					return
				}
				t := time.Now()
				if err := do(i); err != nil {
					errs <- err
					return
				}
				lat[i] = time.Since(t)
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	b.StopTimer()
	close(errs)
	for err := range errs {
		b.Fatal(err)
	}
	slices.Sort(lat)
	b.ReportMetric(ms(lat[b.N/2]), "p50-ms")
	b.ReportMetric(ms(lat[min(b.N-1, b.N*99/100)]), "p99-ms")
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "req/s")
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
