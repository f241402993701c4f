package web

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"casebook/data"
)

func TestDocumentRelated(t *testing.T) {
	ts, _ := newSmartTestServer(t)
	w := ts.get(t, "/doc/a1?back=%2F%3Fq%3Dflood")
	if w.Code != http.StatusOK {
		t.Fatalf("status %d", w.Code)
	}
	body := w.Body.String()
	for _, want := range []string{
		`<article class="doc has-related">`,
		`<h2 id="related-heading">Related practices</h2>`,
		`<a href="/doc/kl1?back=%2F%3Fq%3Dflood" lang="en">Flood tunnel in Kuala Lumpur</a>`,
		`<span class="where">Kuala Lumpur, Tokyo</span> <span class="about">flood control</span> <span class="year">2012</span>`,
		`stores <mark>flood</mark> water`,
		`&lt;script&gt;alert(1)&lt;/script&gt;&#34;&gt;&lt;img src=x onerror=alert(1)&gt;`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(body, "<script>alert") || strings.Contains(body, "<img") {
		t.Error("hostile related hit not escaped")
	}
}

func TestDocumentWithoutRelated(t *testing.T) {
	plain := newTestServer(t)
	none, ss := newSmartTestServer(t)
	ss.related = nil
	failing, fs := newSmartTestServer(t)
	fs.relatedErr = errors.New("engine down")
	missing, ms := newSmartTestServer(t)
	ms.relatedErr = data.ErrNotFound
	for name, ts := range map[string]*testServer{"no relater": plain, "none found": none, "error": failing, "not indexed": missing} {
		w := ts.get(t, "/doc/a1")
		if w.Code != http.StatusOK {
			t.Errorf("%s: status %d", name, w.Code)
		}
		if body := w.Body.String(); strings.Contains(body, "Related practices") || strings.Contains(body, "has-related") {
			t.Errorf("%s: related section shown", name)
		}
	}
	if !strings.Contains(failing.logs.String(), "engine down") {
		t.Error("related failure not logged")
	}
	if strings.Contains(missing.logs.String(), "related documents") {
		t.Error("a document not yet indexed was logged as a failure")
	}
}
