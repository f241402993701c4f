package web

import (
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"casebook/web/browsertest"
)

func TestBrowserFacetClick(t *testing.T) {
	b := browsertest.New(t)
	ts := newTestServer(t)
	srv := httptest.NewServer(ts.h)
	defer srv.Close()

	b.Do(t, chromedp.Navigate(srv.URL+"/?q=flood"), chromedp.WaitVisible(chromedp.CSS(`a.value[href*="Bangkok"]`)))
	browsertest.AssertPageSafe(t, b)

	b.Do(t, chromedp.Click(chromedp.CSS(`a.value[href*="Bangkok"]`)), chromedp.WaitVisible(chromedp.CSS(".chips")))
	loc, err := url.Parse(browsertest.Run(t, b, chromedp.Location()))
	if err != nil || loc.Query().Get("city") != "Bangkok" || loc.Query().Get("q") != "flood" {
		t.Errorf("location after click = %v (%v)", loc, err)
	}
	if chips := browsertest.Run(t, b, chromedp.Text(chromedp.CSS(".chips"))); !strings.Contains(chips, "City: Bangkok") {
		t.Errorf("chips = %q", chips)
	}
	browsertest.AssertPageSafe(t, b)

	// Select the hostile city too. Afterwards the chip that removes
	// Bangkok keeps the hostile value, so its link mentions onerror.
	b.Do(t, chromedp.Click(chromedp.CSS(`a.value[href*="onerror"]`)), chromedp.WaitVisible(chromedp.CSS(`a.chip[href*="onerror"]`)))
	loc, _ = url.Parse(browsertest.Run(t, b, chromedp.Location()))
	if got := loc.Query()["city"]; len(got) != 2 || got[1] != evilImg {
		t.Errorf("cities in URL = %q", got)
	}
	if chips := browsertest.Run(t, b, chromedp.Text(chromedp.CSS(".chips"))); !strings.Contains(chips, "City: "+evilImg) {
		t.Errorf("hostile chip not shown as text: %q", chips)
	}
	browsertest.AssertPageSafe(t, b)
}

func TestBrowserSortAutoSubmits(t *testing.T) {
	b := browsertest.New(t)
	ts := newTestServer(t)
	srv := httptest.NewServer(ts.h)
	defer srv.Close()

	b.Do(t, chromedp.Navigate(srv.URL+"/?q=flood&city=Hanoi&page=2"), chromedp.WaitVisible(chromedp.ID("sort")))
	if shown := browsertest.Run(t, b, chromedp.Evaluate[bool](`document.querySelector(".sort button").offsetParent !== null`)); shown {
		t.Error("sort button still shown with JavaScript on")
	}
	if open := browsertest.Run(t, b, chromedp.Evaluate[bool](`[...document.querySelectorAll("details.facet")].every(d => d.open)`)); !open {
		t.Error("facets not opened on a wide screen")
	}
	b.Do(t,
		chromedp.Evaluate[chromedp.Void](`var s = document.getElementById("sort"); s.value = "newest"; s.dispatchEvent(new Event("change"))`),
		chromedp.WaitReady(chromedp.CSS(`option[value="newest"][selected]`)),
	)
	loc, _ := url.Parse(browsertest.Run(t, b, chromedp.Location()))
	q := loc.Query()
	if q.Get("sort") != "newest" || q.Get("city") != "Hanoi" || q.Get("q") != "flood" || q.Has("page") {
		t.Errorf("location after sort = %v", loc)
	}
	browsertest.AssertPageSafe(t, b)
}

// visibleFacetLinks counts facet value links a user can see.
const visibleFacetLinks = `[...document.querySelectorAll("a.value")].filter(a => a.checkVisibility()).length`

// TestBrowserWithoutJavaScript checks that the facets work with scripts
// off: shown in a column on a laptop, collapsed on a phone until opened.
func TestBrowserWithoutJavaScript(t *testing.T) {
	b := browsertest.New(t)
	ts := newTestServer(t)
	srv := httptest.NewServer(ts.h)
	defer srv.Close()
	if _, err := chromedp.Call(b.Ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}

	b.Do(t, chromedp.Navigate(srv.URL+"/?q=flood"), chromedp.WaitVisible(chromedp.CSS(`a.value[href*="Hanoi"]`)))
	if n := browsertest.Run(t, b, chromedp.Evaluate[int](visibleFacetLinks)); n < 5 {
		t.Errorf("laptop without JavaScript: %d facet links visible", n)
	}
	b.Do(t, chromedp.Click(chromedp.CSS(`a.value[href*="Hanoi"]`)), chromedp.WaitVisible(chromedp.CSS(".chips")))
	if loc, _ := url.Parse(browsertest.Run(t, b, chromedp.Location())); loc.Query().Get("city") != "Hanoi" {
		t.Errorf("location = %v", loc)
	}

	b.Do(t, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile), chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(".chips")))
	if n := browsertest.Run(t, b, chromedp.Evaluate[int](visibleFacetLinks)); n != 0 {
		t.Errorf("phone: %d facet links visible before opening a facet", n)
	}
	b.Do(t, chromedp.Click(chromedp.CSS(`details.facet > summary`)), chromedp.WaitVisible(chromedp.CSS(`a.value[href*="Bangkok"]`)))
	browsertest.AssertPageSafe(t, b)
}
