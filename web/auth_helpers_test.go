package web

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"casebook/data"
)

// testPassword is every test user's password.
const testPassword = "correct horse battery"

// accountsServer is a testServer with a real store for accounts, a
// clock the test moves, and no practical login limit unless configured.
type accountsServer struct {
	*testServer
	store *data.Store
	clock *testClock
}

// newAccountsServer makes one; configure, if given, sets Server fields
// (Private, TrustProxy, LoginLimit...) before the routes are built.
func newAccountsServer(t *testing.T, configure func(*Server)) *accountsServer {
	t.Helper()
	ts := newTestServer(t)
	st, err := data.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	clock := &testClock{now: time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)}
	st.Now, st.BcryptCost = clock.Now, bcrypt.MinCost
	ts.Accounts, ts.LoginLimit = st, 1000
	if configure != nil {
		configure(ts.Server)
	}
	ts.h = ts.Handler()
	return &accountsServer{testServer: ts, store: st, clock: clock}
}

// testClock is a clock that only moves when told.
type testClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *testClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// addUser adds a user with testPassword.
func (as *accountsServer) addUser(t *testing.T, name string, role data.Role) {
	t.Helper()
	if _, err := as.store.AddUser(data.ActorCLI, name, role, testPassword); err != nil {
		t.Fatal(err)
	}
}

// login logs name in through the form and returns the session cookie.
func (as *accountsServer) login(t *testing.T, name string) *http.Cookie {
	t.Helper()
	w := as.post(t, "/login", url.Values{"name": {name}, "password": {testPassword}}, nil)
	if w.Code != http.StatusSeeOther {
		t.Fatalf("login %s: %d\n%s", name, w.Code, w.Body)
	}
	c := sessionCookieOf(w)
	if c == nil {
		t.Fatalf("login %s: no session cookie", name)
	}
	return c
}

// session adds a user with role and logs them in.
func (as *accountsServer) session(t *testing.T, name string, role data.Role) *http.Cookie {
	t.Helper()
	as.addUser(t, name, role)
	return as.login(t, name)
}

// post sends a same-origin form POST, with the session cookie if given.
func (as *accountsServer) post(t *testing.T, target string, form url.Values, c *http.Cookie) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(http.MethodPost, target, strings.NewReader(form.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Header.Set("Origin", "http://example.com") // httptest's Host
	return as.send(r, c)
}

// getAs requests target with the session cookie, if given.
func (as *accountsServer) getAs(t *testing.T, target string, c *http.Cookie) *httptest.ResponseRecorder {
	t.Helper()
	return as.send(httptest.NewRequest(http.MethodGet, target, nil), c)
}

func (as *accountsServer) send(r *http.Request, c *http.Cookie) *httptest.ResponseRecorder {
	if c != nil {
		r.AddCookie(c)
	}
	w := httptest.NewRecorder()
	as.h.ServeHTTP(w, r)
	return w
}

// sessionCookieOf is the session cookie a response sets, or nil.
func sessionCookieOf(w *httptest.ResponseRecorder) *http.Cookie {
	for _, c := range w.Result().Cookies() {
		if c.Name == sessionCookie {
			return c
		}
	}
	return nil
}

// isLoginRedirect reports whether w sends the browser to the login page.
func isLoginRedirect(w *httptest.ResponseRecorder) bool {
	return w.Code == http.StatusSeeOther && strings.HasPrefix(w.Header().Get("Location"), "/login")
}
