package web

import (
	"context"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// browserTimeout bounds one browser test.
const browserTimeout = 60 * time.Second

// cspWatch records Content-Security-Policy violations of every page in
// window.__csp; it is added by the DevTools protocol, which CSP allows.
const cspWatch = `window.__csp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__csp.push(e.violatedDirective + " " + e.blockedURI);
});`

// browser is a headless Chromium tab for a test.
type browser struct {
	ctx     context.Context
	mu      sync.Mutex
	dialogs []string // messages of JavaScript dialogs that opened
}

// newBrowser starts headless Chromium with its own profile, or skips the
// test when Chromium is missing (fails instead with
// CASEBOOK_REQUIRE_BROWSER=1). Every dialog is recorded and dismissed.
// The browser stops when the test ends.
func newBrowser(t *testing.T) *browser {
	t.Helper()
	path, err := findChromium()
	if err != nil {
		if os.Getenv("CASEBOOK_REQUIRE_BROWSER") == "1" {
			t.Fatalf("chromium not installed: %v", err)
		}
		t.Skipf("chromium not installed: %v", err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	b := &browser{}
	ctx, cancelTab := chromedp.NewContext(actx, chromedp.WithListener(b.onEvent))
	t.Cleanup(func() { cancelTab(); cancelAlloc() })
	b.ctx = ctx

	// The first call starts the browser; it must not carry a timeout.
	_, err = chromedp.Call(ctx, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: cspWatch})
	if err != nil {
		t.Fatalf("start chromium %s: %v", path, err)
	}
	return b
}

func findChromium() (string, error) {
	var firstErr error
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		p, err := exec.LookPath(name)
		if err == nil {
			return p, nil
		}
		if firstErr == nil {
			firstErr = err
		}
	}
	return "", firstErr
}

// onEvent runs in the tab's read loop: it only records, and dismisses
// dialogs from another goroutine.
func (b *browser) onEvent(ev any) {
	d, ok := ev.(*cdppage.EventJavascriptDialogOpening)
	if !ok {
		return
	}
	b.mu.Lock()
	b.dialogs = append(b.dialogs, d.Message)
	b.mu.Unlock()
	go chromedp.Call(b.ctx, cdppage.HandleJavaScriptDialog, cdppage.HandleJavaScriptDialogParams{Accept: false})
}

func (b *browser) dialogCount() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.dialogs)
}

