package web

import (
	"crypto/tls"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"casebook/data"
)

func TestLoginSetsSessionCookie(t *testing.T) {
	as := newAccountsServer(t, nil)
	as.addUser(t, "alice", data.RoleStaff)
	w := as.post(t, "/login", url.Values{"name": {"Alice"}, "password": {testPassword}, "next": {"/doc/a1?x=1"}}, nil)
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/doc/a1?x=1" {
		t.Fatalf("login: %d to %q", w.Code, w.Header().Get("Location"))
	}
	c := sessionCookieOf(w)
	if c == nil || !c.HttpOnly || c.SameSite != http.SameSiteLaxMode || c.Secure || c.Path != "/" || c.Value == "" {
		t.Fatalf("session cookie = %+v", c)
	}
	page := as.getAs(t, "/", c)
	body := page.Body.String()
	if !strings.Contains(body, "alice (staff)") || !strings.Contains(body, `action="/logout"`) || strings.Contains(body, `href="/login"`) {
		t.Errorf("header does not show the login:\n%s", body)
	}
	if strings.Contains(body, `href="/admin/users"`) {
		t.Error("admin link shown to staff")
	}
	if cc := page.Header().Get("Cache-Control"); !strings.Contains(cc, "no-store") {
		t.Errorf("page for a logged-in user has Cache-Control %q", cc)
	}
	if !strings.Contains(as.logs.String(), "msg=login user=alice") {
		t.Errorf("login not logged:\n%s", as.logs)
	}
}

// TestLoginFailureSameAnswer proves an unknown name and a wrong password
// get the same answer, and that both are logged.
func TestLoginFailureSameAnswer(t *testing.T) {
	as := newAccountsServer(t, nil)
	as.addUser(t, "alice", data.RoleStaff)
	wrong := as.post(t, "/login", url.Values{"name": {"alice"}, "password": {"not the password"}}, nil)
	unknown := as.post(t, "/login", url.Values{"name": {"nobody"}, "password": {"not the password"}}, nil)
	for _, w := range []*httptest.ResponseRecorder{wrong, unknown} {
		if w.Code != http.StatusUnauthorized || sessionCookieOf(w) != nil || !strings.Contains(w.Body.String(), msgBadLogin) {
			t.Errorf("failed login: %d, cookie %v\n%s", w.Code, sessionCookieOf(w), w.Body)
		}
	}
	if a, b := strings.ReplaceAll(wrong.Body.String(), "alice", "NAME"), strings.ReplaceAll(unknown.Body.String(), "nobody", "NAME"); a != b {
		t.Errorf("answers differ:\n%s\n---\n%s", a, b)
	}
	if n := strings.Count(as.logs.String(), `msg="login failed"`); n != 2 {
		t.Errorf("%d failures logged, want 2:\n%s", n, as.logs)
	}
}

func TestLoginDisabledUserRefused(t *testing.T) {
	as := newAccountsServer(t, nil)
	as.addUser(t, "alice", data.RoleStaff)
	if err := as.store.DisableUser(data.ActorCLI, "alice"); err != nil {
		t.Fatal(err)
	}
	w := as.post(t, "/login", url.Values{"name": {"alice"}, "password": {testPassword}}, nil)
	if w.Code != http.StatusUnauthorized || !strings.Contains(w.Body.String(), msgBadLogin) {
		t.Errorf("disabled user: %d\n%s", w.Code, w.Body)
	}
}

func TestSecureCookie(t *testing.T) {
	for _, tc := range []struct {
		name       string
		trustProxy bool
		tls        bool
		proto      string
		want       bool
	}{
		{"plain http", false, false, "", false},
		{"tls", false, true, "", true},
		{"proxy header not trusted", false, false, "https", false},
		{"trusted proxy says https", true, false, "https", true},
		{"trusted proxy says http", true, false, "http", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			as := newAccountsServer(t, func(s *Server) { s.TrustProxy = tc.trustProxy })
			as.addUser(t, "alice", data.RoleReader)
			r := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader(url.Values{"name": {"alice"}, "password": {testPassword}}.Encode()))
			r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			if tc.tls {
				r.TLS = &tls.ConnectionState{}
			}
			if tc.proto != "" {
				r.Header.Set("X-Forwarded-Proto", tc.proto)
			}
			c := sessionCookieOf(as.send(r, nil))
			if c == nil || c.Secure != tc.want {
				t.Errorf("cookie %+v, want Secure %v", c, tc.want)
			}
		})
	}
}

func TestLogout(t *testing.T) {
	as := newAccountsServer(t, nil)
	c := as.session(t, "root", data.RoleAdmin)
	if w := as.getAs(t, "/admin/users", c); w.Code != http.StatusOK {
		t.Fatalf("admin page before logout: %d", w.Code)
	}
	w := as.post(t, "/logout", nil, c)
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/" {
		t.Errorf("logout: %d to %q", w.Code, w.Header().Get("Location"))
	}
	if cleared := sessionCookieOf(w); cleared == nil || cleared.MaxAge >= 0 {
		t.Errorf("logout did not clear the cookie: %+v", cleared)
	}
	if w := as.getAs(t, "/admin/users", c); !isLoginRedirect(w) {
		t.Errorf("old cookie after logout: %d", w.Code)
	}
	if w := as.post(t, "/logout", nil, nil); !isLoginRedirect(w) {
		t.Errorf("logout without a session: %d %q", w.Code, w.Header().Get("Location"))
	}
}

