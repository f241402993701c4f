package indexer

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"runtime"
	"runtime/debug"
	"sync"

	"casebook/data"
	"casebook/indexer/enrich"
	"casebook/indexer/extract"
)

// Pipeline ingests sources into the store.
type Pipeline struct {
	Store    *data.Store
	Enricher *enrich.Enricher
	Logger   *slog.Logger
	// Workers is how many files are extracted at once (default: CPUs).
	Workers int
	// OnStored is called after each write that changed the store, so the
	// index can follow at once. May be nil.
	OnStored func()
	// Progress, when set, is called after each file.
	Progress func(done, total int, f data.FileOutcome)
}

// New returns a pipeline writing to store with the bundled reference data.
func New(store *data.Store) (*Pipeline, error) {
	e, err := enrich.New()
	if err != nil {
		return nil, fmt.Errorf("indexer.New: %w", err)
	}
	return &Pipeline{Store: store, Enricher: e, Logger: slog.Default(), Workers: runtime.NumCPU()}, nil
}

// task is one file to ingest.
type task struct {
	src  Source
	path string
}

// Ingest runs every file of the sources through the pipeline and records
// the run as a job. A file that fails is recorded with its reason and the
// rest go on. The job is returned even when some files failed; err is set
// only when the job itself could not run or ctx ended it.
func (p *Pipeline) Ingest(ctx context.Context, sources ...Source) (*data.Job, error) {
	job := &data.Job{}
	var tasks []task
	for _, s := range sources {
		job.Paths = append(job.Paths, s.Label)
		files, err := s.files()
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			tasks = append(tasks, task{s, f})
		}
	}
	if err := p.Store.CreateJob(job); err != nil {
		return nil, err
	}
	err := p.run(ctx, job, tasks)
	job.Finished = p.Store.Now().UTC()
	job.Status = data.JobDone
	if err != nil {
		job.Status, job.Error = data.JobFailed, err.Error()
	}
	if serr := p.Store.SaveJob(job); serr != nil && err == nil {
		err = serr
	}
	return job, err
}

// run extracts in parallel and stores results in order of completion. It
// stops taking new files when ctx ends but finishes those under way.
func (p *Pipeline) run(ctx context.Context, job *data.Job, tasks []task) error {
	in := make(chan task)
	out := make(chan data.FileOutcome)
	var wg sync.WaitGroup
	for range max(1, p.Workers) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range in {
				out <- p.ingestFile(t)
			}
		}()
	}
	go func() {
		defer close(in)
		for _, t := range tasks {
			select {
			case in <- t:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(out) }()
	for f := range out {
		p.record(job, f, len(tasks))
	}
	if job.Seen < len(tasks) {
		return fmt.Errorf("stopped after %d of %d files: %w", job.Seen, len(tasks), ctx.Err())
	}
	return nil
}

func (p *Pipeline) record(job *data.Job, f data.FileOutcome, total int) {
	job.Seen++
	switch f.Outcome {
	case string(data.Added):
		job.Added++
	case string(data.Updated):
		job.Updated++
	case string(data.Unchanged):
		job.Unchanged++
	default:
		job.Failed++
	}
	job.Files = append(job.Files, f)
	if f.Error != "" {
		p.Logger.Warn("ingest failed", "path", f.Path, "err", f.Error)
	}
	if p.Progress != nil {
		p.Progress(job.Seen, total, f)
	}
}

// ingestFile runs one file; a panic in an extractor fails that file only.
func (p *Pipeline) ingestFile(t task) (f data.FileOutcome) {
	f.Path = t.src.key(t.path)
	defer func() {
		if r := recover(); r != nil {
			p.Logger.Error("extractor panic", "path", f.Path, "panic", r, "stack", string(debug.Stack()))
			f.Outcome, f.Error = "failed", fmt.Sprintf("internal error while reading the file: %v", r)
		}
	}()
	raw, err := readFile(t.src.FS, t.path)
	if err != nil {
		f.Outcome, f.Error = "failed", err.Error()
		return f
	}
	docs, warnings, err := p.documents(f.Path, t.path, raw)
	f.Warnings = warnings
	if err != nil {
		f.Outcome, f.Error = "failed", err.Error()
		return f
	}
	f.Outcome, f.Docs, err = p.store(docs, raw)
	if err != nil {
		f.Outcome, f.Error = "failed", err.Error()
	}
	return f
}

// readFile reads at most extract.MaxSize bytes; a larger file is an error.
func readFile(fsys fs.FS, p string) ([]byte, error) {
	file, err := fsys.Open(p)
	if err != nil {
		return nil, fmt.Errorf("cannot open: %w", err)
	}
	defer file.Close()
	raw, err := io.ReadAll(io.LimitReader(file, extract.MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", err)
	}
	if len(raw) > extract.MaxSize {
		return nil, fmt.Errorf("file is larger than the %d MiB limit: %w", extract.MaxSize>>20, extract.ErrTooLarge)
	}
	return raw, nil
}

// store writes the documents of one file; the file's outcome is the
// strongest of its documents' (added > updated > unchanged).
func (p *Pipeline) store(docs []*data.Document, raw []byte) (string, []string, error) {
	outcome := data.Unchanged
	var ids []string
	for _, d := range docs {
		o, err := p.Store.PutDocument(d, raw)
		if err != nil {
			return "", ids, err
		}
		ids = append(ids, d.ID)
		if o == data.Added || (o == data.Updated && outcome == data.Unchanged) {
			outcome = o
		}
	}
	if outcome != data.Unchanged && p.OnStored != nil {
		p.OnStored()
	}
	return string(outcome), ids, nil
}
