package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"casebook/data"
	"casebook/search"
)

// benchDocs is the size of the benchmark collection: CASEBOOK_BENCH_DOCS,
// 100,000 by default.
func benchDocs(b *testing.B) int {
	v := os.Getenv("CASEBOOK_BENCH_DOCS")
	if v == "" {
		return 100000
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1000 {
		b.Fatalf("CASEBOOK_BENCH_DOCS=%q: want a number of at least 1000", v)
	}
	return n
}

// benchIndex opens the index of n generated documents, building it
// first when no cached copy exists. The copy is kept under os.TempDir(),
// named by all that shapes it: generator, mapping and size.
func benchIndex(b *testing.B, g *corpusGen, n int) *search.Index {
	name := fmt.Sprintf("casebook-bench-g%d-m%s-%s-%d", genVersion, search.MappingVersion, mappingSum(b), n)
	dir := filepath.Join(os.TempDir(), name)
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		buildBenchIndex(b, g, n, dir)
	}
	ix, err := search.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { ix.Close() })
	if c, err := ix.Count(); err != nil || c != uint64(n) {
		b.Fatalf("%s holds %d documents, want %d (%v): remove it to rebuild", dir, c, n, err)
	}
	return ix
}

// mappingSum is a short hash of the index mapping, so that a mapping
// change made without a new MappingVersion still rebuilds the index.
func mappingSum(b *testing.B) string {
	m, err := search.NewMapping()
	if err != nil {
		b.Fatal(err)
	}
	j, err := json.Marshal(m)
	if err != nil {
		b.Fatal(err)
	}
	sum := sha256.Sum256(j)
	return hex.EncodeToString(sum[:4])
}

// buildBenchIndex indexes the generated documents through Rebuild, the
// path `casebook reindex` takes, in a scratch directory renamed into
// place once complete, so an interrupted build is never reused.
func buildBenchIndex(b *testing.B, g *corpusGen, n int, dir string) {
	tmp, err := os.MkdirTemp(os.TempDir(), filepath.Base(dir)+".building-")
	if err != nil {
		b.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	ix, err := search.Open(filepath.Join(tmp, "index"))
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	fmt.Fprintf(os.Stderr, "building the benchmark index of %d documents in %s\n", n, dir)
	if _, err := ix.Rebuild(genStore{g: g, n: n}); err != nil {
		ix.Close()
		b.Fatal(err)
	}
	settle(b, ix)
	if err := ix.Close(); err != nil {
		b.Fatal(err)
	}
	if err := os.Rename(filepath.Join(tmp, "index"), dir); err != nil {
		b.Fatal(err)
	}
	fmt.Fprintf(os.Stderr, "built in %s\n", time.Since(start).Round(time.Second))
}

// settle waits until bleve has persisted and merged everything, so no
// background merge competes with the measured searches.
func settle(b *testing.B, ix *search.Index) {
	deadline := time.Now().Add(30 * time.Minute)
	for time.Now().Before(deadline) {
		stats, _ := ix.Bleve().StatsMap()["index"].(map[string]any)
		if active, ok := stats["index_bgthreads_active"].(bool); !ok || !active {
			return
		}
		time.Sleep(500 * time.Millisecond)
	}
	b.Fatal("the index is still merging after 30 minutes")
}

// genStore hands the generated documents to Rebuild as a store would.
type genStore struct {
	g *corpusGen
	n int
}

func (s genStore) Snapshot(size int, fn func([]*data.Document) error) (uint64, error) {
	for start := 0; start < s.n; start += size {
		docs := make([]*data.Document, 0, size)
		for i := start; i < min(start+size, s.n); i++ {
			docs = append(docs, s.g.doc(i))
		}
		if err := fn(docs); err != nil {
			return 0, err
		}
		if done := start + len(docs); done%(size*5) == 0 || done == s.n {
			fmt.Fprintf(os.Stderr, "  %d documents\n", done)
		}
	}
	return 0, nil
}