// TestSessionExpiry moves the store's clock past the session lifetime
// and the idle limit.
func TestSessionExpiry(t *testing.T) {
	as := newAccountsServer(t, nil)
	as.store.Sessions = data.SessionOptions{Lifetime: 3 * time.Hour, Idle: time.Hour}
	c := as.session(t, "root", data.RoleAdmin)

	as.clock.Advance(50 * time.Minute)
	if w := as.getAs(t, "/admin/users", c); w.Code != http.StatusOK {
		t.Fatalf("within the idle limit: %d", w.Code)
	}
	as.clock.Advance(50 * time.Minute) // 100 min in, 50 since last seen
	if w := as.getAs(t, "/admin/users", c); w.Code != http.StatusOK {
		t.Fatalf("active session ended: %d", w.Code)
	}
	as.clock.Advance(61 * time.Minute) // idle too long
	w := as.getAs(t, "/admin/users", c)
	if !isLoginRedirect(w) {
		t.Fatalf("idle session still works: %d", w.Code)
	}
	if cleared := sessionCookieOf(w); cleared == nil || cleared.MaxAge >= 0 {
		t.Errorf("ended session's cookie not cleared: %+v", cleared)
	}

	c = as.login(t, "root")
	for range 4 { // active all along, but past the lifetime
		as.clock.Advance(50 * time.Minute)
		as.getAs(t, "/", c)
	}
	if w := as.getAs(t, "/admin/users", c); !isLoginRedirect(w) {
		t.Errorf("session past its lifetime still works: %d", w.Code)
	}
}

// TestPasswordChangeEndsSessions resets a user's password on the admin
// page; the user's session must end, and the old password must fail.
func TestPasswordChangeEndsSessions(t *testing.T) {
	as := newAccountsServer(t, nil)
	admin := as.session(t, "root", data.RoleAdmin)
	bob := as.session(t, "bob", data.RoleReader)
	if body := as.getAs(t, "/", bob).Body.String(); !strings.Contains(body, "bob (reader)") {
		t.Fatal("bob not logged in")
	}
	w := as.post(t, "/admin/users/bob/password", url.Values{"password": {"a brand new password"}}, admin)
	if w.Code != http.StatusSeeOther {
		t.Fatalf("reset password: %d\n%s", w.Code, w.Body)
	}
	if body := as.getAs(t, "/", bob).Body.String(); strings.Contains(body, "bob (reader)") {
		t.Error("bob's session survived the password change")
	}
	if w := as.post(t, "/login", url.Values{"name": {"bob"}, "password": {testPassword}}, nil); w.Code != http.StatusUnauthorized {
		t.Errorf("old password: %d", w.Code)
	}
	if w := as.post(t, "/login", url.Values{"name": {"bob"}, "password": {"a brand new password"}}, nil); w.Code != http.StatusSeeOther {
		t.Errorf("new password: %d", w.Code)
	}
}

func TestLoginPageWhenLoggedIn(t *testing.T) {
	as := newAccountsServer(t, nil)
	c := as.session(t, "alice", data.RoleReader)
	w := as.getAs(t, "/login?next=/doc/a1", c)
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/doc/a1" {
		t.Errorf("login page when logged in: %d to %q", w.Code, w.Header().Get("Location"))
	}
}

func TestLoginWithoutAccounts(t *testing.T) {
	ts := newTestServer(t)
	w := httptest.NewRecorder()
	r := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader("name=a&password=b"))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	ts.h.ServeHTTP(w, r)
	if w.Code != http.StatusServiceUnavailable || !strings.Contains(w.Body.String(), msgNoAccounts) {
		t.Errorf("login without accounts: %d\n%s", w.Code, w.Body)
	}
}

// TestLoginReplacesSession: logging in again ends the session the
// browser had, rather than leaving it alive.
func TestLoginReplacesSession(t *testing.T) {
	as := newAccountsServer(t, nil)
	as.addUser(t, "alice", data.RoleReader)
	first := as.login(t, "alice")
	w := as.post(t, "/login", url.Values{"name": {"alice"}, "password": {testPassword}}, first)
	second := sessionCookieOf(w)
	if w.Code != http.StatusSeeOther || second == nil || second.Value == first.Value {
		t.Fatalf("second login: %d %+v", w.Code, second)
	}
	if _, _, err := as.store.LookupSession(first.Value); err == nil {
		t.Error("replaced session still valid")
	}
	if _, _, err := as.store.LookupSession(second.Value); err != nil {
		t.Errorf("new session: %v", err)
	}
}
