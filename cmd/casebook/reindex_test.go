package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"casebook/search"
)

// TestReindexRebuildsFromStore deletes the index folder outright and
// checks that `casebook reindex` brings every document back.
func TestReindexRebuildsFromStore(t *testing.T) {
	src, dataDir := t.TempDir(), t.TempDir()
	writeReports(t, src, 30)
	runCLI(t, "ingest", "--data-dir", dataDir, src)
	if err := os.RemoveAll(filepath.Join(dataDir, "index")); err != nil {
		t.Fatal(err)
	}
	out := runCLI(t, "reindex", "--data-dir", dataDir)
	if !strings.Contains(out, "reindexed 30 documents") {
		t.Errorf("reindex said %q", out)
	}
	a, err := openApp(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	res, err := a.index.Search(context.Background(), search.Request{Query: "canal", Filters: map[string][]string{"year": {"2012"}}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 30 {
		t.Errorf("after reindex: %d hits, want 30", res.Total)
	}
}
