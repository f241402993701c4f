package web

import (
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/go-chi/chi/v5/middleware"

	"casebook/data"
)

const viewLogin = "login"

func init() { viewNames = append(viewNames, viewLogin) }

// One message for an unknown name and a wrong password, so the form
// does not tell which names exist.
const (
	msgBadLogin   = "That user name and password do not match an account."
	msgNoAccounts = "Logging in is not set up on this server."
)

// loginView is the model of the login page.
type loginView struct {
	Next  string
	Name  string
	Error string
}

// serveLogin shows the login form; a user who is logged in already goes
// on to next.
func (s *Server) serveLogin(w http.ResponseWriter, r *http.Request) {
	next := safeNext(r.URL.Query().Get("next"))
	if currentUser(r) != nil {
		http.Redirect(w, r, next, http.StatusSeeOther)
		return
	}
	s.renderLogin(w, r, http.StatusOK, loginView{Next: next})
}

func (s *Server) renderLogin(w http.ResponseWriter, r *http.Request, status int, v loginView) {
	w.Header().Set("Cache-Control", "no-store")
	s.render(w, r, status, viewLogin, page{Title: "Log in", Header: !s.Private, View: v})
}

// postLogin checks name and password, starts a session and goes on to
// next, which must be a path on this site.
func (s *Server) postLogin(w http.ResponseWriter, r *http.Request) {
	name, password := r.PostFormValue("name"), r.PostFormValue("password")
	v := loginView{Next: safeNext(r.PostFormValue("next")), Name: name}
	if s.Accounts == nil {
		v.Error = msgNoAccounts
		s.renderLogin(w, r, http.StatusServiceUnavailable, v)
		return
	}
	u, err := s.Accounts.Authenticate(name, password)
	if errors.Is(err, data.ErrBadCredentials) {
		s.logger().Warn("login failed", "user", logName(name), "ip", clientAddr(r),
			"request_id", middleware.GetReqID(r.Context()))
		v.Error = msgBadLogin
		s.renderLogin(w, r, http.StatusUnauthorized, v)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.endOldSession(r)
	token, se, err := s.Accounts.CreateSession(u.Name)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.setSessionCookie(w, r, token, se.Expires)
	s.logger().Info("login", "user", u.Name, "ip", clientAddr(r))
	http.Redirect(w, r, v.Next, http.StatusSeeOther)
}

// endOldSession ends the session a new login replaces, so that it does
// not live on unseen until it expires.
func (s *Server) endOldSession(r *http.Request) {
	if c, err := r.Cookie(sessionCookie); err == nil && c.Value != "" {
		if err := s.Accounts.DeleteSession(c.Value); err != nil {
			s.logger().Warn("ending replaced session", "err", err)
		}
	}
}

// postLogout ends the session of the cookie. Without one there is
// nothing to end, and the login page is the useful place to go.
func (s *Server) postLogout(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie(sessionCookie)
	if err != nil || s.Accounts == nil || currentUser(r) == nil {
		http.Redirect(w, r, "/login", http.StatusSeeOther)
		return
	}
	if err := s.Accounts.DeleteSession(c.Value); err != nil {
		s.fail(w, r, err)
		return
	}
	s.clearSessionCookie(w, r)
	s.logger().Info("logout", "user", currentUser(r).Name)
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

func (s *Server) setSessionCookie(w http.ResponseWriter, r *http.Request, token string, expires time.Time) {
	http.SetCookie(w, &http.Cookie{
		Name: sessionCookie, Value: token, Path: "/", Expires: expires,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.isSecure(r),
	})
}

func (s *Server) clearSessionCookie(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{
		Name: sessionCookie, Path: "/", MaxAge: -1,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.isSecure(r),
	})
}

// logName keeps a typed user name short in the log.
func logName(name string) string {
	name = strings.TrimSpace(name)
	if len(name) > 64 {
		return name[:64] + "..."
	}
	return name
}
