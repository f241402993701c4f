package web

import (
	"context"
	"fmt"
	"net/http"
	"sync"

	"github.com/go-chi/chi/v5"

	"casebook/data"
	"casebook/indexer"
)

// Staff is what the staff pages change things with: the store, and the
// pipeline that ingests uploads and re-reads originals. A Server without
// it serves none of them.
type Staff struct {
	Store    *data.Store
	Pipeline *indexer.Pipeline
	// Notify tells the index that the store changed (search.Syncer's
	// Notify), so an edit shows in search at once; nil when nothing
	// follows the store.
	Notify func()
	// Upload limits; zero values take DefaultMaxUpload and DefaultMaxFile.
	MaxUpload, MaxFile int64

	ctx  context.Context
	jobs sync.WaitGroup
}

// NewStaff returns the staff workflow over store and p. Jobs it starts
// run in the background until they finish; once ctx ends no new one
// starts, and Wait waits for those under way.
func NewStaff(ctx context.Context, store *data.Store, p *indexer.Pipeline, notify func()) *Staff {
	return &Staff{Store: store, Pipeline: p, Notify: notify, ctx: ctx}
}

// Wait blocks until every job started in the background has finished.
// A nil Staff has none.
func (st *Staff) Wait() {
	if st != nil {
		st.jobs.Wait()
	}
}

// errStopping refuses new jobs while the server shuts down.
var errStopping = &userError{status: http.StatusServiceUnavailable, msg: "The server is shutting down. Please try again in a minute."}

// run runs job in the background. The batch is finished even when the
// server starts shutting down meanwhile (Wait waits for it): its files
// are only held in memory.
func (st *Staff) run(job *data.Job, b indexer.Batch) {
	st.jobs.Add(1)
	go func() {
		defer st.jobs.Done()
		if _, err := st.Pipeline.RunBatch(context.WithoutCancel(st.ctx), job, b); err != nil {
			st.Pipeline.Logger.Error("staff job", "job", job.ID, "err", err)
		}
	}()
}

func (st *Staff) notify() {
	if st.Notify != nil {
		st.Notify()
	}
}

// staffRoutes adds the staff pages to r, which requires the staff role;
// emptying and restoring the trash need an admin.
func (s *Server) staffRoutes(r chi.Router) {
	r.Get("/jobs", s.serveJobs)
	r.Get("/jobs/{id}", s.serveJob)
	if s.Staff == nil {
		return
	}
	r.Get("/upload", s.serveUpload)
	r.Post("/upload", s.postUpload)
	r.Get("/doc/{id}/edit", s.serveEdit)
	r.Post("/doc/{id}/edit", s.postEdit)
	r.Post("/doc/{id}/delete", s.postDelete)
	r.Post("/doc/{id}/reingest", s.postReingest)
	r.Get("/review", s.serveReview)
	r.Group(func(r chi.Router) {
		r.Use(s.requireRole(data.RoleAdmin))
		r.Get("/trash", s.serveTrash)
		r.Post("/trash/empty", s.postEmptyTrash)
		r.Post("/trash/{id}/restore", s.postRestore)
	})
}

// redirect answers a form POST by sending the browser to a page (303).
func redirect(w http.ResponseWriter, r *http.Request, to string) {
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// jobURL is the page of job id.
func jobURL(id uint64) string { return fmt.Sprintf("/jobs/%d", id) }
