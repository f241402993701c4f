package web

import (
	"net/http"
	"strconv"
	"time"
)

// auditPageSize is how many entries one page of the audit log shows.
const auditPageSize = 50

// auditView is the model of /admin/audit.
type auditView struct {
	adminTab
	Entries []auditRow
	Older   string // link to the next page back, if any
	Newest  bool   // a link back to the newest entries
}

type auditRow struct {
	Seq                         uint64
	Time                        string
	Actor, Action, Target, Note string
	Before, After               string
}

// serveAudit shows the log newest first; ?before=SEQ pages back.
func (s *Server) serveAudit(w http.ResponseWriter, r *http.Request) {
	var before uint64
	if b := r.URL.Query().Get("before"); b != "" {
		n, err := strconv.ParseUint(b, 10, 64)
		if err != nil {
			s.fail(w, r, badRequest("before= must be an entry number."))
			return
		}
		before = n
	}
	entries, err := s.Accounts.Audit(before, auditPageSize+1)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v := auditView{adminTab: adminTab{Tab: "audit"}, Newest: before > 0}
	if len(entries) > auditPageSize {
		entries = entries[:auditPageSize]
		v.Older = "/admin/audit?before=" + strconv.FormatUint(entries[len(entries)-1].Seq, 10)
	}
	for _, e := range entries {
		v.Entries = append(v.Entries, auditRow{
			Seq: e.Seq, Time: e.Time.UTC().Format("2006-01-02 15:04:05Z"),
			Actor: e.Actor, Action: e.Action, Target: e.Target, Note: e.Note,
			Before: string(e.Before), After: string(e.After),
		})
	}
	s.renderAdmin(w, r, http.StatusOK, viewAdminAudit, "Audit log", v)
}

// serveAuditExport downloads the whole log as JSON lines, oldest first.
// Once the first line is sent the status cannot change, so an error
// half-way is only logged: the file then ends early.
func (s *Server) serveAuditExport(w http.ResponseWriter, r *http.Request) {
	name := "casebook-audit-" + time.Now().UTC().Format("20060102-150405") + ".jsonl"
	h := w.Header()
	h.Set("Content-Type", "application/jsonl; charset=utf-8")
	h.Set("Content-Disposition", `attachment; filename="`+name+`"`)
	h.Set("Cache-Control", "no-store")
	if err := s.Accounts.ExportAudit(w); err != nil {
		s.logger().Error("audit export", "err", err, "actor", s.actor(r))
	}
}
