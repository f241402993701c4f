package data_test

import (
	"encoding/json"
	"errors"
	"testing"

	"casebook/data"
)

func TestTrashAndRestore(t *testing.T) {
	s := mustOpen(t)
	d := doc("t.txt", "To trash")
	if _, err := s.PutDocument(d, []byte("bytes")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Edit("aiko", d.ID, []data.Correction{{Facet: data.FacetCity, Value: "Hanoi", By: "aiko"}}); err != nil {
		t.Fatal(err)
	}
	seq, _ := s.LastSeq()
	if err := s.TrashDocument("aiko", d.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Document(d.ID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("trashed document still readable: %v", err)
	}
	p, _ := s.Changes(seq, 10)
	if len(p.Deletes) != 1 || p.Deletes[0] != d.ID {
		t.Errorf("change log after trash = %+v, want a delete", p)
	}
	if !s.HasOriginal(d.Hash) {
		t.Error("original removed by trash")
	}
	// Ingesting the same source again leaves it in the trash.
	if out, err := s.PutDocument(doc("t.txt", "To trash"), []byte("bytes")); err != nil || out != data.Unchanged {
		t.Errorf("re-ingest of a trashed document: %s %v", out, err)
	}
	trash, _ := s.Trash()
	if len(trash) != 1 || trash[0].By != "aiko" || trash[0].Doc.ID != d.ID {
		t.Fatalf("trash = %+v", trash)
	}
	got, err := s.RestoreDocument("root", d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if c := got.Cities(); len(c) != 1 || c[0] != "Hanoi" {
		t.Errorf("restored without its correction: %v", c)
	}
	if _, err := s.Document(d.ID); err != nil {
		t.Errorf("restored document: %v", err)
	}
	if _, err := s.RestoreDocument("root", d.ID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("second restore: %v", err)
	}
	assertActions(t, s, data.ActionDocRestore, data.ActionDocTrash, data.ActionDocEdit)
}

func TestEmptyTrash(t *testing.T) {
	s := mustOpen(t)
	for _, src := range []string{"a.txt", "b.txt"} {
		d := doc(src, src)
		s.PutDocument(d, []byte(src))
		s.Correct(d.ID, []data.Correction{{Facet: data.FacetTheme, Value: "Waste", By: "aiko"}})
		if err := s.TrashDocument("aiko", d.ID); err != nil {
			t.Fatal(err)
		}
	}
	n, err := s.EmptyTrash("root")
	if err != nil || n != 2 {
		t.Fatalf("EmptyTrash = %d, %v", n, err)
	}
	if trash, _ := s.Trash(); len(trash) != 0 {
		t.Errorf("trash after emptying: %d entries", len(trash))
	}
	if cs, _ := s.Corrections(data.DocumentID("a.txt")); len(cs) != 0 {
		t.Errorf("corrections kept after purge: %v", cs)
	}
	// Now the source can come back as a new document.
	if out, _ := s.PutDocument(doc("a.txt", "a.txt"), []byte("a.txt")); out != data.Added {
		t.Errorf("after purge: %s, want added", out)
	}
	assertActions(t, s, data.ActionDocPurge, data.ActionDocPurge, data.ActionDocTrash, data.ActionDocTrash)
}

func TestEditAudits(t *testing.T) {
	s := mustOpen(t)
	d := doc("e.txt", "Old title")
	s.PutDocument(d, []byte("e"))
	got, err := s.Edit("aiko", d.ID, []data.Correction{
		{Facet: data.FieldTitle, Value: "New title", By: "aiko"},
		{Facet: data.FieldVisibility, Value: data.VisibilityInternal, By: "aiko"},
		{Facet: data.FieldKind, Value: data.KindCaseStudy, By: "aiko"},
		{Facet: data.FieldSummary, Value: "", By: "aiko"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "New title" || !got.Internal() || got.Kind != data.KindCaseStudy {
		t.Errorf("edited = %+v", got)
	}
	// Re-ingest keeps the overrides.
	s.PutDocument(doc("e.txt", "Old title"), []byte("e2"))
	got, _ = s.Document(d.ID)
	if got.Title != "New title" || !got.Internal() {
		t.Errorf("after re-ingest: title %q visibility %q", got.Title, got.Visibility)
	}
	entries, _ := s.Audit(0, 1)
	var before, after map[string]any
	json.Unmarshal(entries[0].Before, &before)
	json.Unmarshal(entries[0].After, &after)
	if entries[0].Actor != "aiko" || before["title"] != "Old title" || after["title"] != "New title" || after["visibility"] != "internal" {
		t.Errorf("audit = %+v", entries[0])
	}
	if _, err := s.Edit("", d.ID, nil); !errors.Is(err, data.ErrInvalid) {
		t.Errorf("edit without actor: %v", err)
	}
}

func assertActions(t *testing.T, s *data.Store, want ...string) {
	t.Helper()
	entries, err := s.Audit(0, len(want)+1)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Action)
	}
	if len(got) != len(want) {
		t.Fatalf("audit actions %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("audit actions %v, want %v", got, want)
		}
	}
}
