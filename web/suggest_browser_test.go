package web

import (
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"casebook/web/browsertest"
)

// options is the text of each suggestion shown under the box with id.
func options(t *testing.T, b *browsertest.Browser, id string) []string {
	t.Helper()
	return browsertest.Run(t, b, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#`+id+`-suggest li[role=option]")].map(li => li.innerText)`))
}

func location(t *testing.T, b *browsertest.Browser) *url.URL {
	t.Helper()
	u, err := url.Parse(browsertest.Run(t, b, chromedp.Location()))
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestBrowserSuggestKeyboard(t *testing.T) {
	b := browsertest.New(t)
	ts, _ := newSmartTestServer(t)
	srv := httptest.NewServer(ts.h)
	defer srv.Close()

	b.Do(t,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.ID("q")),
		chromedp.SendKeys(chromedp.ID("q"), "ban"),
		chromedp.WaitVisible(chromedp.CSS(`#q-suggest li[role=option]`)),
	)
	opts := options(t, b, "q")
	if len(opts) != 5 || !strings.Contains(opts[0], "Bangkok") || !strings.Contains(opts[0], "バンコク") || !strings.Contains(opts[4], evilScript) {
		t.Errorf("options = %q", opts)
	}
	if v := browsertest.Run(t, b, chromedp.Evaluate[string](`document.getElementById("q").getAttribute("aria-expanded")`)); v != "true" {
		t.Errorf("aria-expanded = %q with the list open", v)
	}
	browsertest.AssertPageSafe(t, b)

	// Escape closes the list; arrow down opens it on the first option.
	b.Do(t, chromedp.SendKeys(chromedp.ID("q"), kb.Escape), chromedp.WaitNotVisible(chromedp.ID("q-suggest")))
	b.Do(t, chromedp.SendKeys(chromedp.ID("q"), kb.ArrowDown), chromedp.WaitVisible(chromedp.CSS(`#q-suggest li[aria-selected=true]`)))
	if v := browsertest.Run(t, b, chromedp.Evaluate[string](`document.getElementById("q").getAttribute("aria-activedescendant")`)); v != "q-suggest-0" {
		t.Errorf("aria-activedescendant = %q", v)
	}
	b.Do(t, chromedp.SendKeys(chromedp.ID("q"), kb.ArrowDown), chromedp.WaitVisible(chromedp.CSS(`#q-suggest-1[aria-selected=true]`)))
	// KeyEvent, not SendKeys: SendKeys waits on the page Enter leaves.
	b.Do(t, chromedp.KeyEvent(kb.Enter), chromedp.WaitVisible(chromedp.CSS(".chips")))
	if loc := location(t, b); loc.Path != "/" || loc.RawQuery != "theme=flood+control" {
		t.Errorf("location after choosing the theme = %v", loc)
	}
	browsertest.AssertPageSafe(t, b)
}

func TestBrowserSuggestClickAndRelated(t *testing.T) {
	b := browsertest.New(t)
	ts, _ := newSmartTestServer(t)
	srv := httptest.NewServer(ts.h)
	defer srv.Close()

	b.Do(t,
		chromedp.Navigate(srv.URL+"/doc/evil"),
		chromedp.WaitVisible(chromedp.CSS(`section.doc-related li a`)),
	)
	related := browsertest.Run(t, b, chromedp.Text(chromedp.CSS(`section.doc-related`)))
	if !strings.Contains(related, "Related practices") || !strings.Contains(related, "Flood tunnel in Kuala Lumpur") || !strings.Contains(related, "Kuala Lumpur, Tokyo") {
		t.Errorf("related section = %q", related)
	}
	browsertest.AssertPageSafe(t, b)

	// The header box: clicking a title goes to the document.
	b.Do(t,
		chromedp.SendKeys(chromedp.ID("hq"), "flo"),
		chromedp.WaitVisible(chromedp.CSS(`#hq-suggest li[role=option]`)),
		chromedp.Click(chromedp.CSS(`#hq-suggest li:nth-child(3)`)),
		chromedp.WaitVisible(chromedp.CSS(`a[href="/doc/a1/original"]`)),
	)
	if loc := location(t, b); loc.Path != "/doc/a1" {
		t.Errorf("location after clicking a title = %v", loc)
	}
	b.Do(t,
		chromedp.SendKeys(chromedp.ID("hq"), "ban"),
		chromedp.WaitVisible(chromedp.CSS(`#hq-suggest li[role=option]`)),
		chromedp.Click(chromedp.CSS(`#hq-suggest li:nth-child(1) .label`)),
		chromedp.WaitVisible(chromedp.CSS(".chips")),
	)
	if loc := location(t, b); loc.Query().Get("city") != "Bangkok" || loc.Query().Has("q") {
		t.Errorf("location after clicking a city = %v", loc)
	}
	browsertest.AssertPageSafe(t, b)
}
