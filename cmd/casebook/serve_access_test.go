package main

import (
	"context"
	"flag"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"casebook/data"
)

func TestAccessFlags(t *testing.T) {
	t.Setenv("CASEBOOK_PRIVATE", "1")
	t.Setenv("CASEBOOK_TRUST_PROXY", "")
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	a := accessFlags(fs)
	if err := fs.Parse(nil); err != nil || !a.private || a.trustProxy {
		t.Errorf("from env: %+v, %v", *a, err)
	}
	if err := fs.Parse([]string{"--trust-proxy", "--private=false"}); err != nil || a.private || !a.trustProxy {
		t.Errorf("flags over env: %+v, %v", *a, err)
	}
}

// TestAdminHint: serve tells how to make the first admin, and stops
// telling once there is one. It never makes an account itself.
func TestAdminHint(t *testing.T) {
	st, err := data.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	st.BcryptCost = bcrypt.MinCost
	var out strings.Builder
	c := &serveCmd{out: &out}
	if err := c.adminHint(&app{store: st}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "casebook user add NAME --role admin") {
		t.Errorf("no hint: %q", out.String())
	}
	if users, _ := st.Users(); len(users) != 0 {
		t.Errorf("serve made accounts: %+v", users)
	}
	if _, err := st.AddUser(data.ActorCLI, "root", data.RoleAdmin, "a long enough password"); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if err := c.adminHint(&app{store: st}); err != nil || out.Len() != 0 {
		t.Errorf("hint with an admin: %q, %v", out.String(), err)
	}
}

// TestPurgeLoop purges on each tick and stops when its context ends.
func TestPurgeLoop(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	tick := make(chan time.Time)
	calls := make(chan struct{}, 3)
	done := make(chan struct{})
	go func() {
		defer close(done)
		purgeLoop(ctx, tick, func() (int, error) { calls <- struct{}{}; return 1, nil })
	}()
	tick <- time.Time{}
	tick <- time.Time{}
	cancel()
	<-done
	if len(calls) != 2 {
		t.Errorf("%d purges for 2 ticks", len(calls))
	}
}

// TestServePrivateBehindProxy boots serve with CASEBOOK_PRIVATE and
// --trust-proxy: pages want a login, the health check does not, and a
// login over the proxy's HTTPS gets a Secure cookie.
func TestServePrivateBehindProxy(t *testing.T) {
	dir := t.TempDir()
	st, err := data.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	st.BcryptCost = bcrypt.MinCost
	if _, err := st.AddUser(data.ActorCLI, "rita", data.RoleReader, "a long enough password"); err != nil {
		t.Fatal(err)
	}
	st.Close()
	t.Setenv("CASEBOOK_PRIVATE", "true")
	base := runServeArgs(t, "--data-dir", dir, "--addr", "127.0.0.1:0", "--trust-proxy")
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

	resp := do(t, client, http.MethodGet, base+"/?q=flood", "", nil)
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/login?next=%2F%3Fq%3Dflood" {
		t.Errorf("anonymous search: %s to %q", resp.Status, resp.Header.Get("Location"))
	}
	if resp := do(t, client, http.MethodGet, base+"/healthz", "", nil); resp.StatusCode != http.StatusOK {
		t.Errorf("healthz: %s", resp.Status)
	}
	form := url.Values{"name": {"rita"}, "password": {"a long enough password"}}.Encode()
	resp = do(t, client, http.MethodPost, base+"/login", form, map[string]string{
		"Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-Proto": "https",
	})
	cookies := resp.Cookies()
	if resp.StatusCode != http.StatusSeeOther || len(cookies) != 1 || !cookies[0].Secure || !cookies[0].HttpOnly {
		t.Fatalf("login: %s, cookies %+v", resp.Status, cookies)
	}
	resp = do(t, client, http.MethodGet, base+"/?q=flood", "", map[string]string{"Cookie": cookies[0].Name + "=" + cookies[0].Value})
	if resp.StatusCode != http.StatusOK {
		t.Errorf("search with a session: %s", resp.Status)
	}
}

// do sends one request and returns the response with its body read.
func do(t *testing.T, c *http.Client, method, target, body string, header map[string]string) *http.Response {
	t.Helper()
	req, err := http.NewRequest(method, target, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp
}

// runServeArgs is runServe with the arguments given.
func runServeArgs(t *testing.T, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	out := &syncWriter{}
	cmd := &serveCmd{out: out, errOut: io.Discard, ready: ready}
	go func() { done <- cmd.Run(ctx, args) }()
	select {
	case addr := <-ready:
		t.Cleanup(func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("serve: %v", err)
			}
		})
		return "http://" + addr
	case err := <-done:
		cancel()
		t.Fatalf("serve stopped: %v\n%s", err, out.String())
	}
	return ""
}
