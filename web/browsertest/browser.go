// Package browsertest starts headless Chromium for tests and drives it
// with chromedp. Tests that use it skip when Chromium is missing, unless
// CASEBOOK_REQUIRE_BROWSER=1, when they fail.
package browsertest

import (
	"context"
	"os"
	"os/exec"
	"sync"
	"testing"
	"time"

	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// Timeout bounds one browser test.
const Timeout = 60 * time.Second

// cspWatch records Content-Security-Policy violations of every page in
// window.__csp; it is added by the DevTools protocol, which CSP allows.
const cspWatch = `window.__csp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__csp.push(e.violatedDirective + " " + e.blockedURI);
});`

// Browser is a headless Chromium tab for a test.
type Browser struct {
	Ctx     context.Context
	mu      sync.Mutex
	dialogs []string // messages of JavaScript dialogs that opened
}

// New starts headless Chromium with its own profile, or skips the
// test when Chromium is missing (fails instead with
// CASEBOOK_REQUIRE_BROWSER=1). Every dialog is recorded and dismissed.
// The browser stops when the test ends.
func New(t *testing.T) *Browser {
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
	b := &Browser{}
	ctx, cancelTab := chromedp.NewContext(actx, chromedp.WithListener(b.onEvent))
	t.Cleanup(func() { cancelTab(); cancelAlloc() })
	b.Ctx = ctx

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
func (b *Browser) onEvent(ev any) {
	d, ok := ev.(*cdppage.EventJavascriptDialogOpening)
	if !ok {
		return
	}
	b.mu.Lock()
	b.dialogs = append(b.dialogs, d.Message)
	b.mu.Unlock()
	go chromedp.Call(b.Ctx, cdppage.HandleJavaScriptDialog, cdppage.HandleJavaScriptDialogParams{Accept: false})
}

func (b *Browser) DialogCount() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.dialogs)
}

// Do runs steps under the test's time limit, failing the test on error.
func (b *Browser) Do(t *testing.T, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.Ctx, Timeout)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// Run runs one action that returns a value, failing the test on error.
func Run[T any](t *testing.T, b *Browser, a chromedp.Action[T]) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.Ctx, Timeout)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// AssertPageSafe checks that no dialog opened, no injected element or
// inline script exists and the page broke no CSP rule.
func AssertPageSafe(t *testing.T, b *Browser) {
	t.Helper()
	if n := b.DialogCount(); n > 0 {
		t.Errorf("%d JavaScript dialogs opened", n)
	}
	if n := Run(t, b, chromedp.Evaluate[int](`document.querySelectorAll("img, [onerror], script:not([src])").length`)); n != 0 {
		t.Errorf("%d injected elements in the page", n)
	}
	if v := Run(t, b, chromedp.Evaluate[[]string](`window.__csp`)); len(v) > 0 {
		t.Errorf("CSP violations: %q", v)
	}
}
