package data_test

import (
	"strings"
	"testing"

	"casebook/data"
)

func TestReview(t *testing.T) {
	s := mustOpen(t)
	empty := doc("scan.pdf", "Scanned report")
	empty.Body, empty.Flags = "", []string{data.FlagNoText}
	weak := doc("weak.txt", "Weak")
	weak.Tags = []data.Tag{
		{Facet: data.FacetCity, Value: "Hanoi", Score: 3, Origin: data.OriginDetected},
		{Facet: data.FacetCity, Value: "Hue", Score: 12, Origin: data.OriginDetected},
	}
	text := strings.Repeat("Flood control along the canals of the city. ", 10)
	a, b := doc("a.txt", "Copy A"), doc("b.txt", "Copy B")
	a.Body, b.Body = text, text+" And one more line."
	for _, d := range []*data.Document{empty, weak, a, b} {
		if _, err := s.PutDocument(d, []byte(d.Source)); err != nil {
			t.Fatal(err)
		}
	}
	job := &data.Job{}
	s.CreateJob(job)
	job.Files = []data.FileOutcome{
		{Path: "broken.pdf", Outcome: "failed", Error: "corrupt PDF"},
		{Path: "a.txt", Outcome: "failed", Error: "went in later"},
	}
	s.SaveJob(job)

	rv, err := s.Review(10)
	if err != nil {
		t.Fatal(err)
	}
	if len(rv.NoText) != 1 || rv.NoText[0].ID != empty.ID {
		t.Errorf("no text = %+v", rv.NoText)
	}
	if len(rv.LowTags) != 1 || len(rv.LowTags[0].Tags) != 1 || rv.LowTags[0].Tags[0].Value != "Hanoi" {
		t.Errorf("low tags = %+v", rv.LowTags)
	}
	if len(rv.Duplicates) != 1 || len(rv.Duplicates[0]) != 2 {
		t.Errorf("duplicates = %+v", rv.Duplicates)
	}
	if len(rv.Failed) != 1 || rv.Failed[0].Path != "broken.pdf" || rv.Failed[0].Job != job.ID {
		t.Errorf("failed = %+v", rv.Failed)
	}
	if rv, _ := s.Review(0); rv.Totals.NoText != 1 || len(rv.NoText) != 0 {
		t.Errorf("limit 0: totals %+v lists %d", rv.Totals, len(rv.NoText))
	}
}
