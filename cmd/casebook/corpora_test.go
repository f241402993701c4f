package main

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"casebook/data"
	"casebook/search"
)

// corpus returns a folder of ../shared/corpora, or skips the test.
func corpus(t *testing.T, name string) string {
	t.Helper()
	dir := "../../../shared/corpora/" + name
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("../shared/corpora not present (%v): real-data test skipped", err)
	}
	return dir
}

// TestIngestRealCaseStudies ingests the world-city-prize case studies and
// the environment ministry's news archive as a user would, from the
// command line, and checks what a user would look for afterwards.
func TestIngestRealCaseStudies(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests 1,488 real files")
	}
	lky, mse := corpus(t, "lkywcp-case-studies"), corpus(t, "sg-mse-archive")
	dataDir := t.TempDir()
	out := runCLI(t, "ingest", "--data-dir", dataDir, lky, mse)
	if !strings.Contains(out, "1488 files seen, 1488 added") || !strings.Contains(out, " 0 failed") {
		t.Fatalf("ingest:\n%s", lastLine(out))
	}
	a, err := openApp(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()

	var fromTable, drafts, mseYears, speeches, releases int
	a.store.Snapshot(500, func(docs []*data.Document) error {
		for _, d := range docs {
			if len(d.Meta["type"]) > 0 && hasSourceCity(d) {
				fromTable++
			}
			if d.HasFlag(data.FlagDraft) {
				drafts++
			}
			if isMSEArticle(d.Source) && d.Year >= 2018 && d.Year <= 2024 {
				mseYears++
			}
			switch d.Kind {
			case data.KindSpeech:
				speeches++
			case data.KindPressRelease:
				releases++
			}
		}
		return nil
	})
	// 51 pages carry a City/Type/Period table (SOURCES.md); unpublished
	// pages are counted here from their front matter.
	if want := countUnpublished(t, lky); fromTable < 51 || drafts != want || mseYears != 1203 {
		t.Errorf("case studies from a table %d (want >= 51), drafts %d (want %d), news items dated 2018-2024: %d (want 1203)", fromTable, drafts, want, mseYears)
	}
	// SOURCES.md: 374 speeches and 156 press releases by folder; 18
	// Committee of Supply pages are titled "Speech by ...", speeches too.
	if speeches != 374+18 || releases != 156 {
		t.Errorf("speeches %d (want 392), press releases %d (want 156)", speeches, releases)
	}
	res, err := a.index.Search(context.Background(), search.Request{Filters: map[string][]string{"city": {"Medellín"}}})
	if err != nil || res.Total == 0 {
		t.Errorf("no documents tagged Medellín: %v", err)
	}
}

func hasSourceCity(d *data.Document) bool {
	for _, tag := range d.Tags {
		if tag.Facet == data.FacetCity && tag.Origin == data.OriginSource {
			return true
		}
	}
	return false
}

// isMSEArticle is a dated article of the news archive (not its SOURCES.md).
func isMSEArticle(src string) bool {
	_, rest, ok := strings.Cut(src, "sg-mse-archive/")
	return ok && strings.Count(rest, "/") == 1 && strings.HasSuffix(rest, ".md")
}

// countUnpublished counts the Markdown files whose front matter says
// published: false (one page writes the key as "Published").
func countUnpublished(t *testing.T, dir string) int {
	n := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		front, ok := strings.CutPrefix(string(b), "---\n")
		front, _, closed := strings.Cut(front, "\n---")
		if ok && closed && regexp.MustCompile(`(?mi)^published:\s*false\s*$`).MatchString(front) {
			n++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}
