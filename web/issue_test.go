package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"casebook/data"
	"casebook/web/browsertest"
)

// withIssues adds three English issues and a hostile one to the fake.
func withIssues(ts *testServer) {
	inaugural := &data.Document{ID: "i1", Title: "Inaugural Issue — January 2009", Kind: data.KindNewsletterIssue, Lang: "en",
		Issue: &data.Issue{Label: "Inaugural Issue", Number: 1, Key: "200901"}, Counterpart: "j1"}
	second := &data.Document{ID: "i2", Title: "Interaction Asia: Second Issue", Kind: data.KindNewsletterIssue, Lang: "en",
		Issue: &data.Issue{Label: "Second Issue", Number: 2, Key: "200903"}}
	evil := &data.Document{ID: "ievil", Title: evilScript + evilImg, Kind: data.KindNewsletterIssue, Lang: `en"><script>`,
		Issue: &data.Issue{Label: evilScript, Key: "200905"}, Counterpart: "x/../../evil?a=1"}
	ts.docs.issues = map[string]*data.IssueView{
		"i1": {Issue: inaugural, Next: data.IssueLink{ID: "i2", Title: second.Title, Label: "Second Issue"},
			Articles: []data.IssueArticle{
				{ID: "a1", Title: "Welcome to Interaction Asia", Summary: "Why the Secretariat started a newsletter.", Lang: "en", Position: 1},
				{ID: "a/2", Title: "Sewerage Maintenance in Tokyo", Lang: "en", Position: 2},
			}},
		"i2": {Issue: second, Prev: data.IssueLink{ID: "i1", Label: "Inaugural Issue"}, Next: data.IssueLink{ID: "ievil", Title: evil.Title}},
		"ievil": {Issue: evil, Prev: data.IssueLink{ID: "i2", Label: evilImg},
			Articles: []data.IssueArticle{{ID: evilJS, Title: evilScript, Summary: evilImg, Lang: evilImg}}},
	}
}

