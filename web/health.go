package web

import (
	"context"
	"errors"
	"net/http"
	"time"

	"casebook/search"
)

// healthTimeout bounds the health check's search.
const healthTimeout = 3 * time.Second

// serveHealth answers "ok" when a one-result search succeeds.
func (s *Server) serveHealth(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	if err := s.checkSearch(r.Context()); err != nil {
		s.logger().Warn("health check failed", "err", err)
		w.WriteHeader(http.StatusServiceUnavailable)
		w.Write([]byte("search unavailable\n"))
		return
	}
	w.Write([]byte("ok\n"))
}

func (s *Server) checkSearch(ctx context.Context) error {
	if s.Search == nil {
		return errors.New("no searcher")
	}
	ctx, cancel := context.WithTimeout(ctx, healthTimeout)
	defer cancel()
	_, err := s.Search.Search(ctx, search.Request{Page: 1, Size: 1, Sort: search.SortRelevance})
	return err
}
