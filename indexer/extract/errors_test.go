package extract

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

func TestFileErrors(t *testing.T) {
	garbage := make([]byte, 4096)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range garbage {
		garbage[i] = byte(rng.UintN(256))
	}
	tests := []struct {
		name, file string
		raw        []byte
		want       error
		detail     string
	}{
		{"zero bytes", "a.txt", nil, ErrEmpty, ""},
		{"whitespace", "a.md", []byte(" \n\t\r\n "), ErrEmpty, ""},
		{"BOM only", "a.txt", []byte("\xef\xbb\xbf\n"), ErrEmpty, ""},
		{"binary garbage", "x.html", garbage, ErrUnsupported, "binary data"},
		{"control bytes", "x.txt", bytes.Repeat([]byte("ab\x01\x02"), 100), ErrUnsupported, "binary data"},
		{"PDF", "report.html", []byte("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"), ErrCorrupt, "truncated"},
		{"DOCX", "report.docx", []byte("PK\x03\x04\x14\x00\x06\x00[Content_Types].xml word/document.xml"), ErrCorrupt, "zip archive"},
		{"PNG", "photo.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), ErrUnsupported, "PNG image"},
		{"ELF", "casebook", []byte("\x7fELF\x02\x01\x01\x00"), ErrUnsupported, "ELF executable"},
		{"only scripts", "x.html", []byte("<html><head><title>Redirect</title><script>location.href='/';</script></head><body><script>var x = 1;</script><style>p{}</style></body></html>"), ErrNoText, ""},
		{"only markup", "x.html", []byte("<!DOCTYPE html><html><body><div><img src=a.gif alt=logo></div><table><tr><td></td></tr></table></body></html>"), ErrNoText, ""},
		{"only boilerplate", "x.html", []byte("<html><body><p>Japanese | English</p><p>Back to Contents</p></body></html>"), ErrNoText, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := File(tt.file, tt.raw)
			if !errors.Is(err, tt.want) {
				t.Fatalf("File = %+v, %v; want %v", res, err, tt.want)
			}
			if res != nil {
				t.Errorf("File returned a result with the error %v", err)
			}
			if !strings.Contains(err.Error(), tt.file) || !strings.Contains(err.Error(), tt.detail) {
				t.Errorf("error %q does not name the file %q and the detail %q", err, tt.file, tt.detail)
			}
		})
	}
}

func TestFileTooLarge(t *testing.T) {
	_, err := File("big.txt", make([]byte, MaxSize+1))
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
}

// TestDeepNesting checks that pathological nesting is read without a
// crash, in bounded time, and without losing its text.
func TestDeepNesting(t *testing.T) {
	for _, tc := range []struct {
		name  string
		depth int
		open  string
	}{
		{"divs", 10000, "<div>"},
		{"fonts", 10000, "<font size=2>"},
		{"tables", 10000, "<table><tr><td>"},
		{"divs-200k", 200000, "<div>"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := "<html><body>" + strings.Repeat(tc.open, tc.depth) + "deep text" + "</body></html>"
			start := time.Now()
			res, err := File("deep.html", []byte(page))
			if elapsed := time.Since(start); elapsed > 10*time.Second {
				t.Errorf("took %v", elapsed)
			}
			if err != nil {
				t.Fatalf("File: %v", err)
			}
			if len(res.Warnings) == 0 {
				t.Error("no warning that the structure was lost")
			}
			if !strings.Contains(res.Body, "deep text") {
				t.Errorf("Body = %q, lost the text", res.Body)
			}
		})
	}
}
