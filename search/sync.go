package search

import (
	"context"
	"log/slog"
	"time"
)

// Syncer keeps an Index up to date with the store's change log. It is the
// only writer of the index while it runs.
type Syncer struct {
	Index    *Index
	Store    Changes
	Logger   *slog.Logger
	Interval time.Duration // poll interval when nobody calls Notify
	wake     chan struct{}
}

// NewSyncer returns a syncer polling every second and on Notify.
func NewSyncer(ix *Index, store Changes) *Syncer {
	return &Syncer{Index: ix, Store: store, Logger: slog.Default(), Interval: time.Second, wake: make(chan struct{}, 1)}
}

// Notify asks the syncer to apply new changes now. It never blocks.
func (s *Syncer) Notify() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// Run applies changes until ctx ends, then applies once more so that
// everything written before shutdown is indexed.
func (s *Syncer) Run(ctx context.Context) {
	t := time.NewTicker(s.Interval)
	defer t.Stop()
	for {
		s.apply()
		select {
		case <-ctx.Done():
			s.apply()
			return
		case <-s.wake:
		case <-t.C:
		}
	}
}

func (s *Syncer) apply() {
	n, err := s.Index.Apply(s.Store)
	if err != nil {
		s.Logger.Error("applying change log to index", "err", err)
		return
	}
	if n > 0 {
		s.Logger.Debug("index updated", "docs", n)
	}
}
