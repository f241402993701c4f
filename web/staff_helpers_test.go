package web

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"golang.org/x/crypto/bcrypt"

	"casebook/data"
	"casebook/indexer"
	"casebook/search"
)

// staffServer is a Server over a real store, index and pipeline, with
// accounts and the staff workflow. Every change reaches the index before
// the call that made it returns, so tests never wait on a clock.
type staffServer struct {
	*Server
	h     http.Handler
	store *data.Store
	index *search.Index
	mu    sync.Mutex // one Apply at a time
}

func newStaffServer(t *testing.T) *staffServer {
	t.Helper()
	dir := t.TempDir()
	st, err := data.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	st.BcryptCost = bcrypt.MinCost
	ix, err := search.Open(filepath.Join(dir, "index"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := indexer.New(st)
	if err != nil {
		t.Fatal(err)
	}
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	p.Logger, p.Workers = logger, 2
	s, err := NewServer(ix, st, logger, "test")
	if err != nil {
		t.Fatal(err)
	}
	ss := &staffServer{Server: s, store: st, index: ix}
	p.OnStored = ss.sync
	s.Accounts = st
	staff := NewStaff(context.Background(), st, p, ss.sync)
	s.Staff = staff
	ss.h = s.Handler()
	t.Cleanup(func() {
		staff.Wait()
		ix.Close()
		st.Close()
	})
	return ss
}

// sync applies the store's change log to the index.
func (ss *staffServer) sync() {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	if _, err := ss.index.Apply(ss.store); err != nil {
		panic(err)
	}
}

// put stores docs as if ingested and indexes them.
func (ss *staffServer) put(t *testing.T, docs ...*data.Document) {
	t.Helper()
	for _, d := range docs {
		if _, err := ss.store.PutDocument(d, []byte("original of "+d.ID)); err != nil {
			t.Fatal(err)
		}
	}
	ss.sync()
}

// user adds a user with role and returns a session cookie for them.
func (ss *staffServer) user(t *testing.T, name string, role data.Role) *http.Cookie {
	t.Helper()
	if _, err := ss.store.AddUser(data.ActorCLI, name, role, testPassword); err != nil {
		t.Fatal(err)
	}
	token, _, err := ss.store.CreateSession(name)
	if err != nil {
		t.Fatal(err)
	}
	return &http.Cookie{Name: sessionCookie, Value: token}
}

// do sends r with cookie c (nil: anonymous) as a same-origin request.
func (ss *staffServer) do(r *http.Request, c *http.Cookie) *httptest.ResponseRecorder {
	if c != nil {
		r.AddCookie(c)
	}
	if r.Method != http.MethodGet {
		r.Header.Set("Origin", "http://example.com") // httptest's host
	}
	w := httptest.NewRecorder()
	ss.h.ServeHTTP(w, r)
	return w
}

func (ss *staffServer) get(target string, c *http.Cookie) *httptest.ResponseRecorder {
	return ss.do(httptest.NewRequest(http.MethodGet, target, nil), c)
}

func (ss *staffServer) postForm(target string, form url.Values, c *http.Cookie) *httptest.ResponseRecorder {
	r := httptest.NewRequest(http.MethodPost, target, strings.NewReader(form.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return ss.do(r, c)
}

// upload posts files (name -> content) and fields as a multipart form.
func (ss *staffServer) upload(t *testing.T, files [][2]string, fields map[string]string, c *http.Cookie) *httptest.ResponseRecorder {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	for _, f := range files {
		fw, err := mw.CreateFormFile("files", f[0])
		if err != nil {
			t.Fatal(err)
		}
		fw.Write([]byte(f[1]))
	}
	mw.Close()
	r := httptest.NewRequest(http.MethodPost, "/upload", &body)
	r.Header.Set("Content-Type", mw.FormDataContentType())
	return ss.do(r, c)
}

// job waits for the background jobs and returns the one w redirected to.
func (ss *staffServer) job(t *testing.T, w *httptest.ResponseRecorder) *data.Job {
	t.Helper()
	loc := w.Header().Get("Location")
	if w.Code != http.StatusSeeOther || !strings.HasPrefix(loc, "/jobs/") {
		t.Fatalf("got %d to %q, want a redirect to a job\n%s", w.Code, loc, w.Body)
	}
	ss.Staff.Wait()
	jobs, err := ss.store.Jobs(1)
	if err != nil || len(jobs) == 0 || jobURL(jobs[0].ID) != loc {
		t.Fatalf("job %s not stored: %v", loc, err)
	}
	return jobs[0]
}

// mustContain fails for each of wants that body lacks.
func mustContain(t *testing.T, what, body string, wants ...string) {
	t.Helper()
	for _, want := range wants {
		if !strings.Contains(body, want) {
			t.Errorf("%s lacks %q", what, want)
		}
	}
}
