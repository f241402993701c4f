package main

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/japanese"

	"casebook/search"
)

// TestIngestBadInputFailsAlone ingests a folder of good and bad files:
// each bad one gets a clear reason or a warning, the good ones are stored
// and searchable, and the command exits non-zero.
func TestIngestBadInputFailsAlone(t *testing.T) {
	src, dataDir := t.TempDir(), t.TempDir()
	sjis, err := japanese.ShiftJIS.NewEncoder().String("<html><head><meta charset=\"utf-8\"><title>Sewer renewal</title></head><body><h1>Sewer renewal in Bangkok</h1><p>“Pipe jacking” was shown to trainees at the バンコク下水道局.</p></body></html>")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"good.txt":          "Flood control in Hanoi\n\nHanoi dredged its lakes before the rains of 2011.",
		"empty.html":        "",
		"garbage.html":      "\x00\x01\x02\xff\xfe binary \x00\x00 data \x07\x08",
		"wrong-charset.htm": sjis,
		"invalid-utf8.txt":  "Waste report from Jakarta\n\nRecycling rose by 12% \xff\xfe in 2014.",
		"scripts-only.html": "<html><head><script>var a=1;</script></head><body><script>b()</script></body></html>",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(src, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var out, errOut strings.Builder
	err = Run(context.Background(), []string{"ingest", "--data-dir", dataDir, src}, &out, &errOut)
	if !errors.Is(err, errFilesFailed) {
		t.Fatalf("err = %v, want errFilesFailed\n%s", err, out.String())
	}
	text := out.String()
	for _, want := range []string{
		"failed    " + filepath.ToSlash(filepath.Join(src, "empty.html")) + ": ",
		"failed    " + filepath.ToSlash(filepath.Join(src, "garbage.html")) + ": ",
		"failed    " + filepath.ToSlash(filepath.Join(src, "scripts-only.html")) + ": ",
		"added     " + filepath.ToSlash(filepath.Join(src, "good.txt")),
		"added     " + filepath.ToSlash(filepath.Join(src, "wrong-charset.htm")),
		"added     " + filepath.ToSlash(filepath.Join(src, "invalid-utf8.txt")),
		"3 added, 0 updated, 0 unchanged, 0 duplicates, 3 failed",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %q:\n%s", want, text)
		}
	}
	if strings.Count(text, "warning: ") < 2 {
		t.Errorf("want warnings for the wrong charset and the invalid UTF-8:\n%s", text)
	}
	a, err := openApp(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	for q, want := range map[string]int{"Hanoi": 1, "“Pipe jacking”": 1, "バンコク": 1, "recycling": 1} {
		res, err := a.index.Search(context.Background(), search.Request{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		if int(res.Total) != want {
			t.Errorf("%q: %d hits, want %d", q, res.Total, want)
		}
	}
	jobs, _ := a.store.Jobs(1)
	if len(jobs) != 1 || jobs[0].Failed != 3 || jobs[0].Added != 3 {
		t.Fatalf("job record = %+v", jobs)
	}
	for _, f := range jobs[0].Files {
		if f.Outcome == "failed" && len(f.Error) < 10 {
			t.Errorf("%s: reason %q is not clear", f.Path, f.Error)
		}
	}
}

func TestJobsCommand(t *testing.T) {
	src, dataDir := t.TempDir(), t.TempDir()
	os.WriteFile(filepath.Join(src, "ok.txt"), []byte("Title\n\nBody about Seoul."), 0o644)
	os.WriteFile(filepath.Join(src, "empty.txt"), nil, 0o644)
	var out strings.Builder
	Run(context.Background(), []string{"ingest", "--data-dir", dataDir, src}, &out, io.Discard)
	list := runCLI(t, "jobs", "--data-dir", dataDir)
	if !strings.Contains(list, "   1  done") || !strings.Contains(list, "1 added") {
		t.Errorf("jobs list:\n%s", list)
	}
	one := runCLI(t, "jobs", "--data-dir", dataDir, "1")
	if !strings.Contains(one, "empty.txt: extract empty.txt: empty file") || strings.Contains(one, "ok.txt") {
		t.Errorf("job 1:\n%s", one)
	}
}
