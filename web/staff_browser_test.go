package web

import (
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"casebook/data"
	"casebook/web/browsertest"
)

// browserLogIn logs name in through the login form, as a person would.
func browserLogIn(t *testing.T, b *browsertest.Browser, base, name string) {
	t.Helper()
	b.Do(t,
		chromedp.Navigate(base+"/login"),
		chromedp.WaitVisible(chromedp.ID("login-name")),
		chromedp.SendKeys(chromedp.ID("login-name"), name),
		chromedp.SendKeys(chromedp.ID("login-password"), testPassword),
		chromedp.Submit(chromedp.ID("login-password")),
		chromedp.WaitVisible(chromedp.CSS("nav.account .who")),
	)
}

func browserLogOut(t *testing.T, b *browsertest.Browser) {
	t.Helper()
	b.Do(t, chromedp.Click(chromedp.CSS(`nav.account button`)), chromedp.WaitVisible(chromedp.CSS(`nav.account a[href="/login"]`)))
}

// TestBrowserStaffWorkflow: a staff user logs in, uploads a PDF and a
// Shift_JIS HTML page with the plain file input, waits on the job page
// (which refreshes itself) until it is done, corrects the PDF's city on
// its edit page, and a reader then finds the document by that city.
func TestBrowserStaffWorkflow(t *testing.T) {
	b := browsertest.New(t)
	ss := newStaffServer(t)
	ss.user(t, "sam", data.RoleStaff)
	ss.user(t, "rita", data.RoleReader)
	srv := httptest.NewServer(ss.h)
	defer srv.Close()
	pdf, _ := filepath.Abs("../indexer/extract/testdata/pdf/encrypted-rc4-40-owner.pdf")
	sjis, _ := filepath.Abs("../indexer/extract/testdata/article_sjis.html")

	browserLogIn(t, b, srv.URL, "sam")
	b.Do(t,
		chromedp.Click(chromedp.CSS(`nav.account a[href="/upload"]`)),
		chromedp.WaitVisible(chromedp.ID("upload-files")),
		chromedp.SetUploadFiles(chromedp.ID("upload-files"), []string{pdf, sjis}),
		chromedp.Submit(chromedp.ID("upload-files")),
		chromedp.WaitVisible(chromedp.CSS(".status.done")), // after some self-refreshes
	)
	browsertest.AssertPageSafe(t, b)
	files := browsertest.Run(t, b, chromedp.Text(chromedp.CSS("ul.job-files.clean")))
	if !strings.Contains(files, "encrypted-rc4-40-owner.pdf") || !strings.Contains(files, "article_sjis.html") {
		t.Fatalf("job page lists %q", files)
	}
	doc := browsertest.Run(t, b, chromedp.Evaluate[string](`[...document.querySelectorAll("ul.clean li")].find(li => li.textContent.includes(".pdf")).querySelector("a").getAttribute("href")`))
	b.Do(t,
		chromedp.Navigate(srv.URL+doc),
		chromedp.WaitVisible(chromedp.CSS(".doc-head h1")),
		chromedp.Click(chromedp.CSS(`.staff-actions a`)),
		chromedp.WaitVisible(chromedp.ID("edit-add-cities")),
		chromedp.SendKeys(chromedp.ID("edit-add-cities"), "Hanoi"),
		chromedp.Submit(chromedp.ID("edit-add-cities")),
		chromedp.WaitVisible(chromedp.CSS(".notice.ok")),
	)
	browsertest.AssertPageSafe(t, b)
	browserLogOut(t, b)

	browserLogIn(t, b, srv.URL, "rita")
	b.Do(t,
		chromedp.Navigate(srv.URL+"/?city=Hanoi"),
		chromedp.WaitVisible(chromedp.CSS(".chips")),
	)
	results := browsertest.Run(t, b, chromedp.Text(chromedp.CSS("main")))
	if !strings.Contains(results, "Flood Control in Bangkok") {
		t.Errorf("reader's search for Hanoi: %q", results)
	}
	b.Do(t, chromedp.Navigate(srv.URL+"/?city=Delhi"), chromedp.WaitVisible(chromedp.CSS(".chips")))
	if results := browsertest.Run(t, b, chromedp.Text(chromedp.CSS("main"))); !strings.Contains(results, "Water for a Growing City") {
		t.Errorf("the Shift_JIS page is not found by its city: %q", results)
	}
	browsertest.AssertPageSafe(t, b)
}

