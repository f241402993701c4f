package web

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"casebook/data"
)

func TestSafeNext(t *testing.T) {
	for in, want := range map[string]string{
		"/doc/a1?q=x#top":     "/doc/a1?q=x#top",
		"/":                   "/",
		"":                    "/",
		"//evil.com":          "/",
		"//evil.com/path":     "/",
		`/\evil.com`:          "/",
		`\\evil.com`:          "/",
		"https://evil.com/":   "/",
		"http:evil.com":       "/",
		"javascript:alert(1)": "/",
		"JavaScript:alert(1)": "/",
		"evil.com":            "/",
		"/\t/evil.com":        "/",
		"/\n/evil.com":        "/",
		" //evil.com":         "/",
		"/%0a/evil.com":       "/%0a/evil.com", // a path on this site, escaped
	} {
		if got := safeNext(in); got != want {
			t.Errorf("safeNext(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestLoginRefusesOpenRedirects logs in with hostile next values: each
// must land on "/" and never be echoed into the form.
func TestLoginRefusesOpenRedirects(t *testing.T) {
	as := newAccountsServer(t, nil)
	as.addUser(t, "alice", data.RoleReader)
	for _, next := range []string{"//evil.com", `/\evil.com`, "https://evil.com", "javascript:alert(1)", "/\t/evil.com"} {
		w := as.post(t, "/login", url.Values{"name": {"alice"}, "password": {testPassword}, "next": {next}}, nil)
		if loc := w.Header().Get("Location"); w.Code != http.StatusSeeOther || loc != "/" {
			t.Errorf("next=%q: %d to %q", next, w.Code, loc)
		}
		form := as.get(t, "/login?next="+url.QueryEscape(next)).Body.String()
		if !strings.Contains(form, `name="next" value="/"`) {
			t.Errorf("next=%q: login form keeps it", next)
		}
	}
}

// TestPrivateMode: with Private every page wants a login, except the
// login page, static files and the health check.
func TestPrivateMode(t *testing.T) {
	as := newAccountsServer(t, func(s *Server) { s.Private = true })
	for _, path := range []string{"/", "/?q=flood", "/doc/a1", "/doc/a1/original", "/issue/i1", "/jobs", "/jobs/1", "/admin/users"} {
		w := as.get(t, path)
		if want := loginURL(path); w.Code != http.StatusSeeOther || w.Header().Get("Location") != want {
			t.Errorf("GET %s: %d to %q, want %q", path, w.Code, w.Header().Get("Location"), want)
		}
	}
	for _, path := range []string{"/api/v1/search?q=flood", "/api/v1/suggest?q=fl"} {
		w := as.get(t, path)
		if w.Code != http.StatusUnauthorized || !strings.HasPrefix(w.Header().Get("Content-Type"), "application/json") ||
			w.Header().Get("WWW-Authenticate") == "" {
			t.Errorf("GET %s: %d %q", path, w.Code, w.Header().Get("Content-Type"))
		}
	}
	css, err := as.assets.url("style.css")
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/healthz", css, "/login"} {
		if w := as.get(t, path); w.Code != http.StatusOK {
			t.Errorf("GET %s: %d, want open", path, w.Code)
		}
	}
	if body := as.get(t, "/login").Body.String(); strings.Contains(body, `role="search"`) {
		t.Error("private login page offers the search box")
	}
	reader := as.session(t, "rita", data.RoleReader)
	if w := as.getAs(t, "/?q=flood", reader); w.Code != http.StatusOK {
		t.Errorf("reader on private site: %d", w.Code)
	}
	if w := as.getAs(t, "/admin/users", reader); w.Code != http.StatusForbidden {
		t.Errorf("reader on admin page: %d", w.Code)
	}
}

// TestPublicByDefault: without Private, anonymous reading works.
func TestPublicByDefault(t *testing.T) {
	as := newAccountsServer(t, nil)
	for _, path := range []string{"/?q=flood", "/doc/a1", "/api/v1/search?q=flood"} {
		if w := as.get(t, path); w.Code != http.StatusOK {
			t.Errorf("GET %s: %d", path, w.Code)
		}
	}
	if body := as.get(t, "/").Body.String(); !strings.Contains(body, `href="/login"`) {
		t.Error("no Log in link for anonymous readers")
	}
}

// bearer requests target with an API token.
func (as *accountsServer) bearer(t *testing.T, target, secret string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(http.MethodGet, target, nil)
	r.Header.Set("Authorization", "Bearer "+secret)
	return as.send(r, nil)
}

func TestAPITokens(t *testing.T) {
	as := newAccountsServer(t, func(s *Server) { s.Private = true })
	as.addUser(t, "script", data.RoleReader)
	as.addUser(t, "root", data.RoleAdmin)
	secret, tok, err := as.store.CreateToken("root", "script", "nightly export")
	if err != nil {
		t.Fatal(err)
	}
	if w := as.bearer(t, "/api/v1/search?q=flood", secret); w.Code != http.StatusOK {
		t.Fatalf("token on private API: %d\n%s", w.Code, w.Body)
	}
	if w := as.bearer(t, "/admin/users", secret); w.Code != http.StatusForbidden {
		t.Errorf("reader token on admin page: %d", w.Code)
	}
	for name, bad := range map[string]string{
		"unknown":    data.TokenPrefix + "nosuchtoken",
		"no prefix":  strings.TrimPrefix(secret, data.TokenPrefix),
		"truncated":  secret[:len(secret)-1],
		"empty":      "",
		"html quote": `"><script>`,
	} {
		w := as.bearer(t, "/api/v1/search?q=flood", bad)
		var body map[string]string
		if w.Code != http.StatusUnauthorized || json.Unmarshal(w.Body.Bytes(), &body) != nil || body["error"] == "" {
			t.Errorf("%s token: %d %s", name, w.Code, w.Body)
		}
	}
	if err := as.store.RevokeToken("root", tok.ID); err != nil {
		t.Fatal(err)
	}
	if w := as.bearer(t, "/api/v1/search?q=flood", secret); w.Code != http.StatusUnauthorized {
		t.Errorf("revoked token: %d", w.Code)
	}
}

func TestAdminTokenReachesAdminPages(t *testing.T) {
	as := newAccountsServer(t, nil)
	as.addUser(t, "root", data.RoleAdmin)
	secret, _, err := as.store.CreateToken("root", "root", "ops")
	if err != nil {
		t.Fatal(err)
	}
	if w := as.bearer(t, "/admin/audit", secret); w.Code != http.StatusOK {
		t.Errorf("admin token: %d", w.Code)
	}
}

// TestLoginRateLimit: the attempt after the limit gets 429, counted per
// client IP and per account name.
func TestLoginRateLimit(t *testing.T) {
	const limit = 3
	as := newAccountsServer(t, func(s *Server) { s.LoginLimit = limit })
	as.addUser(t, "alice", data.RoleReader)
	attempt := func(name, ip string) int {
		r := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader(url.Values{"name": {name}, "password": {"wrong password!"}}.Encode()))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		r.RemoteAddr = ip + ":4321"
		return as.send(r, nil).Code
	}
	// One IP trying many names.
	for i := range limit {
		if code := attempt("name"+string(rune('a'+i)), "192.0.2.10"); code != http.StatusUnauthorized {
			t.Fatalf("attempt %d: %d", i+1, code)
		}
	}
	if code := attempt("other", "192.0.2.10"); code != http.StatusTooManyRequests {
		t.Errorf("attempt %d from one IP: %d, want 429", limit+1, code)
	}
	// Many IPs trying one name.
	for i := range limit {
		if code := attempt("alice", "198.51.100."+string(rune('1'+i))); code != http.StatusUnauthorized {
			t.Fatalf("attempt %d on alice: %d", i+1, code)
		}
	}
	if code := attempt("ALICE", "203.0.113.9"); code != http.StatusTooManyRequests {
		t.Errorf("attempt %d on one name: %d, want 429", limit+1, code)
	}
	if !strings.Contains(as.logs.String(), `msg="login rate limited"`) {
		t.Error("rate limiting not logged")
	}
}

// TestLoginRateLimitTrustProxy: behind a trusted proxy the limit is per
// client (X-Forwarded-For), not per proxy.
func TestLoginRateLimitTrustProxy(t *testing.T) {
	as := newAccountsServer(t, func(s *Server) { s.LoginLimit, s.TrustProxy = 1, true })
	attempt := func(name, client string) int {
		r := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader(url.Values{"name": {name}, "password": {"wrong password!"}}.Encode()))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		r.Header.Set("X-Forwarded-For", client)
		return as.send(r, nil).Code
	}
	if attempt("a", "192.0.2.1") != http.StatusUnauthorized || attempt("b", "192.0.2.2") != http.StatusUnauthorized {
		t.Error("two clients behind one proxy share a limit")
	}
	if code := attempt("c", "192.0.2.1"); code != http.StatusTooManyRequests {
		t.Errorf("second attempt from one client: %d", code)
	}
}

func TestSecurityHeadersComplete(t *testing.T) {
	as := newAccountsServer(t, nil)
	h := as.get(t, "/login").Header()
	for name, want := range map[string]string{
		"Content-Security-Policy":    contentSecurityPolicy,
		"X-Content-Type-Options":     "nosniff",
		"Referrer-Policy":            "same-origin",
		"X-Frame-Options":            "DENY",
		"Cross-Origin-Opener-Policy": "same-origin",
	} {
		if got := h.Get(name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	for _, part := range []string{"frame-ancestors 'none'", "form-action 'self'", "script-src 'self'", "default-src 'self'"} {
		if !strings.Contains(contentSecurityPolicy, part) {
			t.Errorf("CSP lacks %s", part)
		}
	}
}
