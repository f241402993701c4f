package web

import (
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	"casebook/data"
	"casebook/search"
)

// DefaultTimeout bounds a page or API request when Server.Timeout is 0.
const DefaultTimeout = 10 * time.Second

// Documents is what the web layer reads from the store; *data.Store
// implements it. Both methods return an error wrapping data.ErrNotFound
// when there is no such document or original.
type Documents interface {
	Document(id string) (*data.Document, error)
	OpenOriginal(hash string) (io.ReadCloser, error)
}

var _ Documents = (*data.Store)(nil)

// Server serves the search pages, document pages and the JSON API.
// Make one with NewServer, then mount Handler.
type Server struct {
	Search  search.Searcher
	Docs    Documents
	Logger  *slog.Logger  // nil means slog.Default()
	Version string        // shown in the footer
	Timeout time.Duration // per request; 0 means DefaultTimeout

	// Accounts holds users, sessions and tokens; nil means no logins,
	// so every guarded route refuses.
	Accounts Accounts
	// Private makes every page but /login, /static and /healthz need a
	// login (the reader role).
	Private bool
	// TrustProxy believes the X-Forwarded-Proto and X-Forwarded-For that
	// one reverse proxy in front of us sets; only set it behind one.
	TrustProxy bool
	// LoginLimit caps login attempts per client IP and per account name
	// in each LoginWindow; zero values take the defaults.
	LoginLimit  int
	LoginWindow time.Duration
	// Staff serves upload, edit, trash and review (staff.go); nil
	// leaves them out.
	Staff *Staff

	views  views
	assets assets
}

// NewServer returns a server with its templates and static files parsed;
// it fails if any of them is missing or broken.
func NewServer(searcher search.Searcher, docs Documents, logger *slog.Logger, version string) (*Server, error) {
	s := &Server{Search: searcher, Docs: docs, Logger: logger, Version: version}
	if err := s.load(templateFS, staticFS); err != nil {
		return nil, err
	}
	return s, nil
}

// load parses the templates under templates/ and the files under static/.
func (s *Server) load(tfs, sfs fs.FS) error {
	tsub, err := fs.Sub(tfs, "templates")
	if err != nil {
		return fmt.Errorf("web: templates: %w", err)
	}
	ssub, err := fs.Sub(sfs, "static")
	if err != nil {
		return fmt.Errorf("web: static: %w", err)
	}
	a, err := loadAssets(ssub)
	if err != nil {
		return err
	}
	v, err := parseViews(tsub, templateFuncs(a))
	if err != nil {
		return err
	}
	s.assets, s.views = a, v
	return nil
}

// Handler returns the one route table of the site. On a Server not made
// by NewServer it loads the templates first, and panics if it cannot.
func (s *Server) Handler() http.Handler {
	if s.views == nil {
		if err := s.load(templateFS, staticFS); err != nil {
			panic(err)
		}
	}
	r := chi.NewRouter()
	r.Use(middleware.RequestID, s.clientIP(), s.accessLog, securityHeaders, s.recoverer, middleware.GetHead,
		s.crossOrigin(), s.authenticate)
	r.NotFound(s.notFound)
	r.MethodNotAllowed(s.methodNotAllowed)

	// Open to all, even with Private.
	r.Get("/healthz", s.serveHealth)
	r.Get("/static/{hash}/{name}", s.serveStatic)
	r.Get("/login", s.serveLogin)
	r.With(s.loginLimits()...).Post("/login", s.postLogin)
	r.Post("/logout", s.postLogout)

	r.Group(func(r chi.Router) {
		r.Use(s.readGate)
		r.Get("/doc/{id}/original", s.serveOriginal)
		r.Group(func(r chi.Router) {
			r.Use(s.timeout)
			r.Get("/", s.serveSearch)
			r.Get("/doc/{id}", s.serveDocument)
			r.Get("/issue/{id}", s.serveIssue)
			r.Get("/api/v1/search", s.serveAPISearch)
			r.Get("/api/v1/suggest", s.serveSuggest)
		})
		// Staff: every route that adds, edits or deletes documents.
		r.Group(func(r chi.Router) {
			r.Use(s.requireRole(data.RoleStaff), s.timeout)
			s.staffRoutes(r) // jobs, upload, edit, trash, review: staff.go
		})
		// Admin: users, tokens, the audit log.
		r.Route("/admin", func(r chi.Router) {
			r.Use(s.requireRole(data.RoleAdmin), s.timeout)
			r.Get("/", s.serveAdmin)
			r.Get("/users", s.serveUsers)
			r.Post("/users", s.postUser)
			r.Post("/users/{name}/role", s.postUserRole)
			r.Post("/users/{name}/password", s.postUserPassword)
			r.Post("/users/{name}/disable", s.postUserDisable)
			r.Post("/users/{name}/enable", s.postUserEnable)
			r.Get("/tokens", s.serveTokens)
			r.Post("/tokens", s.postToken)
			r.Post("/tokens/{id}/revoke", s.postTokenRevoke)
			r.Get("/audit", s.serveAudit)
			r.Get("/audit/export", s.serveAuditExport)
		})
	})
	return r
}

func (s *Server) logger() *slog.Logger {
	if s.Logger != nil {
		return s.Logger
	}
	return slog.Default()
}

func (s *Server) requestTimeout() time.Duration {
	if s.Timeout > 0 {
		return s.Timeout
	}
	return DefaultTimeout
}
