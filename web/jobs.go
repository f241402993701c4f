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
	// cleanShown is how many files that went in cleanly a job page lists;
	// failures and warnings are always listed.
	cleanShown = 200
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
	v := jobsView{Tab: "jobs", CanUpload: s.Staff != nil}
	for _, j := range list {
		v.Jobs = append(v.Jobs, newJobRow(j))
	}
	s.render(w, r, http.StatusOK, viewJobs, page{Title: "Ingest jobs", Header: true, View: v})
}

// serveJob shows one job: its counts and progress, every file that
// failed or carried warnings with the reason, the others that went in,
// and, while it runs, the files still waiting. A running job's page
// refreshes itself (a meta refresh, so it works without JavaScript).
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
	title := fmt.Sprintf("Ingest job %d", j.ID)
	s.render(w, r, http.StatusOK, viewJob, page{Title: title, Header: true, View: newJobView(j), Refresh: j.Status == data.JobRunning})
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
	Pruned, Total                                       int
	Sources                                             []string // the first few paths, for the list
	MoreSources                                         int
}

func newJobRow(j *data.Job) jobRow {
	row := jobRow{
		ID: j.ID, URL: jobURL(j.ID), Status: j.Status,
		Started: j.Started.UTC().Format("2006-01-02 15:04 UTC"), Paths: j.Paths,
		Seen: j.Seen, Added: j.Added, Updated: j.Updated, Unchanged: j.Unchanged,
		Duplicates: j.Duplicates, Failed: j.Failed, Pruned: j.Pruned, Total: j.Total,
	}
	row.Sources = j.Paths[:min(len(j.Paths), 3)]
	row.MoreSources = len(j.Paths) - len(row.Sources)
	if !j.Finished.IsZero() {
		row.Took = j.Finished.Sub(j.Started).Round(time.Millisecond).String()
	}
	return row
}

type jobsView struct {
	Tab       string
	Jobs      []jobRow
	CanUpload bool
}

type jobView struct {
	jobRow
	Tab      string
	Error    string
	Problems []fileRow // the files that failed or carried warnings
	Clean    []fileRow // the others, up to cleanShown
	More     int       // clean files not listed
	Waiting  []string  // files of a running batch not read yet
}

// fileRow is one file of a job with links to its documents.
type fileRow struct {
	data.FileOutcome
	DocURLs []string
}

func newJobView(j *data.Job) jobView {
	v := jobView{jobRow: newJobRow(j), Tab: "jobs", Error: j.Error}
	done := map[string]bool{}
	for _, f := range j.Files {
		done[f.Path] = true
		row := fileRow{FileOutcome: f}
		for _, id := range f.Docs {
			row.DocURLs = append(row.DocURLs, docURL(id, ""))
		}
		switch {
		case f.Error != "" || len(f.Warnings) > 0:
			v.Problems = append(v.Problems, row)
		case len(v.Clean) < cleanShown:
			v.Clean = append(v.Clean, row)
		default:
			v.More++
		}
	}
	// A batch lists its files as its paths; a folder's files are not known.
	if j.Status == data.JobRunning && j.Total == len(j.Paths) {
		for _, p := range j.Paths {
			if !done[p] {
				v.Waiting = append(v.Waiting, p)
			}
		}
	}
	return v
}
