package main

import (
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// BenchmarkServeForLoad serves the benchmark's index on loopback for an
// external load tool, and writes the typical requests as a vegeta targets
// file, so that a tool that is not ours measures the same requests:
//
//	CASEBOOK_BENCH_SERVE=127.0.0.1:8089 go test -run '^$' -bench ServeForLoad -benchtime 1x -timeout 60m ./cmd/casebook/ &
//	vegeta attack -targets $TMPDIR/casebook-targets.txt -rate 0 -max-workers 2 -duration 30s | vegeta report
//
// It serves for CASEBOOK_BENCH_SERVE_FOR (default 2m), then stops.
func BenchmarkServeForLoad(b *testing.B) {
	addr := os.Getenv("CASEBOOK_BENCH_SERVE")
	if addr == "" {
		b.Skip("set CASEBOOK_BENCH_SERVE=127.0.0.1:PORT to serve the benchmark index for a load tool")
	}
	if host, _, err := net.SplitHostPort(addr); err != nil || !net.ParseIP(host).IsLoopback() {
		b.Fatalf("CASEBOOK_BENCH_SERVE=%q: give a loopback address such as 127.0.0.1:8089", addr)
	}
	serveFor := 2 * time.Minute
	if s := os.Getenv("CASEBOOK_BENCH_SERVE_FOR"); s != "" {
		d, err := time.ParseDuration(s)
		if err != nil {
			b.Fatalf("CASEBOOK_BENCH_SERVE_FOR: %v", err)
		}
		serveFor = d
	}
	g, err := newCorpusGen()
	if err != nil {
		b.Fatal(err)
	}
	ix := benchIndex(b, g, benchDocs(b))
	var targets strings.Builder
	for _, q := range g.queries(benchQueries) {
		targets.WriteString("GET " + q.url("http://"+addr) + "\n")
	}
	file := filepath.Join(os.TempDir(), "casebook-targets.txt")
	if err := os.WriteFile(file, []byte(targets.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		b.Fatal(err)
	}
	srv := &http.Server{Handler: benchHandler(b, ix), ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	b.Logf("serving %s for %s; targets in %s", addr, serveFor, file)
	time.Sleep(serveFor)
	srv.Close()
}
