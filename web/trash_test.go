package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"casebook/data"
	"casebook/search"
)

// TestDeleteAndRestore: staff delete a document to the trash: it leaves
// search and its page at once, its original stays; only an admin sees
// the trash, restores from it and empties it; each step is audited.
func TestDeleteAndRestore(t *testing.T) {
	ss := newStaffServer(t)
	ss.put(t, floodDoc())
	staff := ss.user(t, "sam", data.RoleStaff)
	admin := ss.user(t, "root", data.RoleAdmin)
	reader := ss.user(t, "rita", data.RoleReader)
	hash := mustDoc(t, ss, "flood1").Hash

	if w := ss.postForm("/doc/flood1/delete", nil, reader); w.Code != http.StatusForbidden {
		t.Errorf("reader delete: %d", w.Code)
	}
	w := ss.postForm("/doc/flood1/delete", nil, staff)
	if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "Moved to the trash") {
		t.Fatalf("delete: %d\n%s", w.Code, w.Body)
	}
	if w := ss.get("/doc/flood1", staff); w.Code != http.StatusNotFound {
		t.Errorf("deleted document page: %d", w.Code)
	}
	if n := total(t, ss, search.Request{Query: "flood", Internal: true}); n != 0 {
		t.Errorf("deleted document still found: %d", n)
	}
	if !ss.store.HasOriginal(hash) {
		t.Error("the original went with the document")
	}
	for _, c := range []*http.Cookie{staff, reader} {
		if w := ss.get("/trash", c); w.Code != http.StatusForbidden {
			t.Errorf("trash page for a non-admin: %d", w.Code)
		}
		if w := ss.postForm("/trash/flood1/restore", nil, c); w.Code != http.StatusForbidden {
			t.Errorf("restore by a non-admin: %d", w.Code)
		}
		if w := ss.postForm("/trash/empty", nil, c); w.Code != http.StatusForbidden {
			t.Errorf("empty by a non-admin: %d", w.Code)
		}
	}
	page := ss.get("/trash", admin).Body.String()
	mustContain(t, "trash page", page, "Flood drills", "by sam", `action="/trash/flood1/restore"`)
	if w := ss.postForm("/trash/flood1/restore", nil, admin); w.Code != http.StatusSeeOther {
		t.Fatalf("restore: %d", w.Code)
	}
	if n := total(t, ss, search.Request{Query: "flood"}); n != 1 {
		t.Errorf("restored document found %d times", n)
	}
	ss.postForm("/doc/flood1/delete", nil, staff)
	if w := ss.postForm("/trash/empty", nil, admin); w.Code != http.StatusSeeOther {
		t.Fatalf("empty: %d", w.Code)
	}
	if trash, _ := ss.store.Trash(); len(trash) != 0 {
		t.Errorf("trash after emptying: %d", len(trash))
	}
	if w := ss.postForm("/trash/flood1/restore", nil, admin); w.Code != http.StatusNotFound {
		t.Errorf("restore after emptying: %d", w.Code)
	}
	assertAudit(t, ss, data.ActionDocPurge, data.ActionDocTrash, data.ActionDocRestore, data.ActionDocTrash)
}

// TestReingest reads a document's stored original again as a job and
// keeps the staff's corrections.
func TestReingest(t *testing.T) {
	ss := newStaffServer(t)
	staff := ss.user(t, "sam", data.RoleStaff)
	job := ss.job(t, ss.upload(t, [][2]string{{"drills.txt", "Flood drills\n\nBangkok ran flood drills along its canals."}}, nil, staff))
	id := job.Files[0].Docs[0]
	ss.postEdit(t, id, func(v url.Values) { v.Set("title", "Bangkok flood drills") }, staff)

	w := ss.postForm("/doc/"+id+"/reingest", nil, staff)
	job = ss.job(t, w)
	if job.Failed != 0 || len(job.Files) != 1 || job.Files[0].Docs[0] != id {
		t.Fatalf("re-ingest job = %+v", job)
	}
	if doc := mustDoc(t, ss, id); doc.Title != "Bangkok flood drills" {
		t.Errorf("re-ingest lost the correction: %q", doc.Title)
	}
	e, _ := ss.store.Audit(0, 1)
	if e[0].Action != data.ActionDocReingest || e[0].Target != id || e[0].Actor != "sam" {
		t.Errorf("audit = %+v", e[0])
	}
	if w := ss.postForm("/doc/"+id+"/reingest", nil, nil); w.Code != http.StatusUnauthorized {
		t.Errorf("anonymous re-ingest: %d", w.Code)
	}
}

// TestReview lists a document without text, a weak tag, near-duplicates
// and a failed upload.
func TestReview(t *testing.T) {
	ss := newStaffServer(t)
	staff := ss.user(t, "sam", data.RoleStaff)
	scan := &data.Document{ID: "scan", Title: "Scanned report", Kind: data.KindReport, Source: "scan.pdf", Flags: []string{data.FlagNoText}}
	text := strings.Repeat("Waste sorting at source in every ward of the city. ", 6)
	a := &data.Document{ID: "copy-a", Title: "Waste sorting", Kind: data.KindReport, Source: "a.txt", Body: text}
	b := &data.Document{ID: "copy-b", Title: "Waste sorting (copy)", Kind: data.KindReport, Source: "b.txt", Body: text + "More."}
	ss.put(t, scan, a, b, floodDoc())
	ss.job(t, ss.upload(t, [][2]string{{"photo.png", "\x89PNG\r\n\x1a\n\x00"}}, nil, staff))

	w := ss.get("/review", staff)
	if w.Code != http.StatusOK {
		t.Fatalf("review: %d", w.Code)
	}
	mustContain(t, "review page", w.Body.String(), `<a href="/doc/scan">Scanned report</a>`, `<strong>Tokyo</strong>`,
		`<a href="/doc/copy-a">Waste sorting</a>`, `<a href="/doc/copy-b">Waste sorting (copy)</a>`, "photo.png", "PNG image")
	if w := ss.get("/review", ss.user(t, "rita", data.RoleReader)); w.Code != http.StatusForbidden {
		t.Errorf("reader on review: %d", w.Code)
	}
}

func mustDoc(t *testing.T, ss *staffServer, id string) *data.Document {
	t.Helper()
	doc, err := ss.store.Document(id)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func total(t *testing.T, ss *staffServer, req search.Request) uint64 {
	t.Helper()
	res, err := ss.index.Search(t.Context(), req)
	if err != nil {
		t.Fatal(err)
	}
	return res.Total
}

// assertAudit checks the newest audit actions, newest first.
func assertAudit(t *testing.T, ss *staffServer, want ...string) {
	t.Helper()
	entries, _ := ss.store.Audit(0, len(want))
	for i, e := range entries {
		if e.Action != want[i] {
			t.Errorf("audit entry %d: %s by %s, want %s", i, e.Action, e.Actor, want[i])
		}
	}
}
