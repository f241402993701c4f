package web

import (
	"net/http"
	"strings"
	"testing"

	"casebook/data"
)

func TestDocumentPage(t *testing.T) {
	ts := newTestServer(t)
	w := ts.get(t, "/doc/a1?back=%2F%3Fq%3Dflood%26city%3DBangkok")
	if w.Code != http.StatusOK {
		t.Fatalf("status %d", w.Code)
	}
	body := w.Body.String()
	for _, want := range []string{
		"<h1 lang=\"en\">Flood control in Bangkok</h1>",
		`<a href="/?q=flood&amp;city=Bangkok">← Back to results</a>`,
		`href="/doc/a1/original"`, "Download original",
		"Case study", "English", "2011-10", "21st Issue", "application/pdf",
		`<a href="/?city=Bangkok">Bangkok</a>`, `title: &#34;in Bangkok&#34;`, "front matter",
		"<p>First paragraph.</p>", "<p>Second paragraph\nwith a line.</p>", "<p>Third.</p>",
		"<li>Background</li>", "Bangkok&#39;s canals.",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

func TestDocumentNoTextFlag(t *testing.T) {
	ts := newTestServer(t)
	body := ts.get(t, "/doc/evil").Body.String()
	if !strings.Contains(body, "<strong>No text:</strong>") || !strings.Contains(body, `<span class="flag">no text</span>`) {
		t.Error("no-text flag not shown")
	}
}

func TestDocumentNotFound(t *testing.T) {
	ts := newTestServer(t)
	for _, path := range []string{"/doc/nope", "/doc/nope/original", "/no/such/page"} {
		w := ts.get(t, path)
		if w.Code != http.StatusNotFound || !strings.Contains(w.Body.String(), "Page not found") {
			t.Errorf("%s: status %d", path, w.Code)
		}
		if !strings.Contains(w.Body.String(), `<link rel="stylesheet"`) {
			t.Errorf("%s: 404 page not in the layout", path)
		}
	}
}

func TestSafeBack(t *testing.T) {
	ok := []string{"/", "/?q=flood&city=Bangkok", "/doc/a1"}
	bad := []string{"", "//evil.example/", `/\evil.example`, "https://evil.example/", "javascript:alert(1)",
		"evil", "/\x00x", "/\nx"}
	for _, b := range ok {
		if safeBack(b) != b {
			t.Errorf("safeBack(%q) refused", b)
		}
	}
	for _, b := range bad {
		if got := safeBack(b); got != "" {
			t.Errorf("safeBack(%q) = %q", b, got)
		}
	}
	ts := newTestServer(t)
	if body := ts.get(t, "/doc/a1?back=%2F%2Fevil.example").Body.String(); strings.Contains(body, "Back to results") {
		t.Error("off-site back link shown")
	}
}

func TestOriginalDownload(t *testing.T) {
	ts := newTestServer(t)
	w := ts.get(t, "/doc/a1/original")
	if w.Code != http.StatusOK || w.Body.String() != "%PDF-1.4 fake" {
		t.Fatalf("status %d body %q", w.Code, w.Body)
	}
	want := map[string]string{
		"Content-Type":           "application/pdf",
		"Content-Disposition":    `attachment; filename=casebook-a1.pdf`,
		"X-Content-Type-Options": "nosniff",
	}
	for k, v := range want {
		if got := w.Header().Get(k); got != v {
			t.Errorf("%s = %q, want %q", k, got, v)
		}
	}
	w = ts.get(t, "/doc/evil/original")
	if got := w.Header().Get("Content-Type"); got != "application/octet-stream" {
		t.Errorf("html original served as %q", got)
	}
	if got := w.Header().Get("Content-Disposition"); got != "attachment; filename=casebook-evil.html" {
		t.Errorf("evil disposition %q", got)
	}
}

func TestOriginalName(t *testing.T) {
	tests := []struct {
		doc  data.Document
		want string
	}{
		{data.Document{ID: "a1", Source: "in/Report 2010.DOCX"}, "casebook-a1.docx"},
		{data.Document{ID: "a1", Source: "https://example.org/news/200901.html#2"}, "casebook-a1.html"},
		{data.Document{ID: "../../etc/passwd", Source: `C:\x\..\evil.exe"; x=.pdf`}, "casebook-etc-passwd.pdf"},
		{data.Document{ID: "a1", Source: "notes", MediaType: "text/plain; charset=utf-8"}, "casebook-a1.txt"},
		{data.Document{ID: "a1", Source: "weird.ext<script>", MediaType: "application/x-unknown"}, "casebook-a1"},
	}
	for _, tt := range tests {
		if got := originalName(&tt.doc); got != tt.want {
			t.Errorf("originalName(%q, %q) = %q, want %q", tt.doc.ID, tt.doc.Source, got, tt.want)
		}
	}
}

func TestOriginalType(t *testing.T) {
	tests := []struct{ mediaType, charset, want string }{
		{"application/pdf", "", "application/pdf"},
		{"text/plain", "Shift_JIS", "text/plain; charset=Shift_JIS"},
		{"text/plain; charset=utf-8", "", "text/plain; charset=utf-8"},
		{"text/plain", `utf-8"><x`, "text/plain"},
		{"text/html", "utf-8", "application/octet-stream"},
		{"image/svg+xml", "", "application/octet-stream"},
		{"", "", "application/octet-stream"},
	}
	for _, tt := range tests {
		if got := originalType(tt.mediaType, tt.charset); got != tt.want {
			t.Errorf("originalType(%q, %q) = %q, want %q", tt.mediaType, tt.charset, got, tt.want)
		}
	}
}

func TestParagraphs(t *testing.T) {
	got := paragraphs("\r\n a\r\nb\r\n \r\n\r\nc \n\t\n\nd\n")
	want := []string{"a\nb", "c", "d"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("paragraphs = %q, want %q", got, want)
	}
}
