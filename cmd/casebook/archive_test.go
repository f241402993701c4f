package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"casebook/data"
)

// TestIngestArchive ingests the bundled newsletter mirror from disk with
// --archive: single-page issues are split into articles, articles are
// grouped under their issue in order, Japanese pages are linked to their
// English counterparts, and the mirror's dead links are reported.
func TestIngestArchive(t *testing.T) {
	mirror, dataDir := t.TempDir(), t.TempDir()
	sub, _ := fs.Sub(data.Sample, "sample/newsletter")
	if err := os.CopyFS(mirror, sub); err != nil {
		t.Fatal(err)
	}
	out := runCLI(t, "ingest", "--data-dir", dataDir, "--archive", mirror)
	if !strings.Contains(out, "warning: dead link: ") {
		t.Errorf("no dead links reported:\n%s", lastLine(out))
	}
	a, err := openApp(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	base := filepath.ToSlash(mirror) + "/www.example-tmg.jp/asialetter/"

	// A single-page issue and its first article.
	issue, err := a.store.Issue(data.DocumentID(base + "english/newsletter/200901.html"))
	if err != nil {
		t.Fatal(err)
	}
	if len(issue.Articles) < 3 || issue.Articles[0].Position != 1 || issue.Next.ID == "" || issue.Prev.ID != "" {
		t.Errorf("inaugural issue: %d articles, first at %d, prev %q next %q", len(issue.Articles), issue.Articles[0].Position, issue.Prev.ID, issue.Next.ID)
	}
	art, err := a.store.DocumentBySource(base + "english/newsletter/200901.html#a1")
	if err != nil || art.Kind != data.KindNewsletterArticle || art.Issue == nil || art.Issue.Number != 1 || art.Issue.ID != issue.Issue.ID {
		t.Errorf("first article: %+v, %v", art, err)
	}

	// A per-article issue: its contents page lists the article pages in order.
	per, err := a.store.Issue(data.DocumentID(base + "english/newsletter/201207/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for i, ar := range per.Articles {
		if i > 0 && ar.Position < per.Articles[i-1].Position {
			t.Errorf("201207 articles out of order: %+v", per.Articles)
		}
	}
	if len(per.Articles) < 4 || per.Issue.Issue.Number != 21 {
		t.Errorf("201207: %d articles, number %d", len(per.Articles), per.Issue.Issue.Number)
	}

	// The Japanese edition points at the English page and back.
	ja, err := a.store.DocumentBySource(base + "japanese/newsletter/201207/1.html")
	if err != nil {
		t.Fatal(err)
	}
	en := data.DocumentID(base + "english/newsletter/201207/1.html")
	if ja.Lang != "ja" || ja.Counterpart != en {
		t.Errorf("japanese 201207/1: lang %q counterpart %q, want ja %q", ja.Lang, ja.Counterpart, en)
	}
	if enDoc, _ := a.store.Document(en); enDoc == nil || enDoc.Counterpart != ja.ID {
		t.Errorf("english 201207/1 does not point back to the Japanese page")
	}
}
