package web

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"casebook/data"
	"casebook/web/browsertest"
)

// TestBrowserAccounts: an admin logs in, adds a staff user and logs out;
// the staff user logs in, sees their name, and logs out. Plain forms,
// so it is what a user without JavaScript does too.
func TestBrowserAccounts(t *testing.T) {
	b := browsertest.New(t)
	as := newAccountsServer(t, nil)
	as.addUser(t, "root", data.RoleAdmin)
	srv := httptest.NewServer(as.h)
	defer srv.Close()

	logIn := func(name, password string) {
		t.Helper()
		b.Do(t,
			chromedp.Navigate(srv.URL+"/"),
			chromedp.Click(chromedp.CSS(`nav.account a[href="/login"]`)),
			chromedp.WaitVisible(chromedp.ID("login-name")),
			chromedp.SendKeys(chromedp.ID("login-name"), name),
			chromedp.SendKeys(chromedp.ID("login-password"), password),
			chromedp.Submit(chromedp.ID("login-password")),
			chromedp.WaitVisible(chromedp.CSS("nav.account .who")),
		)
		browsertest.AssertPageSafe(t, b)
	}
	logOut := func() {
		t.Helper()
		b.Do(t, chromedp.Click(chromedp.CSS(`nav.account button`)), chromedp.WaitVisible(chromedp.CSS(`nav.account a[href="/login"]`)))
		browsertest.AssertPageSafe(t, b)
	}
	text := func(sel string) string {
		t.Helper()
		return browsertest.Run(t, b, chromedp.Text(chromedp.CSS(sel)))
	}

	logIn("root", testPassword)
	if who := text("nav.account .who"); who != "root (admin)" {
		t.Errorf("header shows %q", who)
	}
	b.Do(t,
		chromedp.Click(chromedp.CSS(`nav.account a[href="/admin/users"]`)),
		chromedp.WaitVisible(chromedp.ID("new-name")),
		chromedp.SendKeys(chromedp.ID("new-name"), "sam"),
		chromedp.SetValue(chromedp.ID("new-role"), "staff"),
		chromedp.SendKeys(chromedp.ID("new-password"), "sam's own password"),
		chromedp.Submit(chromedp.ID("new-password")),
		chromedp.WaitVisible(chromedp.CSS(".notice.ok")),
	)
	browsertest.AssertPageSafe(t, b)
	if note := text(".notice.ok"); note != "Added user sam." {
		t.Errorf("note after adding: %q", note)
	}
	if list := text("ul.users"); !strings.Contains(list, "sam") || !strings.Contains(list, "staff") {
		t.Errorf("users list: %q", list)
	}
	logOut()

	logIn("sam", "sam's own password")
	if who := text("nav.account .who"); who != "sam (staff)" {
		t.Errorf("header shows %q", who)
	}
	if n := browsertest.Run(t, b, chromedp.Evaluate[int](`document.querySelectorAll('a[href^="/admin"]').length`)); n != 0 {
		t.Errorf("staff sees %d admin links", n)
	}
	logOut()
	if n := browsertest.Run(t, b, chromedp.Evaluate[int](`document.querySelectorAll("nav.account .who").length`)); n != 0 {
		t.Error("still shown as logged in after logout")
	}
}
