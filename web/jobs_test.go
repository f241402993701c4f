package web

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"golang.org/x/crypto/bcrypt"

	"casebook/data"
)

// newJobServer serves a real store holding one finished job with a
// failure and a warning, and one running job, and logs a staff user in.
func newJobServer(t *testing.T) (http.Handler, *http.Cookie) {
	t.Helper()
	st, err := data.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	st.BcryptCost = bcrypt.MinCost
	if _, err := st.AddUser(data.ActorCLI, "sam", data.RoleStaff, testPassword); err != nil {
		t.Fatal(err)
	}
	sess, _, err := st.CreateSession("sam")
	if err != nil {
		t.Fatal(err)
	}
	done := &data.Job{Paths: []string{"/inbox"}}
	st.CreateJob(done)
	done.Status, done.Seen, done.Added, done.Failed = data.JobDone, 2, 1, 1
	done.Files = []data.FileOutcome{
		{Path: "/inbox/ok.html", Outcome: "added", Warnings: []string{"dead link: 200909.html"}},
		{Path: "/inbox/<script>alert(1)</script>.pdf", Outcome: "failed", Error: "extract x.pdf: unsupported type: binary data"},
		{Path: "/inbox/clean.txt", Outcome: "added"},
	}
	st.SaveJob(done)
	st.CreateJob(&data.Job{Paths: []string{"/big"}})
	batch := &data.Job{Paths: []string{"upload/x/a.pdf", "upload/x/b.html"}, Total: 2}
	st.CreateJob(batch)
	batch.Seen, batch.Added = 1, 1
	batch.Files = []data.FileOutcome{{Path: "upload/x/a.pdf", Outcome: "added", Docs: []string{"d1"}}}
	st.SaveJob(batch)
	s, err := NewServer(&fakeSearcher{result: cannedResult()}, st, slog.New(slog.NewTextHandler(io.Discard, nil)), "test")
	if err != nil {
		t.Fatal(err)
	}
	s.Accounts = st
	return s.Handler(), &http.Cookie{Name: sessionCookie, Value: sess}
}

func get(t *testing.T, h http.Handler, url string) (int, string) {
	t.Helper()
	return getWith(t, h, url, nil)
}

// getWith requests url with cookie c, if given.
func getWith(t *testing.T, h http.Handler, url string, c *http.Cookie) (int, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	r := httptest.NewRequest("GET", url, nil)
	if c != nil {
		r.AddCookie(c)
	}
	h.ServeHTTP(rec, r)
	return rec.Code, rec.Body.String()
}

func TestJobPages(t *testing.T) {
	h, staff := newJobServer(t)
	get := func(t *testing.T, h http.Handler, url string) (int, string) { return getWith(t, h, url, staff) }
	if code, _ := getWith(t, h, "/jobs/1", nil); code != http.StatusSeeOther {
		t.Errorf("anonymous job page: %d, want a redirect to log in", code)
	}
	code, body := get(t, h, "/jobs")
	if code != 200 || !strings.Contains(body, `href="/jobs/1"`) || !strings.Contains(body, `href="/jobs/2"`) {
		t.Fatalf("jobs list: %d\n%s", code, body)
	}
	code, body = get(t, h, "/jobs/1")
	for _, want := range []string{"unsupported type: binary data", "dead link: 200909.html", "&lt;script&gt;alert(1)&lt;/script&gt;.pdf"} {
		if !strings.Contains(body, want) {
			t.Errorf("job 1 page lacks %q", want)
		}
	}
	if code != 200 || !strings.Contains(body, "<span class=\"outcome\">added</span> /inbox/clean.txt") || strings.Contains(body, "<script>alert") || strings.Contains(body, `http-equiv="refresh"`) {
		t.Errorf("job 1 page: %d, misses a clean file, leaks markup or refreshes", code)
	}
	if _, body = get(t, h, "/jobs/2"); !strings.Contains(body, `http-equiv="refresh"`) {
		t.Error("a running job's page does not refresh itself")
	}
	// A running batch shows each file: read, with its document, or waiting.
	_, body = get(t, h, "/jobs/3")
	for _, want := range []string{`1 of 2 files read`, `upload/x/a.pdf · <a href="/doc/d1">document</a>`, `<ul class="job-files waiting"><li class="break">upload/x/b.html</li>`} {
		if !strings.Contains(body, want) {
			t.Errorf("running batch page lacks %q", want)
		}
	}
	for _, u := range []string{"/jobs/99", "/jobs/abc"} {
		if code, _ := get(t, h, u); code != 404 {
			t.Errorf("%s: %d, want 404", u, code)
		}
	}
}

func TestHitShowsPDFPage(t *testing.T) {
	ts := newTestServer(t)
	if _, body := get(t, ts.h, "/?q=flood"); !strings.Contains(body, `<span class="page">p. 14</span>`) {
		t.Error("search page does not say which PDF page the snippet is on")
	}
	if _, body := get(t, ts.h, "/api/v1/search?q=flood"); !strings.Contains(body, `"page":14`) {
		t.Error("API hit lacks its page")
	}
}

func TestDocumentShowsSourceDetails(t *testing.T) {
	ts := newTestServer(t)
	d := ts.docs.docs["a1"]
	d.Meta = map[string][]string{"type": {"Urban regeneration"}, "event_years": {"2009", "2011"}, "period": {"<b>2002</b>-present"}}
	_, body := get(t, ts.h, "/doc/a1")
	for _, want := range []string{"<th scope=\"row\">Category</th><td>Urban regeneration</td>", "<th scope=\"row\">Event years</th><td>2009, 2011</td>", "&lt;b&gt;2002&lt;/b&gt;-present"} {
		if !strings.Contains(body, want) {
			t.Errorf("document page lacks %q", want)
		}
	}
}

func TestSearchNotesShown(t *testing.T) {
	ts := newTestServer(t)
	ts.search.result.Notes = []string{`no city is called "Atlantis"`}
	if _, body := get(t, ts.h, "/?q=city:Atlantis"); !strings.Contains(body, "no city is called &#34;Atlantis&#34;") {
		t.Error("search page does not say how the query was read")
	}
	if _, body := get(t, ts.h, "/api/v1/search?q=city:Atlantis"); !strings.Contains(body, `"notes":["no city is called \"Atlantis\""]`) {
		t.Errorf("API lacks the notes")
	}
}

// TestDidYouMeanShown: a corrected query is offered as a link that keeps
// the filters, apart from the notes, and in the API.
func TestDidYouMeanShown(t *testing.T) {
	ts := newTestServer(t)
	ts.search.result.DidYouMean = "recycling Bangkok"
	ts.search.result.Notes = []string{`"recyclng" also searched as "recycling"`}
	_, body := get(t, ts.h, "/?q=recyclng+Bangkok&theme=Waste")
	if !strings.Contains(body, `Did you mean <a href="/?q=recycling&#43;Bangkok&amp;theme=Waste">recycling Bangkok</a>?`) {
		t.Errorf("no did-you-mean link in\n%s", body)
	}
	if strings.Contains(body, "were not understood") {
		t.Error("a note about the query is shown as a problem with the address")
	}
	_, body = get(t, ts.h, "/api/v1/search?q=recyclng+Bangkok")
	if !strings.Contains(body, `"did_you_mean":"recycling Bangkok"`) {
		t.Errorf("API: %s", body)
	}
}
