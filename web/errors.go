package web

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5/middleware"

	"casebook/data"
	"casebook/search"
)

// Messages users see; internal details only go to the log.
const (
	msgInternal = "Something went wrong on our side. Please try again later."
	msgTimeout  = "The search took too long. Please try again in a moment, or use fewer words or filters."
	msgNotFound = "There is no page at this address. It may have been moved, or the link may be mistyped."
)

// userError carries a status and a message that are safe to show, with
// the underlying error kept for the log.
type userError struct {
	status int
	msg    string
	err    error
}

func (e *userError) Error() string {
	if e.err != nil {
		return e.msg + ": " + e.err.Error()
	}
	return e.msg
}

func (e *userError) Unwrap() error { return e.err }

// badRequest is a 400 whose message is shown as it is.
func badRequest(msg string) error {
	return &userError{status: http.StatusBadRequest, msg: msg}
}

// errorView is the model of the error page.
type errorView struct {
	Status  int
	Heading string
	Message string
}

// classify is the one place that maps an error to an HTTP status and a
// message fit for users.
func classify(err error) (int, string) {
	var ue *userError
	switch {
	case errors.As(err, &ue):
		return ue.status, ue.msg
	case errors.Is(err, search.ErrBadRequest):
		return http.StatusBadRequest, err.Error()
	case errors.Is(err, data.ErrNotFound):
		return http.StatusNotFound, msgNotFound
	case errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable, msgTimeout
	case errors.Is(err, context.Canceled):
		return http.StatusServiceUnavailable, msgTimeout
	}
	return http.StatusInternalServerError, msgInternal
}

// logError logs err at a level that fits its status: server errors in
// full, timeouts as warnings, a client that went away as debug.
func (s *Server) logError(r *http.Request, status int, err error) {
	attrs := []any{"method", r.Method, "path", r.URL.Path, "status", status,
		"err", err, "request_id", middleware.GetReqID(r.Context())}
	switch {
	case errors.Is(err, context.Canceled):
		s.logger().Debug("request canceled", attrs...)
	case status >= 500 && status != http.StatusServiceUnavailable:
		s.logger().Error("request failed", attrs...)
	case status >= 500:
		s.logger().Warn("request failed", attrs...)
	}
}

// fail writes err as an error page, or as JSON under /api/.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := classify(err)
	s.logError(r, status, err)
	if strings.HasPrefix(r.URL.Path, "/api/") {
		writeJSON(w, status, map[string]string{"error": msg})
		return
	}
	s.render(w, r, status, viewError, page{
		Title:  http.StatusText(status),
		Header: true,
		View:   errorView{Status: status, Heading: heading(status), Message: msg},
	})
}

func heading(status int) string {
	switch status {
	case http.StatusNotFound:
		return "Page not found"
	case http.StatusBadRequest:
		return "That request was not understood"
	case http.StatusServiceUnavailable:
		return "Please try again"
	case http.StatusMethodNotAllowed:
		return "Method not allowed"
	}
	return "Something went wrong"
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	s.fail(w, r, &userError{status: http.StatusNotFound, msg: msgNotFound})
}

func (s *Server) methodNotAllowed(w http.ResponseWriter, r *http.Request) {
	s.fail(w, r, &userError{status: http.StatusMethodNotAllowed, msg: "This address does not accept " + r.Method + " requests."})
}
