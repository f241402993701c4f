package main

import (
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"casebook/web/browsertest"
)

// TestBrowserSearchSample is what a city official does on a fresh
// install: search the sample corpus, narrow by a city and a theme, open a
// document. It runs in headless Chromium against the real server.
func TestBrowserSearchSample(t *testing.T) {
	b := browsertest.New(t)
	base := runServe(t, t.TempDir())

	b.Do(t,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.ID("q")),
		chromedp.SendKeys(chromedp.ID("q"), "sewerage"),
		chromedp.Submit(chromedp.ID("q")),
		// Links of the results page carry the query; the front page's do not.
		chromedp.WaitVisible(chromedp.CSS(`a.value[href*="city=Bangkok"][href*="q=sewerage"]`)),
	)
	browsertest.AssertPageSafe(t, b)
	b.Do(t,
		chromedp.Click(chromedp.CSS(`a.value[href*="city=Bangkok"][href*="q=sewerage"]`)),
		chromedp.WaitVisible(chromedp.CSS(`a.value[href*="city=Bangkok"][href*="theme=Sewerage"]`)),
		chromedp.Click(chromedp.CSS(`a.value[href*="city=Bangkok"][href*="theme=Sewerage"]`)),
		chromedp.WaitVisible(chromedp.CSS(`a.chip[href*="theme=Sewerage"]`)),
	)
	loc, err := url.Parse(browsertest.Run(t, b, chromedp.Location()))
	if err != nil {
		t.Fatal(err)
	}
	q := loc.Query()
	if q.Get("q") != "sewerage" || q.Get("city") != "Bangkok" || q.Get("theme") != "Sewerage and wastewater" {
		t.Fatalf("URL after two facet clicks = %s", loc)
	}
	hits := browsertest.Run(t, b, chromedp.Evaluate[[]string](`[...document.querySelectorAll("li.hit")].map(li => li.innerText)`))
	if len(hits) == 0 {
		t.Fatal("no results for sewerage in Bangkok")
	}
	for _, h := range hits {
		if !strings.Contains(h, "Bangkok") {
			t.Errorf("hit without Bangkok: %q", h)
		}
	}
	title := browsertest.Run(t, b, chromedp.Text(chromedp.CSS(`li.hit h3 a`)))
	b.Do(t, chromedp.Click(chromedp.CSS(`li.hit h3 a`)), chromedp.WaitVisible(chromedp.CSS(`a[href$="/original"]`)))
	if h1 := browsertest.Run(t, b, chromedp.Text(chromedp.CSS("h1"))); h1 != title {
		t.Errorf("document page title %q, result title %q", h1, title)
	}
	browsertest.AssertPageSafe(t, b)
}
