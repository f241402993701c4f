package web

import (
	"net/http"
	"strings"
	"testing"

	"casebook/data"
)

// TestStaffPagesNeedStaff walks the staff pages: anonymous users are sent
// to log in, readers are refused, staff get in; the trash needs an admin.
func TestStaffPagesNeedStaff(t *testing.T) {
	ss := newStaffServer(t)
	ss.put(t, floodDoc())
	reader := ss.user(t, "rita", data.RoleReader)
	staff := ss.user(t, "sam", data.RoleStaff)
	admin := ss.user(t, "root", data.RoleAdmin)
	for _, p := range []string{"/upload", "/review", "/jobs", "/doc/flood1/edit", "/trash"} {
		if w := ss.get(p, nil); !strings.HasPrefix(w.Header().Get("Location"), "/login") {
			t.Errorf("anonymous GET %s: %d", p, w.Code)
		}
		if w := ss.get(p, reader); w.Code != http.StatusForbidden {
			t.Errorf("reader GET %s: %d", p, w.Code)
		}
		want := http.StatusOK
		if p == "/trash" {
			want = http.StatusForbidden
		}
		if w := ss.get(p, staff); w.Code != want {
			t.Errorf("staff GET %s: %d, want %d", p, w.Code, want)
		}
		if w := ss.get(p, admin); w.Code != http.StatusOK {
			t.Errorf("admin GET %s: %d", p, w.Code)
		}
	}
	// Staff see the way to their pages; readers do not.
	if body := ss.get("/doc/flood1", staff).Body.String(); !strings.Contains(body, `href="/doc/flood1/edit"`) {
		t.Error("document page offers staff no edit link")
	}
	if body := ss.get("/doc/flood1", reader).Body.String(); strings.Contains(body, "/edit") || strings.Contains(body, `href="/upload"`) {
		t.Error("a reader is offered staff links")
	}
}

// TestStaffPagesNeedAStaffServer: without Staff the pages do not exist.
func TestStaffPagesNeedAStaffServer(t *testing.T) {
	ss := newStaffServer(t)
	staff := ss.user(t, "sam", data.RoleStaff)
	ss.Staff = nil
	ss.h = ss.Handler()
	if w := ss.get("/upload", staff); w.Code != http.StatusNotFound {
		t.Errorf("GET /upload without Staff: %d", w.Code)
	}
	if w := ss.get("/jobs", staff); w.Code != http.StatusOK {
		t.Errorf("GET /jobs without Staff: %d", w.Code)
	}
}
