package web

import (
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/go-chi/chi/v5"

	"casebook/data"
)

// Jobs is what the job pages read from the store; *data.Store implements
// it. Without it the job pages are 404s.
type Jobs interface {
	Jobs(limit int) ([]*data.Job, error)
	Job(id uint64) (*data.Job, error)
}

var _ Jobs = (*data.Store)(nil)

const (
	viewJobs  = "jobs"
	viewJob   = "job"
	jobsShown = 50
)

func init() { viewNames = append(viewNames, viewJobs, viewJob) }

// serveJobs lists the latest ingest jobs with their counts.
func (s *Server) serveJobs(w http.ResponseWriter, r *http.Request) {
	jobs, ok := s.Docs.(Jobs)
	if !ok {
		s.fail(w, r, fmt.Errorf("web: the store keeps no jobs: %w", data.ErrNotFound))
		return
	}
	list, err := jobs.Jobs(jobsShown)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v := jobsView{}
	for _, j := range list {
		v.Jobs = append(v.Jobs, newJobRow(j))
	}
	s.render(w, r, http.StatusOK, viewJobs, page{Title: "Ingest jobs", Header: true, View: v})
}

// serveJob shows one job: its counts, then every file that failed or
// carried warnings, with the reason. A running job's page refreshes
// itself (a meta refresh, so it works without JavaScript).
func (s *Server) serveJob(w http.ResponseWriter, r *http.Request) {
	jobs, ok := s.Docs.(Jobs)
	id, err := strconv.ParseUint(chi.URLParam(r, "id"), 10, 64)
	if !ok || err != nil {
		s.fail(w, r, fmt.Errorf("web: job %q: %w", chi.URLParam(r, "id"), data.ErrNotFound))
		return
	}
	j, err := jobs.Job(id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v := jobView{jobRow: newJobRow(j), Error: j.Error}
	for _, f := range j.Files {
		if f.Error != "" || len(f.Warnings) > 0 {
			v.Files = append(v.Files, f)
		}
	}
	title := fmt.Sprintf("Ingest job %d", j.ID)
	s.render(w, r, http.StatusOK, viewJob, page{Title: title, Header: true, View: v, Refresh: j.Status == data.JobRunning})
}

// jobRow is one job as the list shows it.
type jobRow struct {
	ID                                                  uint64
	URL                                                 string
	Status                                              string
	Started                                             string
	Took                                                string
	Paths                                               []string
	Seen, Added, Updated, Unchanged, Duplicates, Failed int
	Pruned                                              int
}

func newJobRow(j *data.Job) jobRow {
	row := jobRow{
		ID: j.ID, URL: fmt.Sprintf("/jobs/%d", j.ID), Status: j.Status,
		Started: j.Started.UTC().Format("2006-01-02 15:04 UTC"), Paths: j.Paths,
		Seen: j.Seen, Added: j.Added, Updated: j.Updated, Unchanged: j.Unchanged,
		Duplicates: j.Duplicates, Failed: j.Failed, Pruned: j.Pruned,
	}
	if !j.Finished.IsZero() {
		row.Took = j.Finished.Sub(j.Started).Round(time.Millisecond).String()
	}
	return row
}

type jobsView struct {
	Jobs []jobRow
}

type jobView struct {
	jobRow
	Error string
	Files []data.FileOutcome // the files that failed or carried warnings
}
