package indexer_test

import (
	"archive/zip"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/japanese"

	"casebook/indexer"
	"casebook/indexer/extract"
)

// truncatedZip is the first half of a small DOCX-like zip.
func truncatedZip(t *testing.T) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("word/document.xml")
	w.Write(bytes.Repeat([]byte("<w:p><w:r><w:t>Flood control</w:t></w:r></w:p>"), 200))
	zw.Close()
	return buf.Bytes()[:buf.Len()/2]
}

func shiftJIS(t *testing.T, s string) string {
	out, err := japanese.ShiftJIS.NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestBadInputMatrix ingests each kind of bad input beside a good file:
// the bad one fails alone with a clear reason (or is stored with a
// warning), and the good one is always stored.
func TestBadInputMatrix(t *testing.T) {
	cases := []struct {
		name    string
		file    string
		body    func(t *testing.T) []byte
		outcome string // "failed" or "added"
		says    string // in the reason or a warning
	}{
		{"empty", "empty.txt", func(*testing.T) []byte { return nil }, "failed", "empty file"},
		{"garbage", "garbage.html", func(*testing.T) []byte { return []byte("\x00\x01\x02\xff binary\x00\x00\x07") }, "failed", "binary data"},
		{"truncated zip", "report.docx", truncatedZip, "failed", ""},
		{"huge", "huge.txt", func(*testing.T) []byte { return bytes.Repeat([]byte("flood "), 6<<20) }, "failed", "limit"},
		{"deeply nested html", "deep.html", func(*testing.T) []byte {
			return []byte("<html><body>" + strings.Repeat("<div>", 100000) + "<p>Deep flood text in Hanoi.</p>" + strings.Repeat("</div>", 100000) + "</body></html>")
		}, "added", ""},
		{"wrong charset", "wrong.html", func(t *testing.T) []byte {
			return []byte(shiftJIS(t, `<html><head><meta charset="utf-8"></head><body><h1>下水道の研修</h1><p>“Sewer” training in バンコク.</p></body></html>`))
		}, "added", "declared charset utf-8"},
		// Mostly UTF-8 with stray bytes: either read as UTF-8 with the bad
		// bytes replaced, or as a guessed legacy charset; a warning either way.
		{"invalid utf-8", "invalid.txt", func(*testing.T) []byte {
			return []byte("Waste in Jakarta\n\nRecycling rose by 12% \xff\xfe in 2014, a café \xc3\xa9 and more.")
		}, "added", "UTF-8"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p, st := newPipeline(t)
			dir := t.TempDir()
			write(t, filepath.Join(dir, "good.txt"), "Good report\n\nTokyo shared its flood control plans.")
			if err := os.WriteFile(filepath.Join(dir, tc.file), tc.body(t), 0o644); err != nil {
				t.Fatal(err)
			}
			job := ingestDir(t, p, dir)
			if job.Seen != 2 {
				t.Fatalf("seen %d files", job.Seen)
			}
			for _, f := range job.Files {
				if strings.HasSuffix(f.Path, "/good.txt") {
					if f.Outcome != "added" {
						t.Errorf("good file: %+v", f)
					}
					continue
				}
				if f.Outcome != tc.outcome {
					t.Errorf("%s: outcome %q (%s), want %q", tc.file, f.Outcome, f.Error, tc.outcome)
				}
				if tc.outcome == "failed" && len(f.Error) < 10 {
					t.Errorf("%s: reason %q is not clear", tc.file, f.Error)
				}
				said := f.Error + " " + strings.Join(f.Warnings, " ")
				if !strings.Contains(said, tc.says) {
					t.Errorf("%s: %q does not say %q", tc.file, said, tc.says)
				}
			}
			if n, _ := st.CountDocuments(); n < 1 {
				t.Errorf("good file not stored")
			}
		})
	}
}

// TestDuplicateAndVanishedFiles covers the two batch-level cases: the
// same bytes under two names, and a file deleted between listing and
// reading.
func TestDuplicateAndVanishedFiles(t *testing.T) {
	p, st := newPipeline(t)
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.txt"), "Seoul report\n\nSeoul restored a stream.")
	write(t, filepath.Join(dir, "a-copy.txt"), "Seoul report\n\nSeoul restored a stream.")
	src, _ := indexer.PathSource(dir)
	src.Files = []string{"a.txt", "gone.txt", "a-copy.txt"} // gone.txt was listed, then deleted
	p.Workers = 1                                           // a.txt is stored before its copy
	job, err := p.Ingest(context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	if job.Added != 1 || job.Duplicates != 1 || job.Failed != 1 {
		t.Fatalf("job: added %d duplicates %d failed %d", job.Added, job.Duplicates, job.Failed)
	}
	for _, f := range job.Files {
		if strings.HasSuffix(f.Path, "gone.txt") && !strings.Contains(f.Error, "cannot open") {
			t.Errorf("vanished file: %q", f.Error)
		}
	}
	if n, _ := st.CountDocuments(); n != 1 {
		t.Errorf("%d documents, want 1", n)
	}
}

// TestSlowAndPanickingExtractors fails a file whose extractor hangs or
// panics, and stores the rest of the batch.
func TestSlowAndPanickingExtractors(t *testing.T) {
	p, st := newPipeline(t)
	release := make(chan struct{})
	defer close(release)
	p.SetExtract(func(name string, raw []byte) (*extract.Result, error) {
		switch name {
		case "hang.txt":
			<-release
		case "panic.txt":
			panic("corrupt table")
		}
		return extract.File(name, raw)
	})
	p.ExtractTimeout = 200 * time.Millisecond
	dir := t.TempDir()
	for _, n := range []string{"hang.txt", "panic.txt", "good.txt"} {
		write(t, filepath.Join(dir, n), "A report\n\nHanoi planted trees.")
	}
	job := ingestDir(t, p, dir)
	reasons := map[string]string{}
	for _, f := range job.Files {
		reasons[filepath.Base(f.Path)] = f.Outcome + ": " + f.Error
	}
	if !strings.Contains(reasons["hang.txt"], "took longer than 200ms") {
		t.Errorf("hang.txt: %q", reasons["hang.txt"])
	}
	if !strings.Contains(reasons["panic.txt"], "internal error while reading the file: corrupt table") {
		t.Errorf("panic.txt: %q", reasons["panic.txt"])
	}
	if !strings.HasPrefix(reasons["good.txt"], "added") {
		t.Errorf("good.txt: %q", reasons["good.txt"])
	}
	if n, _ := st.CountDocuments(); n != 1 {
		t.Errorf("%d documents", n)
	}
}
