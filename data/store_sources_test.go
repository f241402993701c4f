package data_test

import (
	"slices"
	"testing"

	"casebook/data"
)

func TestSameBytesTwoNamesIsOneDocument(t *testing.T) {
	s := mustOpen(t)
	a, b := doc("dir/a.txt", "Report"), doc("dir/copy-of-a.txt", "Report")
	if out, _ := s.PutDocument(a, []byte("same")); out != data.Added {
		t.Fatalf("a: %s", out)
	}
	if out, _ := s.PutDocument(b, []byte("same")); out != data.Duplicate {
		t.Fatalf("b: %s, want duplicate", out)
	}
	if n, _ := s.CountDocuments(); n != 1 {
		t.Fatalf("%d documents, want 1", n)
	}
	got, err := s.DocumentBySource("dir/copy-of-a.txt")
	if err != nil || got.ID != a.ID || !slices.Equal(got.Sources, []string{"dir/copy-of-a.txt"}) {
		t.Fatalf("copy maps to %+v, %v", got, err)
	}
	// Re-ingest of both changes nothing.
	for _, d := range []*data.Document{doc("dir/a.txt", "Report"), doc("dir/copy-of-a.txt", "Report")} {
		if out, _ := s.PutDocument(d, []byte("same")); out != data.Unchanged {
			t.Errorf("%s re-ingest: %s", d.Source, out)
		}
	}
	// The copy changes: it becomes a document of its own.
	if out, _ := s.PutDocument(doc("dir/copy-of-a.txt", "Report v2"), []byte("changed")); out != data.Added {
		t.Errorf("changed copy: %s, want added", out)
	}
	orig, _ := s.Document(a.ID)
	if len(orig.Sources) != 0 {
		t.Errorf("original still lists %v", orig.Sources)
	}
	if n, _ := s.CountDocuments(); n != 2 {
		t.Errorf("%d documents, want 2", n)
	}
}

func TestRemoveSourcesPromotesOrDeletes(t *testing.T) {
	s := mustOpen(t)
	s.PutDocument(doc("x/a", "A"), []byte("1"))
	s.PutDocument(doc("x/b", "A"), []byte("1")) // duplicate of x/a
	s.PutDocument(doc("x/c", "C"), []byte("2"))
	s.PutDocument(doc("y/d", "D"), []byte("3"))
	keys, _ := s.SourcesUnder("x/")
	if !slices.Equal(keys, []string{"x/a", "x/b", "x/c"}) {
		t.Fatalf("SourcesUnder = %v", keys)
	}
	deleted, err := s.RemoveSources([]string{"x/a", "x/c", "x/missing"})
	if err != nil || deleted != 1 {
		t.Fatalf("deleted %d, %v", deleted, err)
	}
	d, err := s.DocumentBySource("x/b")
	if err != nil || d.Source != "x/b" || len(d.Sources) != 0 {
		t.Fatalf("x/b should now be the primary source: %+v %v", d, err)
	}
	if _, err := s.DocumentBySource("x/a"); err == nil {
		t.Error("x/a still maps to a document")
	}
	if n, _ := s.CountDocuments(); n != 2 {
		t.Errorf("%d documents, want 2", n)
	}
	p, _ := s.Changes(0, 100)
	if len(p.Deletes) != 1 {
		t.Errorf("change log deletes = %v", p.Deletes)
	}
}