// do runs steps under the test's time limit, failing the test on error.
func (b *browser) do(t *testing.T, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, browserTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// run runs one action that returns a value, failing the test on error.
func run[T any](t *testing.T, b *browser, a chromedp.Action[T]) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, browserTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// assertPageSafe checks that no dialog opened, no injected element or
// inline script exists and the page broke no CSP rule.
func assertPageSafe(t *testing.T, b *browser) {
	t.Helper()
	if n := b.dialogCount(); n > 0 {
		t.Errorf("%d JavaScript dialogs opened", n)
	}
	if n := run(t, b, chromedp.Evaluate[int](`document.querySelectorAll("img, [onerror], script:not([src])").length`)); n != 0 {
		t.Errorf("%d injected elements in the page", n)
	}
	if v := run(t, b, chromedp.Evaluate[[]string](`window.__csp`)); len(v) > 0 {
		t.Errorf("CSP violations: %q", v)
	}
}

func TestBrowserFacetClick(t *testing.T) {
	b := newBrowser(t)
	ts := newTestServer(t)
	srv := httptest.NewServer(ts.h)
	defer srv.Close()

	b.do(t, chromedp.Navigate(srv.URL+"/?q=flood"), chromedp.WaitVisible(chromedp.CSS(`a.value[href*="Bangkok"]`)))
	assertPageSafe(t, b)

	b.do(t, chromedp.Click(chromedp.CSS(`a.value[href*="Bangkok"]`)), chromedp.WaitVisible(chromedp.CSS(".chips")))
	loc, err := url.Parse(run(t, b, chromedp.Location()))
	if err != nil || loc.Query().Get("city") != "Bangkok" || loc.Query().Get("q") != "flood" {
		t.Errorf("location after click = %v (%v)", loc, err)
	}
	if chips := run(t, b, chromedp.Text(chromedp.CSS(".chips"))); !strings.Contains(chips, "City: Bangkok") {
		t.Errorf("chips = %q", chips)
	}
	assertPageSafe(t, b)

	// Select the hostile city too. Afterwards the chip that removes
	// Bangkok keeps the hostile value, so its link mentions onerror.
	b.do(t, chromedp.Click(chromedp.CSS(`a.value[href*="onerror"]`)), chromedp.WaitVisible(chromedp.CSS(`a.chip[href*="onerror"]`)))
	loc, _ = url.Parse(run(t, b, chromedp.Location()))
	if got := loc.Query()["city"]; len(got) != 2 || got[1] != evilImg {
		t.Errorf("cities in URL = %q", got)
	}
	if chips := run(t, b, chromedp.Text(chromedp.CSS(".chips"))); !strings.Contains(chips, "City: "+evilImg) {
		t.Errorf("hostile chip not shown as text: %q", chips)
	}
	assertPageSafe(t, b)
}

func TestBrowserSortAutoSubmits(t *testing.T) {
	b := newBrowser(t)
	ts := newTestServer(t)
	srv := httptest.NewServer(ts.h)
	defer srv.Close()

	b.do(t, chromedp.Navigate(srv.URL+"/?q=flood&city=Hanoi&page=2"), chromedp.WaitVisible(chromedp.ID("sort")))
	if shown := run(t, b, chromedp.Evaluate[bool](`document.querySelector(".sort button").offsetParent !== null`)); shown {
		t.Error("sort button still shown with JavaScript on")
	}
	if open := run(t, b, chromedp.Evaluate[bool](`[...document.querySelectorAll("details.facet")].every(d => d.open)`)); !open {
		t.Error("facets not opened on a wide screen")
	}
	b.do(t,
		chromedp.Evaluate[chromedp.Void](`var s = document.getElementById("sort"); s.value = "newest"; s.dispatchEvent(new Event("change"))`),
		chromedp.WaitReady(chromedp.CSS(`option[value="newest"][selected]`)),
	)
	loc, _ := url.Parse(run(t, b, chromedp.Location()))
	q := loc.Query()
	if q.Get("sort") != "newest" || q.Get("city") != "Hanoi" || q.Get("q") != "flood" || q.Has("page") {
		t.Errorf("location after sort = %v", loc)
	}
	assertPageSafe(t, b)
}

// visibleFacetLinks counts facet value links a user can see.
const visibleFacetLinks = `[...document.querySelectorAll("a.value")].filter(a => a.checkVisibility()).length`

// TestBrowserWithoutJavaScript checks that the facets work with scripts
// off: shown in a column on a laptop, collapsed on a phone until opened.
func TestBrowserWithoutJavaScript(t *testing.T) {
	b := newBrowser(t)
	ts := newTestServer(t)
	srv := httptest.NewServer(ts.h)
	defer srv.Close()
	if _, err := chromedp.Call(b.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}

	b.do(t, chromedp.Navigate(srv.URL+"/?q=flood"), chromedp.WaitVisible(chromedp.CSS(`a.value[href*="Hanoi"]`)))
	if n := run(t, b, chromedp.Evaluate[int](visibleFacetLinks)); n < 5 {
		t.Errorf("laptop without JavaScript: %d facet links visible", n)
	}
	b.do(t, chromedp.Click(chromedp.CSS(`a.value[href*="Hanoi"]`)), chromedp.WaitVisible(chromedp.CSS(".chips")))
	if loc, _ := url.Parse(run(t, b, chromedp.Location())); loc.Query().Get("city") != "Hanoi" {
		t.Errorf("location = %v", loc)
	}

	b.do(t, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile), chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(".chips")))
	if n := run(t, b, chromedp.Evaluate[int](visibleFacetLinks)); n != 0 {
		t.Errorf("phone: %d facet links visible before opening a facet", n)
	}
	b.do(t, chromedp.Click(chromedp.CSS(`details.facet > summary`)), chromedp.WaitVisible(chromedp.CSS(`a.value[href*="Bangkok"]`)))
	assertPageSafe(t, b)
}
