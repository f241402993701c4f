package web

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"

	"casebook/data"
)

// Accounts is what the web layer needs for logins, tokens and the admin
// pages; *data.Store implements it. A Server without Accounts has no
// logins: everyone is anonymous and every guarded route refuses.
type Accounts interface {
	Authenticate(name, password string) (*data.User, error)
	CreateSession(name string) (string, *data.Session, error)
	LookupSession(token string) (*data.User, *data.Session, error)
	DeleteSession(token string) error
	LookupToken(secret string) (*data.User, *data.Token, error)

	Users() ([]data.User, error)
	AddUser(actor, name string, role data.Role, password string) (*data.User, error)
	SetRole(actor, name string, role data.Role) error
	SetPassword(actor, name, password string) error
	DisableUser(actor, name string) error
	EnableUser(actor, name string) error

	Tokens() ([]data.Token, error)
	CreateToken(actor, user, label string) (string, *data.Token, error)
	RevokeToken(actor string, id uint64) error

	Audit(before uint64, limit int) ([]data.AuditEntry, error)
	ExportAudit(w io.Writer) error
}

var _ Accounts = (*data.Store)(nil)

// sessionCookie holds the session token; the store keeps only its hash.
const sessionCookie = "casebook_session"

type ctxKey int

const userKey ctxKey = iota

// currentUser is the user the request acts as, by session or API token;
// nil when anonymous.
func currentUser(r *http.Request) *data.User {
	u, _ := r.Context().Value(userKey).(*data.User)
	return u
}

// actor is the name audit entries record for the request's changes. It
// is "" for an anonymous request, which the audit log refuses: routes
// that change things sit behind requireRole.
func (s *Server) actor(r *http.Request) string {
	if u := currentUser(r); u != nil {
		return u.Name
	}
	return ""
}

// authenticate puts the user of the request's API token or session
// cookie into its context. A bad token is refused outright, so a script
// learns at once; a stale cookie just makes the request anonymous.
func (s *Server) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.Accounts == nil {
			next.ServeHTTP(w, r)
			return
		}
		var u *data.User
		if secret, ok := bearerToken(r); ok {
			var err error
			if u, _, err = s.Accounts.LookupToken(secret); err != nil {
				s.refuse(w, r, http.StatusUnauthorized, err)
				return
			}
		} else {
			u = s.sessionUser(w, r)
		}
		if u != nil {
			// Pages show who is logged in: no shared cache may keep them.
			w.Header().Set("Cache-Control", "private, no-store")
			r = r.WithContext(context.WithValue(r.Context(), userKey, u))
		}
		next.ServeHTTP(w, r)
	})
}

// sessionUser returns the user of the session cookie, clearing a cookie
// whose session has ended.
func (s *Server) sessionUser(w http.ResponseWriter, r *http.Request) *data.User {
	c, err := r.Cookie(sessionCookie)
	if err != nil || c.Value == "" {
		return nil
	}
	u, _, err := s.Accounts.LookupSession(c.Value)
	if err != nil {
		if !errors.Is(err, data.ErrBadCredentials) {
			s.logger().Error("session lookup", "err", err)
		}
		s.clearSessionCookie(w, r)
		return nil
	}
	return u
}

// bearerToken returns the secret of an "Authorization: Bearer" header.
func bearerToken(r *http.Request) (string, bool) {
	h := r.Header.Get("Authorization")
	scheme, secret, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	return strings.TrimSpace(secret), true
}

// requireRole lets through requests whose user has role. Otherwise: an
// anonymous page GET is sent to the login page, other anonymous requests
// get 401, a user without the role gets 403; API answers are JSON.
func (s *Server) requireRole(role data.Role) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			u := currentUser(r)
			switch {
			case u != nil && u.Role.Can(role):
				next.ServeHTTP(w, r)
			case u != nil:
				s.refuse(w, r, http.StatusForbidden, nil)
			case !isAPI(r) && (r.Method == http.MethodGet || r.Method == http.MethodHead):
				http.Redirect(w, r, loginURL(r.URL.RequestURI()), http.StatusSeeOther)
			default:
				s.refuse(w, r, http.StatusUnauthorized, nil)
			}
		})
	}
}

// Messages for refused requests.
const (
	msgUnauthorized = "Please log in to do this."
	msgForbidden    = "Your account may not do this. Ask an administrator if you need to."
	msgAPIAuth      = "This needs an API token: send Authorization: Bearer cbt_..."
)

// refuse answers 401 or 403 as a page, or as JSON under /api/; err, if
// any, goes to the log only.
func (s *Server) refuse(w http.ResponseWriter, r *http.Request, status int, err error) {
	msg := msgForbidden
	if status == http.StatusUnauthorized {
		msg = msgUnauthorized
		if isAPI(r) {
			msg = msgAPIAuth
			w.Header().Set("WWW-Authenticate", `Bearer realm="casebook"`)
		}
	}
	s.logger().Info("refused", "method", r.Method, "path", r.URL.Path, "status", status, "err", err)
	s.fail(w, r, &userError{status: status, msg: msg, err: err})
}

func isAPI(r *http.Request) bool { return strings.HasPrefix(r.URL.Path, "/api/") }

// loginURL is the login page with next set to the relative target.
func loginURL(next string) string {
	if next = safeNext(next); next == "/" {
		return "/login"
	}
	return "/login?next=" + url.QueryEscape(next)
}

// safeNext returns next if it is a path on this site, else "/". It
// refuses what a browser could read as another site: "//evil.com",
// "/\evil.com", "https://evil.com", "javascript:...", control characters.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") ||
		strings.ContainsAny(next, "\\") || strings.ContainsFunc(next, isControl) {
		return "/"
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || u.Opaque != "" {
		return "/"
	}
	return next
}

func isControl(r rune) bool { return r < 0x20 || r == 0x7f }
