package web

import (
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/go-chi/chi/v5/middleware"
	"github.com/go-chi/httprate"
)

// Login attempts allowed per client IP and, separately, per account name
// in each window: enough for a person who mistypes, too few for guessing.
const (
	DefaultLoginLimit  = 10
	DefaultLoginWindow = time.Minute
)

// maxLoginForm bounds the login form's body.
const maxLoginForm = 16 << 10

const msgTooManyLogins = "Too many login attempts. Please wait a minute and try again."

// loginLimits are the middlewares of POST /login: a bounded form, then
// a limit per client IP (a guesser trying many names) and one per name
// (many machines guessing one password).
func (s *Server) loginLimits() []func(http.Handler) http.Handler {
	limit, window := s.LoginLimit, s.LoginWindow
	if limit <= 0 {
		limit = DefaultLoginLimit
	}
	if window <= 0 {
		window = DefaultLoginWindow
	}
	onLimit := httprate.WithLimitHandler(s.tooManyLogins)
	return []func(http.Handler) http.Handler{
		limitLoginForm,
		httprate.LimitBy(limit, window, loginIPKey, onLimit),
		httprate.LimitBy(limit, window, loginNameKey, onLimit),
	}
}

// limitLoginForm reads the form under a size limit, so the rate limit
// can key on the name and a huge body is refused early.
func limitLoginForm(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, maxLoginForm)
		if err := r.ParseForm(); err != nil {
			http.Error(w, "bad login form", http.StatusBadRequest)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func loginIPKey(r *http.Request) (string, error) {
	return "ip:" + httprate.CanonicalizeIP(clientAddr(r)), nil
}

// clientAddr is the client's IP as the clientIP middleware found it, or
// the TCP peer when a trusted proxy sent no X-Forwarded-For.
func clientAddr(r *http.Request) string {
	if ip := middleware.GetClientIP(r.Context()); ip != "" {
		return ip
	}
	ip, _, _ := net.SplitHostPort(r.RemoteAddr)
	return ip
}

func loginNameKey(r *http.Request) (string, error) {
	return "name:" + strings.ToLower(strings.TrimSpace(r.PostFormValue("name"))), nil
}

func (s *Server) tooManyLogins(w http.ResponseWriter, r *http.Request) {
	s.logger().Warn("login rate limited", "user", logName(r.PostFormValue("name")),
		"ip", clientAddr(r), "request_id", middleware.GetReqID(r.Context()))
	s.renderLogin(w, r, http.StatusTooManyRequests, loginView{
		Next: safeNext(r.PostFormValue("next")), Name: r.PostFormValue("name"), Error: msgTooManyLogins,
	})
}
