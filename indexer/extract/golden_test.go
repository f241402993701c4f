package extract

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json from the current output")

// fixtures lists the input files under testdata (not the golden files, not
// the UTF-8 drafts in testdata/drafts).
func fixtures(tb testing.TB) []string {
	tb.Helper()
	entries, err := os.ReadDir("testdata")
	if err != nil {
		tb.Fatal(err)
	}
	var paths []string
	for _, e := range entries {
		if !e.IsDir() && !strings.HasSuffix(e.Name(), ".golden.json") {
			paths = append(paths, filepath.Join("testdata", e.Name()))
		}
	}
	return paths
}

func goldenPath(path string) string {
	return strings.TrimSuffix(path, filepath.Ext(path)) + ".golden.json"
}

func TestGolden(t *testing.T) {
	for _, path := range fixtures(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			res, err := File(filepath.Base(path), raw)
			if err != nil {
				t.Fatalf("File: %v", err)
			}
			got, err := json.MarshalIndent(res, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			if *update {
				if err := os.WriteFile(goldenPath(path), got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(goldenPath(path))
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("result differs from %s (go test -update rewrites it):\n%s", goldenPath(path), lineDiff(string(want), string(got)))
			}
		})
	}
}

// lineDiff lists the lines of want and got that differ, by position.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			b.WriteString("- " + wl + "\n+ " + gl + "\n")
		}
	}
	return b.String()
}

func BenchmarkFile(b *testing.B) {
	for _, path := range fixtures(b) {
		raw, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		name := filepath.Base(path)
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(raw)))
			for b.Loop() {
				if _, err := File(name, raw); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestDraftsMatch checks that each legacy-encoded fixture yields exactly
// the text of its UTF-8 draft: curly quotes, dashes and Japanese survive
// the round trip through Shift_JIS or EUC-JP.
func TestDraftsMatch(t *testing.T) {
	drafts, err := filepath.Glob("testdata/drafts/*.html")
	if err != nil {
		t.Fatal(err)
	}
	for _, draft := range drafts {
		name := filepath.Base(draft)
		t.Run(name, func(t *testing.T) {
			want := mustFile(t, draft)
			got := mustFile(t, filepath.Join("testdata", name))
			if got.Charset == "utf-8" {
				t.Errorf("fixture %s is UTF-8; regenerate it with iconv (see testdata/drafts/README.md)", name)
			}
			want.Charset, want.Warnings = got.Charset, got.Warnings
			w, _ := json.MarshalIndent(want, "", "  ")
			g, _ := json.MarshalIndent(got, "", "  ")
			if !bytes.Equal(w, g) {
				t.Errorf("fixture and draft differ:\n%s", lineDiff(string(w), string(g)))
			}
		})
	}
}

func mustFile(t *testing.T, path string) *Result {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	res, err := File(filepath.Base(path), raw)
	if err != nil {
		t.Fatal(err)
	}
	return res
}
