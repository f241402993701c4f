package extract

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzFile checks that File never panics, that every error is one of the
// sentinels, and that a result is valid UTF-8 with a bounded summary.
func FuzzFile(f *testing.F) {
	for _, path := range fixtures(f) {
		raw, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(filepath.Base(path), raw)
	}
	f.Add("x.html", []byte("<div><p>unclosed <b>bold <table><tr><td>cell"))
	f.Add("x.md", []byte("---\na: [1, 2\n---\n# t\n"))
	f.Add("x.txt", []byte("\x1b$B$3$s$K$A$O\x1b(B"))
	f.Fuzz(func(t *testing.T, name string, raw []byte) {
		res, err := File(name, raw)
		if err != nil {
			if !isSentinel(err) {
				t.Fatalf("error %v wraps no sentinel", err)
			}
			return
		}
		for field, s := range map[string]string{"Title": res.Title, "Body": res.Body, "Summary": res.Summary, "Lang": res.Lang} {
			if !utf8.ValidString(s) {
				t.Errorf("%s is not valid UTF-8: %q", field, s)
			}
		}
		for _, h := range res.Headings {
			if !utf8.ValidString(h) {
				t.Errorf("heading is not valid UTF-8: %q", h)
			}
		}
		if n := utf8.RuneCountInString(res.Summary); n > summaryMax {
			t.Errorf("Summary has %d characters", n)
		}
		if strings.Contains(res.Body, "\r") {
			t.Errorf("Body has a carriage return")
		}
	})
}

func isSentinel(err error) bool {
	for _, s := range []error{ErrEmpty, ErrUnsupported, ErrNoText, ErrTooLarge, ErrCorrupt, ErrEncrypted, ErrArchiveLimit} {
		if errors.Is(err, s) {
			return true
		}
	}
	return false
}
