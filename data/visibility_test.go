package data_test

import (
	"errors"
	"testing"

	"casebook/data"
)

func TestVisibility(t *testing.T) {
	s := mustOpen(t)
	old := doc("old.txt", "Stored before visibility existed")
	s.PutDocument(old, []byte("old"))
	got, _ := s.Document(old.ID)
	if got.Internal() || got.Visibility != "" {
		t.Errorf("a document without visibility is %q", got.Visibility)
	}
	bad := doc("bad.txt", "Bad")
	bad.Visibility = "secret"
	if _, err := s.PutDocument(bad, []byte("bad")); !errors.Is(err, data.ErrInvalid) {
		t.Errorf("unknown visibility stored: %v", err)
	}
}

func TestCorrectionsOfFields(t *testing.T) {
	for _, c := range []data.Correction{
		{Facet: data.FieldTitle, Value: "  ", By: "a"},
		{Facet: data.FieldKind, Value: "memo", By: "a"},
		{Facet: data.FieldVisibility, Value: "secret", By: "a"},
		{Facet: data.FieldVisibility, Value: "internal", Remove: true, By: "a"},
		{Facet: data.FieldTitle, Value: "x", By: ""},
	} {
		if err := c.Validate(); !errors.Is(err, data.ErrInvalid) {
			t.Errorf("%+v: %v, want invalid", c, err)
		}
	}
	if err := (data.Correction{Facet: data.FieldSummary, Value: "", By: "a"}).Validate(); err != nil {
		t.Errorf("clearing the summary: %v", err)
	}
}

// TestUploadCorrections: corrections given with a file are stored with
// its documents in one transaction and survive the next ingest.
func TestUploadCorrections(t *testing.T) {
	s := mustOpen(t)
	d := doc("upload/x.txt", "Uploaded")
	cs := []data.Correction{
		{Facet: data.FieldVisibility, Value: data.VisibilityInternal, By: "aiko"},
		{Facet: data.FacetCity, Value: "Hanoi", By: "aiko"},
	}
	_, errs, err := s.PutFiles([]data.FileDocs{{Docs: []*data.Document{d}, Original: []byte("x"), Corrections: cs}})
	if err != nil || errs[0] != nil {
		t.Fatal(err, errs)
	}
	p, _ := s.Changes(0, 10)
	if len(p.Puts) != 1 || !p.Puts[0].Internal() {
		t.Fatalf("the first stored version is not internal: %+v", p.Puts)
	}
	s.PutDocument(doc("upload/x.txt", "Uploaded"), []byte("x2"))
	got, _ := s.Document(d.ID)
	if !got.Internal() || len(got.Cities()) != 1 {
		t.Errorf("after re-ingest: %q %v", got.Visibility, got.Cities())
	}
	_, errs, _ = s.PutFiles([]data.FileDocs{{Docs: []*data.Document{doc("y.txt", "Y")}, Original: []byte("y"),
		Corrections: []data.Correction{{Facet: data.FieldKind, Value: "memo", By: "aiko"}}}})
	if !errors.Is(errs[0], data.ErrInvalid) {
		t.Errorf("bad correction with a file: %v", errs[0])
	}
}
