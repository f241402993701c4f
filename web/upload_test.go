package web

import (
	"io/fs"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"casebook/data"
)

// TestUpload: staff upload several files with metadata for the batch;
// the answer is a redirect to the job, which runs them through the
// pipeline; names from the browser are never paths; a file of the wrong
// type fails alone with its reason; the metadata lands as corrections.
func TestUpload(t *testing.T) {
	ss := newStaffServer(t)
	staff := ss.user(t, "sam", data.RoleStaff)
	if w := ss.get("/upload", staff); w.Code != http.StatusOK {
		t.Fatalf("GET /upload: %d", w.Code)
	} else {
		mustContain(t, "upload form", w.Body.String(), `enctype="multipart/form-data"`, `type="file" name="files" multiple`, `name="visibility" value="internal"`)
	}
	files := [][2]string{
		{"flood.md", "# Flood drills\n\nThe city ran flood drills along its canals every monsoon."},
		{"../../etc/passwd", "Passwords of nobody\n\nA plain text file whose name tries to climb out."},
		{`..\x`, "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"},
	}
	meta := map[string]string{"city": "Saigon", "year": "2012", "kind": data.KindReport, "visibility": "internal"}
	job := ss.job(t, ss.upload(t, files, meta, staff))

	if job.Status != data.JobDone || job.Total != 3 || job.Added != 2 || job.Failed != 1 {
		t.Fatalf("job = %+v", job)
	}
	for _, p := range job.Paths {
		dir, name := filepath.Split(p)
		if !strings.HasPrefix(p, "upload/") || strings.Contains(p, "..") || strings.Contains(p, `\`) || strings.Count(dir, "/") != 2 {
			t.Errorf("unsafe source key %q (file %q)", p, name)
		}
	}
	names := []string{filepath.Base(job.Paths[0]), filepath.Base(job.Paths[1]), filepath.Base(job.Paths[2])}
	if !slices.Equal(names, []string{"flood.md", "passwd", "x"}) {
		t.Errorf("file names = %q", names)
	}
	for _, f := range job.Files {
		switch filepath.Base(f.Path) {
		case "x":
			if f.Outcome != "failed" || !strings.Contains(f.Error, "PNG") {
				t.Errorf("image: %+v, want a failure saying it is a PNG image", f)
			}
		default:
			doc, err := ss.store.Document(f.Docs[0])
			if err != nil {
				t.Fatal(err)
			}
			if !doc.Internal() || doc.Year != 2012 || doc.Kind != data.KindReport || !slices.Contains(doc.Cities(), "Ho Chi Minh City") {
				t.Errorf("%s: visibility %q year %d kind %q cities %v", f.Path, doc.Visibility, doc.Year, doc.Kind, doc.Cities())
			}
		}
	}
	filepath.WalkDir(filepath.Dir(ss.store.Dir()), func(p string, d fs.DirEntry, err error) error {
		if err == nil && (d.Name() == "passwd" || d.Name() == "x") {
			t.Errorf("an uploaded name became a file: %s", p)
		}
		return nil
	})
	entries, _ := ss.store.Audit(0, 1)
	if len(entries) != 1 || entries[0].Action != data.ActionDocUpload || entries[0].Actor != "sam" || !strings.Contains(entries[0].Note, "passwd") {
		t.Errorf("audit = %+v", entries)
	}
	page := ss.get(jobURL(job.ID), staff).Body.String()
	mustContain(t, "job page", page, "3 of 3 files read", "PNG image", `<span class="outcome">added</span> upload/`)
}

// TestUploadLimits: one file over the per-file limit, or a body over the
// total, is refused with 413 and starts no job.
func TestUploadLimits(t *testing.T) {
	ss := newStaffServer(t)
	staff := ss.user(t, "sam", data.RoleStaff)
	ss.Staff.MaxFile, ss.Staff.MaxUpload = 1<<10, 8<<10
	big := strings.Repeat("flood control ", 100) // 1400 bytes
	for name, files := range map[string][][2]string{
		"one file too big": {{"a.txt", "small"}, {"b.txt", big}},
		"all too big":      {{"a.txt", big[:1000]}, {"b.txt", big[:1000]}, {"c.txt", big[:1000]}, {"d.txt", big[:1000]}, {"e.txt", big[:1000]}, {"f.txt", big[:1000]}, {"g.txt", big[:1000]}, {"h.txt", big[:1000]}, {"i.txt", big[:1000]}},
	} {
		w := ss.upload(t, files, nil, staff)
		if w.Code != http.StatusRequestEntityTooLarge {
			t.Errorf("%s: %d, want 413", name, w.Code)
		}
	}
	if jobs, _ := ss.store.Jobs(10); len(jobs) != 0 {
		t.Errorf("%d jobs started", len(jobs))
	}
}

// TestUploadRefusals: bad metadata or no file re-shows the form with the
// reasons; only staff may upload.
func TestUploadRefusals(t *testing.T) {
	ss := newStaffServer(t)
	staff := ss.user(t, "sam", data.RoleStaff)
	reader := ss.user(t, "rita", data.RoleReader)
	files := [][2]string{{"a.txt", "Flood report\n\nText."}}
	w := ss.upload(t, files, map[string]string{"city": "Atlantis", "year": "1492", "visibility": "secret"}, staff)
	if w.Code != http.StatusBadRequest {
		t.Errorf("bad metadata: %d", w.Code)
	}
	mustContain(t, "refused form", w.Body.String(), "&#34;Atlantis&#34; is not a city", "between 1900 and 2100", "public or internal", `value="Atlantis"`)
	if w := ss.upload(t, nil, nil, staff); w.Code != http.StatusBadRequest || !strings.Contains(w.Body.String(), "Choose at least one file") {
		t.Errorf("no file: %d", w.Code)
	}
	if w := ss.upload(t, files, nil, nil); w.Code != http.StatusUnauthorized {
		t.Errorf("anonymous upload: %d", w.Code)
	}
	if w := ss.upload(t, files, nil, reader); w.Code != http.StatusForbidden {
		t.Errorf("reader upload: %d", w.Code)
	}
	if w := ss.get("/upload", nil); !strings.HasPrefix(w.Header().Get("Location"), "/login") {
		t.Errorf("anonymous GET /upload: %d", w.Code)
	}
	if jobs, _ := ss.store.Jobs(10); len(jobs) != 0 {
		t.Errorf("%d jobs started", len(jobs))
	}
}

func TestSafeFileName(t *testing.T) {
	for in, want := range map[string]string{
		"../../etc/passwd":        "passwd",
		`..\x`:                    "x",
		`C:\Users\a\report 1.pdf`: "report_1.pdf",
		"..":                      "file",
		".hidden":                 "hidden",
		"<script>.html":           "script.html",
		"東京 報告.pdf":               "東京_報告.pdf",
		"a\x00b\nc.txt":           "ab_c.txt",
		strings.Repeat("a", 300):  strings.Repeat("a", maxNameRunes),
		"/":                       "file",
		"report.pdf\u202egpj.exe": "report.pdfgpj.exe",
	} {
		if got := safeFileName(in); got != want {
			t.Errorf("safeFileName(%q) = %q, want %q", in, got, want)
		}
	}
}
