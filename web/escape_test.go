package web

import (
	"strings"
	"testing"
)

// escapedForms are how html/template writes the hostile strings in text.
var escapedForms = []string{
	"&lt;script&gt;alert(1)&lt;/script&gt;",
	"&#34;&gt;&lt;img src=x onerror=alert(1)&gt;",
}

func assertEscaped(t *testing.T, page, body string) {
	t.Helper()
	for _, raw := range []string{evilScript, evilImg, "<img", `href="javascript:`, "onerror=alert(1)>"} {
		if strings.Contains(body, raw) {
			t.Errorf("%s: raw %q in output", page, raw)
		}
	}
	for _, esc := range escapedForms {
		if !strings.Contains(body, esc) {
			t.Errorf("%s: escaped %q missing", page, esc)
		}
	}
	if !strings.Contains(body, evilJS) {
		t.Errorf("%s: %q should show as text", page, evilJS)
	}
}

func TestSearchPageEscapes(t *testing.T) {
	ts := newTestServer(t)
	// The hostile values are also selected, so they appear in chips,
	// hidden inputs and links.
	body := ts.get(t, "/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E&city=%22%3E%3Cimg+src%3Dx+onerror%3Dalert(1)%3E&theme=javascript:alert(1)").Body.String()
	assertEscaped(t, "search", body)
	if !strings.Contains(body, "<mark>&#34;&gt;&lt;img src=x onerror=alert(1)&gt;</mark>") {
		t.Error("matched segment not in <mark>, escaped")
	}
	if n := strings.Count(body, "<script"); n != 1 { // only the app.js tag
		t.Errorf("%d <script tags", n)
	}
}

func TestDocumentPageEscapes(t *testing.T) {
	ts := newTestServer(t)
	body := ts.get(t, "/doc/evil?back=javascript:alert(1)").Body.String()
	assertEscaped(t, "document", body)
	if strings.Contains(body, "Back to results") {
		t.Error("javascript: back link shown")
	}
	if n := strings.Count(body, "<script"); n != 1 {
		t.Errorf("%d <script tags", n)
	}
}

func TestAPIEscapes(t *testing.T) {
	ts := newTestServer(t)
	body := ts.get(t, "/api/v1/search?q=x").Body.String()
	if strings.Contains(body, "<script>") || strings.Contains(body, "<img") {
		t.Error("raw markup in JSON; encoding/json should write \\u003c")
	}
}
