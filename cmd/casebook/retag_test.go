package main

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"casebook/data"
	"casebook/search"
)

// TestCorrectThenRetagAndReingest corrects a document's city from the
// command line, then re-tags and re-ingests: the correction holds, and
// searching by the corrected city finds the document.
func TestCorrectThenRetagAndReingest(t *testing.T) {
	src, dataDir := t.TempDir(), t.TempDir()
	file := filepath.Join(src, "report.txt")
	os.WriteFile(file, []byte("Sewer renewal in Bangkok\n\nBangkok engineers renewed 40 km of sewers in 2012."), 0o644)
	runCLI(t, "ingest", "--data-dir", dataDir, src)
	id := data.DocumentID(filepath.ToSlash(file))

	out := runCLI(t, "correct", "--data-dir", dataDir, "--by", "aiko", id, "-city:Bangkok", "+city:Nonthaburi", "year=2013")
	if !strings.Contains(out, "cities [Nonthaburi]") || !strings.Contains(out, "year 2013") {
		t.Fatalf("correct said %q", out)
	}
	if out := runCLI(t, "retag", "--data-dir", dataDir); !strings.Contains(out, "retagged: 0 documents changed") {
		t.Errorf("retag: %q", out)
	}
	runCLI(t, "ingest", "--data-dir", dataDir, src)

	a, err := openApp(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	doc, _ := a.store.Document(id)
	if !slices.Equal(doc.Cities(), []string{"Nonthaburi"}) || doc.Year != 2013 {
		t.Errorf("after retag and re-ingest: cities %v year %d", doc.Cities(), doc.Year)
	}
	res, err := a.index.Search(context.Background(), search.Request{Filters: map[string][]string{"city": {"Nonthaburi"}}})
	if err != nil || res.Total != 1 {
		t.Errorf("search by the corrected city: %v %v", res, err)
	}
	if _, err := parseCorrection("city=Hanoi", "x"); err == nil {
		t.Error("a malformed change was accepted")
	}
}

// TestRetagPicksUpNewTags checks that retag changes what enrichment would
// now say: a document whose detected tags were lost is tagged again.
func TestRetagPicksUpNewTags(t *testing.T) {
	src, dataDir := t.TempDir(), t.TempDir()
	os.WriteFile(filepath.Join(src, "a.txt"), []byte("Flood control in Jakarta\n\nJakarta dredged its canals."), 0o644)
	runCLI(t, "ingest", "--data-dir", dataDir, src)
	a, err := openApp(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	ids, _ := a.store.IDs()
	doc, _ := a.store.Document(ids[0])
	doc.Tags = nil // as if the gazetteer had not known Jakarta
	a.store.PutDocument(doc, nil)
	a.Close()
	if out := runCLI(t, "retag", "--data-dir", dataDir); !strings.Contains(out, "1 document changed") {
		t.Errorf("retag: %q", out)
	}
	a, _ = openApp(dataDir)
	defer a.Close()
	doc, _ = a.store.Document(ids[0])
	if !slices.Contains(doc.Cities(), "Jakarta") {
		t.Errorf("retag did not tag Jakarta: %v", doc.Tags)
	}
}