func TestIssuePage(t *testing.T) {
	ts := newTestServer(t)
	withIssues(ts)
	w := ts.get(t, "/issue/i1")
	if w.Code != http.StatusOK {
		t.Fatalf("status %d", w.Code)
	}
	body := w.Body.String()
	for _, want := range []string{
		`<title>Inaugural Issue — January 2009 · Casebook</title>`,
		`<h1 lang="en">Inaugural Issue — January 2009</h1>`,
		`<a href="/doc/a1" lang="en">Welcome to Interaction Asia</a>`,
		`<p class="snippet" lang="en">Why the Secretariat started a newsletter.</p>`,
		`<a href="/doc/a%2F2" lang="en">Sewerage Maintenance in Tokyo</a>`,
		`<a href="/issue/i2" rel="next">`, `Next issue: </span>Second Issue`,
		`<a href="/issue/j1" lang="ja" hreflang="ja">日本語版 (Japanese edition)</a>`,
		`<a href="/doc/i1">The issue page as a document</a>`,
		`<a href="/?kind=newsletter-article&amp;lang=en&amp;year=2009">All newsletter articles from 2009 in English</a>`,
		`<th scope="row">Number</th><td>1</td>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(body, `rel="prev"`) {
		t.Error("first issue has a previous link")
	}
	if strings.Contains(body, `class="doc-summary"`) {
		t.Error("label and month repeated below a heading that holds both")
	}
	if n := strings.Count(body, `<li class="hit">`); n != 2 {
		t.Errorf("%d articles listed", n)
	}
	if n := strings.Count(body, `class="snippet"`); n != 1 {
		t.Errorf("%d summaries shown, want 1 (only one article has one)", n)
	}
}

func TestIssuePrevNext(t *testing.T) {
	ts := newTestServer(t)
	withIssues(ts)
	body := ts.get(t, "/issue/i2").Body.String()
	for _, want := range []string{
		`<p class="doc-summary"><span lang="en">Second Issue</span> · March 2009</p>`,
		`<a href="/issue/i1" rel="prev">`, `Previous issue: </span>Inaugural Issue</a>`,
		`<a href="/issue/ievil" rel="next">`,
		"None of this issue’s articles are stored.",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(body, "Edition</th>") {
		t.Error("edition link without a counterpart")
	}
}

func TestIssueNotFound(t *testing.T) {
	ts := newTestServer(t)
	withIssues(ts)
	for _, path := range []string{"/issue/nope", "/issue/a1", "/issue/%25zz", "/issue/"} {
		w := ts.get(t, path)
		if w.Code != http.StatusNotFound || !strings.Contains(w.Body.String(), "Page not found") {
			t.Errorf("%s: status %d", path, w.Code)
		}
	}
	ts.docs.issues = nil
	if w := ts.get(t, "/issue/i1"); w.Code != http.StatusNotFound {
		t.Errorf("unknown issue: status %d", w.Code)
	}
}

func TestIssueWithoutIssuesIs404(t *testing.T) {
	ts := newTestServer(t)
	ts.Docs = struct{ Documents }{ts.docs} // hides the Issue method
	if w := ts.get(t, "/issue/i1"); w.Code != http.StatusNotFound {
		t.Errorf("status %d", w.Code)
	}
}

func TestIssueEscaping(t *testing.T) {
	ts := newTestServer(t)
	withIssues(ts)
	w := ts.get(t, "/issue/ievil")
	if w.Code != http.StatusOK {
		t.Fatalf("status %d", w.Code)
	}
	body := w.Body.String()
	for _, bad := range []string{evilScript, evilImg, `href="javascript:`, `"><script>`, `/issue/x/../`} {
		if strings.Contains(body, bad) {
			t.Errorf("page holds unescaped %q", bad)
		}
	}
	for _, want := range []string{
		"&lt;script&gt;alert(1)&lt;/script&gt;",
		`href="/doc/javascript:alert%281%29"`,
		`href="/issue/x%2F..%2F..%2Fevil%3Fa=1"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

func TestDocumentLinksItsIssue(t *testing.T) {
	ts := newTestServer(t)
	ts.docs.docs["a1"].Issue = &data.Issue{ID: "i1", Label: "Inaugural Issue", Position: 1}
	ts.docs.docs["iss"] = &data.Document{ID: "iss", Title: "Second Issue", Kind: data.KindNewsletterIssue,
		Source: "n/200903.html", Issue: &data.Issue{Label: "Second Issue", Key: "200903"}}
	ts.docs.docs["evil"].Issue = &data.Issue{ID: "../x?y", Label: evilScript}
	for path, want := range map[string]string{
		"/doc/a1":   `<td><a href="/issue/i1">Inaugural Issue</a></td>`,
		"/doc/iss":  `<td><a href="/issue/iss">Second Issue</a></td>`,
		"/doc/evil": `<td><a href="/issue/..%2Fx%3Fy">&lt;script&gt;alert(1)&lt;/script&gt;</a></td>`,
	} {
		if body := ts.get(t, path).Body.String(); !strings.Contains(body, want) {
			t.Errorf("%s lacks %q", path, want)
		}
	}
}

func TestBrowserIssuePageSafe(t *testing.T) {
	b := browsertest.New(t)
	ts := newTestServer(t)
	withIssues(ts)
	srv := httptest.NewServer(ts.h)
	defer srv.Close()
	b.Do(t, chromedp.Navigate(srv.URL+"/issue/i2"), chromedp.WaitVisible(chromedp.CSS(`a[rel="next"]`)))
	b.Do(t, chromedp.Click(chromedp.CSS(`a[rel="next"]`)), chromedp.WaitVisible(chromedp.CSS(`a[rel="prev"]`)))
	if title := browsertest.Run(t, b, chromedp.Text(chromedp.CSS("h1"))); title != evilScript+evilImg {
		t.Errorf("hostile title not shown as text: %q", title)
	}
	browsertest.AssertPageSafe(t, b)
}
