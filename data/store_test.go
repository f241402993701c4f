package data_test

import (
	"errors"
	"io"
	"slices"
	"testing"

	"casebook/data"
)

func mustOpen(tb testing.TB) *data.Store {
	tb.Helper()
	s, err := data.Open(tb.TempDir())
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		if err := s.Check(); err != nil {
			tb.Error(err)
		}
		s.Close()
	})
	return s
}

func doc(source, title string) *data.Document {
	return &data.Document{ID: data.DocumentID(source), Source: source, Title: title, Body: "text of " + title, Kind: data.KindReport}
}

func TestPutDocumentOutcomes(t *testing.T) {
	s := mustOpen(t)
	d := doc("a.txt", "A")
	steps := []struct {
		name string
		doc  *data.Document
		raw  string
		want data.Outcome
	}{
		{"new", d, "one", data.Added},
		{"same bytes", doc("a.txt", "A"), "one", data.Unchanged},
		{"changed bytes", doc("a.txt", "A"), "two", data.Updated},
		{"changed text", doc("a.txt", "A2"), "two", data.Updated},
	}
	for _, st := range steps {
		got, err := s.PutDocument(st.doc, []byte(st.raw))
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if got != st.want {
			t.Errorf("%s: outcome %s, want %s", st.name, got, st.want)
		}
	}
	stored, err := s.Document(d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if stored.Title != "A2" || stored.Created.IsZero() || stored.Updated.Before(stored.Created) {
		t.Errorf("stored = %+v", stored)
	}
	rc, err := s.OpenOriginal(stored.Hash)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	if b, _ := io.ReadAll(rc); string(b) != "two" {
		t.Errorf("original = %q", b)
	}
}

func TestInvalidDocumentIsRefused(t *testing.T) {
	s := mustOpen(t)
	_, err := s.PutDocument(&data.Document{ID: "x", Source: "x"}, nil)
	if !errors.Is(err, data.ErrInvalid) {
		t.Fatalf("err = %v, want ErrInvalid", err)
	}
	if n, _ := s.CountDocuments(); n != 0 {
		t.Errorf("stored %d documents", n)
	}
	if seq, _ := s.LastSeq(); seq != 0 {
		t.Errorf("change log advanced to %d", seq)
	}
}

func TestChangesResolveToCurrentDocuments(t *testing.T) {
	s := mustOpen(t)
	a, b := doc("a", "A"), doc("b", "B")
	s.PutDocument(a, []byte("a"))
	s.PutDocument(b, []byte("b"))
	s.PutDocument(doc("a", "A again"), []byte("a2"))
	if err := s.DeleteDocument(b.ID); err != nil {
		t.Fatal(err)
	}
	p, err := s.Changes(0, 100)
	if err != nil {
		t.Fatal(err)
	}
	if p.Seq != 4 || len(p.Puts) != 1 || p.Puts[0].Title != "A again" || !slices.Equal(p.Deletes, []string{b.ID}) {
		t.Errorf("pending = seq %d puts %d deletes %v", p.Seq, len(p.Puts), p.Deletes)
	}
	p, _ = s.Changes(1, 1)
	if p.Seq != 2 || len(p.Puts) != 0 || len(p.Deletes) != 1 {
		t.Errorf("after 1, limit 1: seq %d puts %d deletes %v", p.Seq, len(p.Puts), p.Deletes)
	}
	p, _ = s.Changes(4, 100)
	if p.Seq != 4 || len(p.Puts)+len(p.Deletes) != 0 {
		t.Errorf("nothing after 4, got %+v", p)
	}
}

func TestDocumentNotFound(t *testing.T) {
	s := mustOpen(t)
	if _, err := s.Document("nope"); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("Document: %v", err)
	}
	if _, err := s.OpenOriginal(data.HashOf([]byte("nope"))); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("OpenOriginal: %v", err)
	}
	if _, err := s.OpenOriginal("../../etc/passwd"); !errors.Is(err, data.ErrInvalid) {
		t.Errorf("OpenOriginal with a path: %v", err)
	}
}

func TestSecondOpenFailsFast(t *testing.T) {
	dir := t.TempDir()
	s, err := data.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, err = data.Open(dir)
	if !errors.Is(err, data.ErrLocked) {
		t.Fatalf("second Open: %v, want ErrLocked", err)
	}
}

func TestJobs(t *testing.T) {
	s := mustOpen(t)
	for i := range 3 {
		j := &data.Job{Paths: []string{string(rune('a' + i))}}
		if err := s.CreateJob(j); err != nil {
			t.Fatal(err)
		}
		j.Failed, j.Status = 1, data.JobDone
		j.Files = []data.FileOutcome{{Path: "x", Outcome: "failed", Error: "empty file"}}
		if err := s.SaveJob(j); err != nil {
			t.Fatal(err)
		}
	}
	jobs, err := s.Jobs(2)
	if err != nil {
		t.Fatal(err)
	}
	if len(jobs) != 2 || jobs[0].ID != 3 || jobs[1].ID != 2 || jobs[0].Files[0].Error != "empty file" {
		t.Errorf("jobs = %+v", jobs)
	}
	if _, err := s.Job(9); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("Job(9): %v", err)
	}
}

func TestSnapshot(t *testing.T) {
	s := mustOpen(t)
	for _, src := range []string{"a", "b", "c"} {
		s.PutDocument(doc(src, src), []byte(src))
	}
	var batches, n int
	seq, err := s.Snapshot(2, func(ds []*data.Document) error {
		batches++
		n += len(ds)
		return nil
	})
	if err != nil || seq != 3 || n != 3 || batches != 2 {
		t.Errorf("snapshot: seq %d, %d docs in %d batches, err %v", seq, n, batches, err)
	}
}
