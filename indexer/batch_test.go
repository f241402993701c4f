package indexer_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"casebook/data"
	"casebook/indexer"
)

// TestBatch: an uploaded batch is a job whose record exists before the
// first file is read, whose files go through the pipeline with the
// staff's metadata, and whose bad file fails alone with its reason.
func TestBatch(t *testing.T) {
	p, st := newPipeline(t)
	b := indexer.Batch{
		Files: []indexer.File{
			{Key: "upload/1/flood.txt", Name: "flood.txt", Data: []byte("Flood report\n\nHanoi drained its lakes.")},
			{Key: "upload/1/photo.png", Name: "photo.png", Data: []byte("\x89PNG\r\n\x1a\n\x00\x00")},
		},
		Corrections: []data.Correction{
			{Facet: data.FieldVisibility, Value: data.VisibilityInternal, By: "aiko"},
			{Facet: data.FacetCity, Value: "Da Nang", By: "aiko"},
		},
	}
	job, err := p.StartBatch(b)
	if err != nil {
		t.Fatal(err)
	}
	stored, _ := st.Job(job.ID)
	if stored.Status != data.JobRunning || stored.Total != 2 || !slices.Equal(stored.Paths, []string{"upload/1/flood.txt", "upload/1/photo.png"}) {
		t.Errorf("job before the run = %+v", stored)
	}
	job, err = p.RunBatch(context.Background(), job, b)
	if err != nil {
		t.Fatal(err)
	}
	if job.Added != 1 || job.Failed != 1 || job.Status != data.JobDone {
		t.Fatalf("job = %+v", job)
	}
	if f := job.Files[slices.IndexFunc(job.Files, func(f data.FileOutcome) bool { return f.Error != "" })]; f.Path != "upload/1/photo.png" {
		t.Errorf("failed file = %+v", f)
	}
	doc, err := st.DocumentBySource("upload/1/flood.txt")
	if err != nil {
		t.Fatal(err)
	}
	if !doc.Internal() || !slices.Contains(doc.Cities(), "Da Nang") || !slices.Contains(doc.Cities(), "Hanoi") {
		t.Errorf("uploaded document: visibility %q cities %v", doc.Visibility, doc.Cities())
	}
}

// TestReingestBatch reads a document's stored original again, after its
// file is gone from disk, and keeps the staff's corrections.
func TestReingestBatch(t *testing.T) {
	p, st := newPipeline(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "waste.txt")
	write(t, path, "Waste report\n\nBangkok sorted its waste.")
	ingestDir(t, p, dir)
	doc, err := st.DocumentBySource(filepath.ToSlash(path))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Edit("aiko", doc.ID, []data.Correction{{Facet: data.FieldTitle, Value: "Bangkok waste sorting", By: "aiko"}}); err != nil {
		t.Fatal(err)
	}
	os.Remove(path)

	b, err := p.ReingestBatch(doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	job, _ := p.StartBatch(b)
	job, err = p.RunBatch(context.Background(), job, b)
	if err != nil || job.Failed != 0 || len(job.Files) != 1 || !slices.Contains(job.Files[0].Docs, doc.ID) {
		t.Fatalf("re-ingest job = %+v, %v", job, err)
	}
	got, _ := st.Document(doc.ID)
	if got.Title != "Bangkok waste sorting" || !slices.Contains(got.Cities(), "Bangkok") {
		t.Errorf("after re-ingest: %q %v", got.Title, got.Cities())
	}
	if _, err := p.ReingestBatch("no-such-id"); err == nil {
		t.Error("re-ingest of an unknown document worked")
	}
}
