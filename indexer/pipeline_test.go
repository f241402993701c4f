package indexer_test

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"casebook/data"
	"casebook/indexer"
)

func newPipeline(t *testing.T) (*indexer.Pipeline, *data.Store) {
	t.Helper()
	st, err := data.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	p, err := indexer.New(st)
	if err != nil {
		t.Fatal(err)
	}
	p.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	return p, st
}

func write(t *testing.T, path, body string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func ingestDir(t *testing.T, p *indexer.Pipeline, dir string) *data.Job {
	t.Helper()
	src, err := indexer.PathSource(dir)
	if err != nil {
		t.Fatal(err)
	}
	job, err := p.Ingest(context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	return job
}

// TestDuplicatesChangesAndPrune walks a folder through a life: a copy of
// a file is a second source, a changed file keeps its id, a removed file
// is pruned only when asked.
func TestDuplicatesChangesAndPrune(t *testing.T) {
	p, st := newPipeline(t)
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.txt"), "Flood report\n\nHanoi drained its lakes.")
	write(t, filepath.Join(dir, "b.txt"), "Waste report\n\nBangkok sorted its waste.")
	job := ingestDir(t, p, dir)
	if job.Added != 2 {
		t.Fatalf("first run: %+v", job)
	}

	write(t, filepath.Join(dir, "copy-of-a.txt"), "Flood report\n\nHanoi drained its lakes.")
	write(t, filepath.Join(dir, "b.txt"), "Waste report\n\nBangkok sorted and recycled its waste.")
	job = ingestDir(t, p, dir)
	if job.Duplicates != 1 || job.Updated != 1 || job.Unchanged != 1 || job.Added != 0 {
		t.Fatalf("second run: dup %d upd %d unch %d add %d", job.Duplicates, job.Updated, job.Unchanged, job.Added)
	}
	b, err := st.DocumentBySource(filepath.ToSlash(filepath.Join(dir, "b.txt")))
	if err != nil || b.ID != data.DocumentID(filepath.ToSlash(filepath.Join(dir, "b.txt"))) {
		t.Fatalf("changed file lost its id: %v %v", b, err)
	}
	if n, _ := st.CountDocuments(); n != 2 {
		t.Fatalf("%d documents, want 2", n)
	}

	os.Remove(filepath.Join(dir, "a.txt"))
	os.Remove(filepath.Join(dir, "b.txt"))
	ingestDir(t, p, dir)
	if n, _ := st.CountDocuments(); n != 2 {
		t.Fatalf("without --prune nothing is removed, have %d", n)
	}
	p.Prune = true
	job = ingestDir(t, p, dir)
	if job.Pruned != 2 {
		t.Errorf("pruned %d sources, want 2", job.Pruned)
	}
	if n, _ := st.CountDocuments(); n != 1 {
		t.Fatalf("%d documents after prune, want 1 (the copy keeps a's document)", n)
	}
	a, err := st.DocumentBySource(filepath.ToSlash(filepath.Join(dir, "copy-of-a.txt")))
	if err != nil || a.Title != "Flood report" {
		t.Errorf("copy-of-a should now carry the document: %v %v", a, err)
	}
}

func TestInbox(t *testing.T) {
	p, st := newPipeline(t)
	dir := t.TempDir()
	write(t, filepath.Join(dir, "good.txt"), "Air quality\n\nUlaanbaatar replaced stoves.")
	write(t, filepath.Join(dir, "bad.html"), "")
	ib := &indexer.Inbox{Dir: dir, Pipeline: p, Logger: p.Logger}
	os.MkdirAll(filepath.Join(dir, "done"), 0o755)
	os.MkdirAll(filepath.Join(dir, "failed"), 0o755)
	ctx := context.Background()
	if err := ib.Once(ctx); err != nil { // first look: files seen, not yet settled
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "good.txt")); err != nil {
		t.Fatal("a file was taken before it settled")
	}
	if err := ib.Once(ctx); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"done/good.txt", "failed/bad.html", "failed/bad.html.error.txt"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("missing %s: %v", f, err)
		}
	}
	msg, _ := os.ReadFile(filepath.Join(dir, "failed/bad.html.error.txt"))
	if len(msg) == 0 || !strings.Contains(string(msg), "empty file") {
		t.Errorf("error file says %q", msg)
	}
	if n, _ := st.CountDocuments(); n != 1 {
		t.Errorf("%d documents, want 1", n)
	}
	// The same name dropped again does not overwrite done/good.txt.
	write(t, filepath.Join(dir, "good.txt"), "Air quality\n\nUlaanbaatar replaced stoves.")
	ib.Once(ctx)
	ib.Once(ctx)
	if _, err := os.Stat(filepath.Join(dir, "done/good-2.txt")); err != nil {
		t.Errorf("second drop: %v", err)
	}
}
