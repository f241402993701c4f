package web

import (
	"context"
	"fmt"
	"net/http"
	"runtime/debug"
	"strings"
	"time"

	"github.com/go-chi/chi/v5/middleware"

	"casebook/data"
)

// contentSecurityPolicy allows only this site's own files: no inline
// script or style, no framing, forms only to this site.
const contentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; " +
	"script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"

// securityHeaders sets the headers every response carries.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY") // for browsers that predate frame-ancestors
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("X-Request-Id", middleware.GetReqID(r.Context()))
		next.ServeHTTP(w, r)
	})
}

// accessLog logs one line per request once it is done.
func (s *Server) accessLog(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		ww := middleware.NewWrapResponseWriter(w, r.ProtoMajor)
		next.ServeHTTP(ww, r)
		s.logger().Info("http",
			"method", r.Method,
			"path", r.URL.RequestURI(),
			"status", ww.Status(),
			"bytes", ww.BytesWritten(),
			"duration", time.Since(start),
			"request_id", middleware.GetReqID(r.Context()))
	})
}

// recoverer turns a panic in a handler into a logged 500 page.
func (s *Server) recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if v == http.ErrAbortHandler {
				panic(v)
			}
			s.fail(w, r, fmt.Errorf("panic: %v\n%s", v, debug.Stack()))
		}()
		next.ServeHTTP(w, r)
	})
}

// timeout gives the request a deadline; handlers pass the context to
// the engine, and a deadline error becomes a 503 with a friendly page.
func (s *Server) timeout(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), s.requestTimeout())
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// crossOrigin refuses writes (POST and the like) that a browser sends
// from another site: the standard library's check of Sec-Fetch-Site and
// Origin, so forms need no hand-made tokens. Scripts that send neither
// header, such as curl with an API token, pass.
func (s *Server) crossOrigin() func(http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.logger().Warn("cross-origin request refused", "method", r.Method, "path", r.URL.Path,
			"origin", r.Header.Get("Origin"), "request_id", middleware.GetReqID(r.Context()))
		s.fail(w, r, &userError{status: http.StatusForbidden, msg: msgCrossOrigin})
	}))
	return cop.Handler
}

const msgCrossOrigin = "This form was sent from another site, so it was refused. Go back to Casebook and try again there."

// clientIP records the client's address for rate limits and logs: the
// TCP peer, or with TrustProxy the address our one proxy appended to
// X-Forwarded-For.
func (s *Server) clientIP() func(http.Handler) http.Handler {
	if s.TrustProxy {
		return middleware.ClientIPFromXFFTrustedProxies(1)
	}
	return middleware.ClientIPFromRemoteAddr
}

// readGate makes reading need a login when the server is Private.
func (s *Server) readGate(next http.Handler) http.Handler {
	guarded := s.requireRole(data.RoleReader)(next)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.Private {
			guarded.ServeHTTP(w, r)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// isSecure reports whether the client reached us over HTTPS, so cookies
// get the Secure flag.
func (s *Server) isSecure(r *http.Request) bool {
	return r.TLS != nil || s.TrustProxy && strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https")
}
