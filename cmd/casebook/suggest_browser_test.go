package main

import (
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"casebook/web/browsertest"
)

// TestBrowserSuggestAndRelated runs against the real server and sample
// corpus: the Japanese name of a city suggests the city, choosing it
// narrows the search, a title suggestion opens its document, and the
// document page links to related practices.
func TestBrowserSuggestAndRelated(t *testing.T) {
	b := browsertest.New(t)
	base := runServe(t, t.TempDir())

	b.Do(t,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.ID("q")),
		chromedp.SendKeys(chromedp.ID("q"), "バンコ"),
		chromedp.WaitVisible(chromedp.CSS(`#q-suggest li[role=option]`)),
	)
	first := browsertest.Run(t, b, chromedp.Text(chromedp.CSS(`#q-suggest li:first-child`)))
	if !strings.Contains(first, "Bangkok") || !strings.Contains(first, "バンコク") {
		t.Errorf("first suggestion for バンコ = %q", first)
	}
	browsertest.AssertPageSafe(t, b)
	b.Do(t, chromedp.SendKeys(chromedp.ID("q"), kb.ArrowDown), chromedp.WaitVisible(chromedp.CSS(`#q-suggest li[aria-selected=true]`)))
	b.Do(t, chromedp.KeyEvent(kb.Enter), chromedp.WaitVisible(chromedp.CSS(`li.hit h3 a`)))
	loc, err := url.Parse(browsertest.Run(t, b, chromedp.Location()))
	if err != nil || loc.Query().Get("city") != "Bangkok" || loc.Query().Has("q") {
		t.Errorf("location after choosing Bangkok = %v (%v)", loc, err)
	}

	b.Do(t,
		chromedp.SendKeys(chromedp.ID("q"), "flood control in bang"),
		chromedp.WaitVisible(chromedp.CSS(`#q-suggest li[role=option]`)),
		chromedp.Click(chromedp.CSS(`#q-suggest li:first-child`)),
		chromedp.WaitVisible(chromedp.CSS(`section.doc-related li a`)),
	)
	if h1 := browsertest.Run(t, b, chromedp.Text(chromedp.CSS("h1"))); h1 != "Flood Control in Bangkok after the Great Flood of 2011" {
		t.Errorf("document opened from the title suggestion: %q", h1)
	}
	here := browsertest.Run(t, b, chromedp.Evaluate[string](`location.pathname`))
	links := browsertest.Run(t, b, chromedp.Evaluate[[]string](`[...document.querySelectorAll("section.doc-related li a")].map(a => a.pathname)`))
	if len(links) == 0 {
		t.Fatal("no related practices")
	}
	for _, l := range links {
		if !strings.HasPrefix(l, "/doc/") || l == here {
			t.Errorf("related link %q on %s", l, here)
		}
	}
	browsertest.AssertPageSafe(t, b)

	title := browsertest.Run(t, b, chromedp.Text(chromedp.CSS(`section.doc-related li a`)))
	b.Do(t, chromedp.Click(chromedp.CSS(`section.doc-related li a`)), chromedp.WaitVisible(chromedp.CSS(`a[href$="/original"]`)))
	if h1 := browsertest.Run(t, b, chromedp.Text(chromedp.CSS("h1"))); h1 != title {
		t.Errorf("related link %q opened %q", title, h1)
	}
}
