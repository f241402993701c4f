package web

import (
	"net/http"
	"net/url"

	"casebook/data"
)

// Admin views, each behind requireRole(data.RoleAdmin) in Handler.
const (
	viewAdminUsers  = "admin_users"
	viewAdminTokens = "admin_tokens"
	viewAdminAudit  = "admin_audit"
)

func init() { viewNames = append(viewNames, viewAdminUsers, viewAdminTokens, viewAdminAudit) }

// maxAdminForm bounds the body of an admin form.
const maxAdminForm = 16 << 10

// adminTab names the admin page a view belongs to, for the tab bar.
type adminTab struct {
	Tab string // "users", "tokens" or "audit"
}

func (s *Server) serveAdmin(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "/admin/users", http.StatusSeeOther)
}

// renderAdmin shows an admin page; none of them may be cached, as one
// shows a token's secret.
func (s *Server) renderAdmin(w http.ResponseWriter, r *http.Request, status int, view, title string, v any) {
	w.Header().Set("Cache-Control", "no-store")
	s.render(w, r, status, view, page{Title: title, Header: true, View: v})
}

// parseAdminForm reads a bounded form body.
func parseAdminForm(w http.ResponseWriter, r *http.Request) error {
	r.Body = http.MaxBytesReader(w, r.Body, maxAdminForm)
	if err := r.ParseForm(); err != nil {
		return badRequest("The form could not be read.")
	}
	return nil
}

// doneURL is where a change goes after it succeeded: the list, with a
// note of what was done (see flash).
func doneURL(path, done, name string) string {
	return path + "?" + url.Values{"done": {done}, "name": {name}}.Encode()
}

// Notes shown after a change; the query only picks one of these, so a
// crafted link cannot put words on the page.
var flashes = map[string]string{
	"added":    "Added user %s.",
	"role":     "Changed the role of %s.",
	"password": "Set a new password for %s and ended their sessions.",
	"disabled": "Disabled %s, ended their sessions and revoked their tokens.",
	"enabled":  "Enabled %s.",
	"revoked":  "Revoked %s.",
}

// Messages for admin form values the store refuses.
const (
	msgBadName     = "User names are 1-64 characters of a-z, 0-9, dot, underscore and hyphen; \"cli\" is reserved."
	msgBadPassword = "Passwords need 12 to 72 characters."
	msgBadRole     = "Choose reader, staff or admin."
	msgNameTaken   = "There is already a user with that name."
)

// checkUserForm checks what an admin typed before the store sees it, so
// the page can say what is wrong in its own words.
func checkUserForm(name, password string, role string) string {
	if _, err := data.NormalizeUserName(name); err != nil {
		return msgBadName
	}
	if err := data.CheckPassword(password); err != nil {
		return msgBadPassword
	}
	if _, err := data.ParseRole(role); err != nil {
		return msgBadRole
	}
	return ""
}