// TestBrowserStaffPagesInert: a document whose title, body, tags and
// metadata carry script, an onerror image and javascript: links is inert
// on every page that shows it: results with their snippets and facets,
// the document page, the edit form, the review list, the trash and a job.
func TestBrowserStaffPagesInert(t *testing.T) {
	b := browsertest.New(t)
	ss := newStaffServer(t)
	ss.user(t, "root", data.RoleAdmin)
	ss.put(t, hostileDoc(), &data.Document{ID: "deleted", Title: evilScript + " deleted", Kind: data.KindReport, Source: evilJS + "/d", Body: "x"})
	ss.store.TrashDocument("root", "deleted")
	job := &data.Job{Paths: []string{"upload/x/" + evilImg}}
	ss.store.CreateJob(job)
	job.Status, job.Files = data.JobDone, []data.FileOutcome{{Path: "upload/x/" + evilImg, Outcome: "failed", Error: evilScript}}
	ss.store.SaveJob(job)
	srv := httptest.NewServer(ss.h)
	defer srv.Close()

	browserLogIn(t, b, srv.URL, "root")
	for _, p := range []string{"/?q=alert", "/?q=alert&city=" + evilImg, "/doc/evil", "/doc/evil/edit", "/review", "/trash", jobURL(job.ID)} {
		b.Do(t, chromedp.Navigate(srv.URL+p), chromedp.WaitReady(chromedp.CSS("footer")))
		browsertest.AssertPageSafe(t, b)
		if n := browsertest.Run(t, b, chromedp.Evaluate[int](`document.querySelectorAll('[href^="javascript:" i], [src^="javascript:" i], [action^="javascript:" i]').length`)); n != 0 {
			t.Errorf("%s: %d javascript: links", p, n)
		}
		// The hostile text is there, shown as text.
		if text := browsertest.Run(t, b, chromedp.Text(chromedp.CSS("main"))); !strings.Contains(text, "alert(1)") {
			t.Errorf("%s does not show the hostile text: %q", p, text)
		}
	}
}

// TestBrowserUploadDrop: with JavaScript on, files dropped on the drop
// zone fill the form's file input, are listed by name, and upload.
func TestBrowserUploadDrop(t *testing.T) {
	b := browsertest.New(t)
	ss := newStaffServer(t)
	ss.user(t, "sam", data.RoleStaff)
	srv := httptest.NewServer(ss.h)
	defer srv.Close()
	browserLogIn(t, b, srv.URL, "sam")
	b.Do(t, chromedp.Navigate(srv.URL+"/upload"), chromedp.WaitVisible(chromedp.ID("dropzone")))
	b.Do(t, chromedp.Evaluate[chromedp.Void](`(() => {
		const dt = new DataTransfer();
		dt.items.add(new File(["Flood drills\n\nHanoi drained its lakes."], "dropped.txt", {type: "text/plain"}));
		dt.items.add(new File(["<b>x</b>"], "<img src=x onerror=alert(1)>.txt", {type: "text/plain"}));
		document.getElementById("dropzone").dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true}));
	})()`))
	if n := browsertest.Run(t, b, chromedp.Evaluate[int](`document.getElementById("upload-files").files.length`)); n != 2 {
		t.Fatalf("file input holds %d files after the drop", n)
	}
	if listed := browsertest.Run(t, b, chromedp.Text(chromedp.ID("dropped"))); !strings.Contains(listed, "dropped.txt") {
		t.Errorf("dropped files listed as %q", listed)
	}
	browsertest.AssertPageSafe(t, b)
	b.Do(t, chromedp.Submit(chromedp.ID("upload-files")), chromedp.WaitVisible(chromedp.CSS(".status.done")))
	if files := browsertest.Run(t, b, chromedp.Text(chromedp.CSS("main"))); !strings.Contains(files, "dropped.txt") || !strings.Contains(files, "img_srcx_onerroralert1.txt") {
		t.Errorf("job page: %q", files)
	}
	browsertest.AssertPageSafe(t, b)
}

// hostileDoc is a document made of hostile strings, searchable by "alert".
func hostileDoc() *data.Document {
	return &data.Document{
		ID: "evil", Title: evilScript + evilImg, Summary: evilImg, Kind: data.KindReport, Lang: "en",
		Body:   "alert " + evilScript + "\n\n" + evilImg + "\n\n" + `<a href="` + evilJS + `">click</a>`,
		Source: evilJS, Flags: []string{data.FlagNoText},
		Meta: map[string][]string{"url": {evilJS}},
		Tags: []data.Tag{
			{Facet: data.FacetCity, Value: evilImg, Origin: data.OriginDetected, Score: 3, Evidence: evilScript},
			{Facet: data.FacetTheme, Value: evilJS, Origin: data.OriginSource, Evidence: evilImg},
		},
	}
}
