package web

import (
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/go-chi/chi/v5"

	"casebook/data"
	"casebook/indexer"
)

// route is one method and pattern of the route table.
type route struct{ method, pattern string }

// allRoutes walks the route table of s.
func allRoutes(t *testing.T, h http.Handler) []route {
	t.Helper()
	var routes []route
	err := chi.Walk(h.(chi.Routes), func(method, pattern string, _ http.Handler, _ ...func(http.Handler) http.Handler) error {
		routes = append(routes, route{method, pattern})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return routes
}

var routeParam = regexp.MustCompile(`\{[^}]*\}|\*`)

// path fills a pattern's parameters with "1", a valid id and user name.
func (r route) path() string { return routeParam.ReplaceAllString(r.pattern, "1") }

// open are the write routes anyone may use: logging in, and logging out
// (which without a session only sends you to the login page).
func (r route) open() bool {
	return r.method == http.MethodPost && (r.pattern == "/login" || r.pattern == "/logout")
}

func isWrite(method string) bool {
	return method != http.MethodGet && method != http.MethodHead && method != http.MethodOptions
}

// TestWriteRoutesNeedStaff walks the router and sends every write route
// a same-origin request: anonymous ones must be refused or sent to log
// in, and a reader's must be forbidden. Routes added later are covered
// without changing the test.
func TestWriteRoutesNeedStaff(t *testing.T) {
	as := newAccountsServer(t, nil)
	as.withStaff(t)
	reader := as.session(t, "rita", data.RoleReader)
	writes := 0
	for _, rt := range allRoutes(t, as.h) {
		if !isWrite(rt.method) {
			continue
		}
		writes++
		t.Logf("%s %s", rt.method, rt.pattern)
		if rt.pattern == "/logout" {
			if w := as.sendWrite(rt, nil); !isLoginRedirect(w) {
				t.Errorf("anonymous %s %s: %d", rt.method, rt.pattern, w.Code)
			}
			continue
		}
		if rt.open() {
			continue
		}
		w := as.sendWrite(rt, nil)
		if w.Code != http.StatusUnauthorized && w.Code != http.StatusForbidden && !isLoginRedirect(w) {
			t.Errorf("anonymous %s %s: %d, want 401, 403 or a redirect to /login", rt.method, rt.pattern, w.Code)
		}
		if w := as.sendWrite(rt, reader); w.Code != http.StatusForbidden {
			t.Errorf("reader %s %s: %d, want 403", rt.method, rt.pattern, w.Code)
		}
	}
	if writes < 9 {
		t.Errorf("walked only %d write routes: is the walk broken?", writes)
	}
}

// TestAdminPagesNeedAdmin: every GET under /admin sends anonymous users
// to log in and refuses staff.
func TestAdminPagesNeedAdmin(t *testing.T) {
	as := newAccountsServer(t, nil)
	staff := as.session(t, "sam", data.RoleStaff)
	n := 0
	for _, rt := range allRoutes(t, as.h) {
		if rt.method != http.MethodGet || !strings.HasPrefix(rt.pattern, "/admin") {
			continue
		}
		n++
		if w := as.get(t, rt.path()); !isLoginRedirect(w) {
			t.Errorf("anonymous GET %s: %d", rt.pattern, w.Code)
		}
		if w := as.getAs(t, rt.path(), staff); w.Code != http.StatusForbidden {
			t.Errorf("staff GET %s: %d", rt.pattern, w.Code)
		}
	}
	if n < 4 {
		t.Errorf("only %d admin pages walked", n)
	}
}

// withStaff gives the server its staff pages, so that the walk sees
// their routes too.
func (as *accountsServer) withStaff(t *testing.T) {
	t.Helper()
	p, err := indexer.New(as.store)
	if err != nil {
		t.Fatal(err)
	}
	as.Staff = NewStaff(t.Context(), as.store, p, nil)
	as.h = as.Handler()
}

// sendWrite sends rt a same-origin request with an empty form.
func (as *accountsServer) sendWrite(rt route, c *http.Cookie) *httptest.ResponseRecorder {
	r := httptest.NewRequest(rt.method, rt.path(), strings.NewReader(""))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Header.Set("Origin", "http://example.com")
	return as.send(r, c)
}

// TestCrossOriginWritesRefused: a form posted from another site is
// refused even with an admin's cookie, and changes nothing.
func TestCrossOriginWritesRefused(t *testing.T) {
	as := newAccountsServer(t, nil)
	admin := as.session(t, "root", data.RoleAdmin)
	form := "name=mallory&role=admin&password=" + strings.ReplaceAll(testPassword, " ", "+")
	for name, set := range map[string]func(*http.Request){
		"foreign Origin":   func(r *http.Request) { r.Header.Set("Origin", "https://evil.example") },
		"cross-site fetch": func(r *http.Request) { r.Header.Set("Sec-Fetch-Site", "cross-site") },
		"null Origin":      func(r *http.Request) { r.Header.Set("Origin", "null") },
	} {
		r := httptest.NewRequest(http.MethodPost, "/admin/users", strings.NewReader(form))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		set(r)
		if w := as.send(r, admin); w.Code != http.StatusForbidden || !strings.Contains(w.Body.String(), "another site") {
			t.Errorf("%s: %d", name, w.Code)
		}
	}
	if _, err := as.store.User("mallory"); err == nil {
		t.Fatal("a cross-origin post added a user")
	}
	r := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader("name=root&password="+strings.ReplaceAll(testPassword, " ", "+")))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Header.Set("Origin", "https://evil.example")
	if w := as.send(r, nil); w.Code != http.StatusForbidden || sessionCookieOf(w) != nil {
		t.Errorf("cross-origin login: %d", w.Code)
	}
	// The same post from this site works.
	if w := as.post(t, "/admin/users", map[string][]string{"name": {"mallory"}, "role": {"staff"}, "password": {testPassword}}, admin); w.Code != http.StatusSeeOther {
		t.Errorf("same-origin post: %d\n%s", w.Code, w.Body)
	}
	if !strings.Contains(as.logs.String(), "cross-origin request refused") {
		t.Error("refusal not logged")
	}
}
