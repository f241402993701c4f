package indexer

import (
	"context"
	"fmt"
	"log/slog"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"casebook/data"
	"casebook/indexer/enrich"
	"casebook/indexer/extract"
	"casebook/indexer/records"
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
	// Mappings read record files (CSV, JSON, XML/SGML): a file whose name
	// a mapping matches is read as records, one document per record.
	Mappings []*records.Mapping
	// ExtractTimeout bounds the reading of one file (default 2 minutes).
	// A file that takes longer fails with a clear reason and the batch goes
	// on; its extractor runs to its end in the background.
	ExtractTimeout time.Duration
	// Prune removes, after ingesting a folder, the documents whose file
	// is no longer in it.
	Prune bool
	// Progress, when set, is called after each file.
	Progress func(done, total int, f data.FileOutcome)
	// ProgressEvery, when above zero, is how often the record of a
	// running job is saved, so that its page shows the files done so far
	// (serve sets it; a CLI run has nobody looking).
	ProgressEvery time.Duration

	extractFn func(name string, raw []byte) (*extract.Result, error) // tests replace extraction
}

// enricher is loaded once per process: the bundled gazetteer takes a few
// hundred milliseconds to load, and an Enricher is read-only and safe for
// concurrent use, so every pipeline shares it.
var enricher = sync.OnceValues(enrich.New)

// New returns a pipeline writing to store with the bundled reference data.
func New(store *data.Store) (*Pipeline, error) {
	e, err := enricher()
	if err != nil {
		return nil, fmt.Errorf("indexer.New: %w", err)
	}
	return &Pipeline{Store: store, Enricher: e, Logger: slog.Default(), Workers: runtime.NumCPU(), ExtractTimeout: 2 * time.Minute}, nil
}

// task is one file to ingest.
type task struct {
	key  string // source key: where it came from
	name string // file name, a hint for extraction
	read func() ([]byte, error)
	// corrections are staff metadata for the file's documents (see Batch).
	corrections []data.Correction
	// exists, for a page of a mirrored archive, tells whether a source
	// key is in the mirror; nil for other files.
	exists func(key string) bool
}

// File is one file handed to Stream: already read, named by its key.
type File struct {
	Key  string // source key (a URL, a path)
	Name string // file name hint
	Data []byte
}

// Ingest runs every file of the sources through the pipeline and records
// the run as a job. A file that fails is recorded with its reason and the
// rest go on. The job is returned even when some files failed; err is set
// only when the job itself could not run or ctx ended it.
func (p *Pipeline) Ingest(ctx context.Context, sources ...Source) (*data.Job, error) {
	job := &data.Job{}
	var tasks []task
	present := map[string]bool{}
	for _, s := range sources {
		job.Paths = append(job.Paths, s.Label)
		files, err := s.files()
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			t := s.task(f)
			if s.Archive {
				t.exists = func(k string) bool { return present[k] }
			}
			tasks = append(tasks, t)
			present[s.key(f)] = true
		}
	}
	var after func(*data.Job) error
	if p.Prune {
		after = func(job *data.Job) error { return p.prune(job, sources, present) }
	}
	in := make(chan task)
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
	return p.execute(ctx, job, len(tasks), in, after)
}

// Stream ingests files as they arrive until files is closed, as one job
// labelled label. Crawls and the inbox use it.
func (p *Pipeline) Stream(ctx context.Context, label string, files <-chan File) (*data.Job, error) {
	in := make(chan task)
	go func() {
		defer close(in)
		for f := range files {
			t := task{key: f.Key, name: f.Name, read: func() ([]byte, error) { return f.Data, nil }}
			select {
			case in <- t:
			case <-ctx.Done():
				return
			}
		}
	}()
	return p.execute(ctx, &data.Job{Paths: []string{label}}, -1, in, nil)
}

// execute records the job around run, creating its record unless
// StartBatch did; after, when set, runs once every file is done (unless
// ctx ended).
func (p *Pipeline) execute(ctx context.Context, job *data.Job, total int, in <-chan task, after func(*data.Job) error) (*data.Job, error) {
	job.Total = max(total, 0)
	if job.ID == 0 {
		if err := p.Store.CreateJob(job); err != nil {
			return nil, err
		}
	}
	p.run(job, total, in)
	var err error
	if after != nil && ctx.Err() == nil {
		err = after(job)
	}
	if err == nil && ctx.Err() != nil && (total < 0 || job.Seen < total) {
		err = fmt.Errorf("stopped after %s: %w", plural(job.Seen, "file"), ctx.Err())
	}
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

// extracted is one file's documents, ready to store.
type extracted struct {
	t        task
	raw      []byte
	docs     []*data.Document
	warnings []string
	err      error
}

// maxBatch is how many files at most share one store transaction.
const maxBatch = 256

// run extracts on all workers and stores from this goroutine alone, in
// order of completion, taking whatever files are ready as one batch (one
// sync, one transaction). Closing in (or ctx ending, for the feeders)
// lets the files under way finish.
func (p *Pipeline) run(job *data.Job, total int, in <-chan task) {
	out := make(chan extracted, maxBatch)
	var wg sync.WaitGroup
	for range max(1, p.Workers) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range in {
				out <- p.extractFile(t)
			}
		}()
	}
	go func() { wg.Wait(); close(out) }()
	saved := time.Now()
	for x := range out {
		batch := append(make([]extracted, 0, maxBatch), x)
	more:
		for len(batch) < maxBatch {
			select {
			case y, ok := <-out:
				if !ok {
					break more
				}
				batch = append(batch, y)
			default:
				break more
			}
		}
		for _, f := range p.storeBatch(batch) {
			p.record(job, f, total)
		}
		if p.ProgressEvery > 0 && time.Since(saved) >= p.ProgressEvery {
			p.saveProgress(job)
			saved = time.Now()
		}
	}
}

// saveProgress stores the running job's record; failing only costs the
// progress shown, so it is logged.
func (p *Pipeline) saveProgress(job *data.Job) {
	if err := p.Store.SaveJob(job); err != nil {
		p.Logger.Warn("saving job progress", "job", job.ID, "err", err)
	}
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
	case string(data.Duplicate):
		job.Duplicates++
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

// extractFile reads and extracts one file within ExtractTimeout.
func (p *Pipeline) extractFile(t task) extracted {
	if p.ExtractTimeout <= 0 {
		return p.extractNow(t)
	}
	done := make(chan extracted, 1) // the extractor never blocks on a late send
	go func() { done <- p.extractNow(t) }()
	timer := time.NewTimer(p.ExtractTimeout)
	defer timer.Stop()
	select {
	case x := <-done:
		return x
	case <-timer.C:
		return extracted{t: t, err: fmt.Errorf("reading the file took longer than %s; skipped", p.ExtractTimeout)}
	}
}

// extractNow reads and extracts one file; a panic in an extractor fails
// that file only.
func (p *Pipeline) extractNow(t task) (x extracted) {
	x.t = t
	defer func() {
		if r := recover(); r != nil {
			p.Logger.Error("extractor panic", "path", t.key, "panic", r, "stack", string(debug.Stack()))
			x.err = fmt.Errorf("internal error while reading the file: %v", r)
		}
	}()
	x.raw, x.err = t.read()
	if x.err != nil {
		return x
	}
	x.docs, x.warnings, x.err = p.documents(t, x.raw)
	return x
}

// storeBatch writes the documents of several files together and says
// what happened to each. If the batch cannot be written as a whole, each
// file is tried on its own, so that one bad file fails alone.
func (p *Pipeline) storeBatch(batch []extracted) []data.FileOutcome {
	files := make([]data.FileDocs, len(batch))
	for i, x := range batch {
		if x.err == nil {
			files[i] = data.FileDocs{Docs: x.docs, Original: x.raw, Corrections: x.t.corrections}
		}
	}
	outs, errs, err := p.Store.PutFiles(files)
	if err != nil && len(batch) > 1 {
		p.Logger.Warn("batch write failed, writing files one by one", "files", len(batch), "err", err)
		var res []data.FileOutcome
		for _, x := range batch {
			res = append(res, p.storeBatch([]extracted{x})...)
		}
		return res
	}
	res := make([]data.FileOutcome, len(batch))
	changed := false
	for i, x := range batch {
		f := data.FileOutcome{Path: x.t.key, Warnings: x.warnings}
		switch {
		case x.err == nil && err == nil && errs[i] == nil:
			var c bool
			f.Outcome, f.Docs, c, x.err = p.settle(x.t.key, x.docs, outs[i])
			changed = changed || c
		case x.err == nil && err != nil:
			x.err = err
		case x.err == nil:
			x.err = errs[i]
		}
		if x.err != nil {
			f.Outcome, f.Error = "failed", x.err.Error()
		}
		res[i] = f
	}
	if changed && p.OnStored != nil {
		p.OnStored()
	}
	return res
}

// settle finishes one stored file: drops parts it no longer holds and
// sums up its outcome, the strongest of its documents' (added > updated >
// duplicate > unchanged). changed says whether the store changed.
func (p *Pipeline) settle(key string, docs []*data.Document, outs []data.Outcome) (string, []string, bool, error) {
	removed, err := p.dropStaleParts(key, docs)
	if err != nil {
		return "", nil, false, err
	}
	outcome := data.Unchanged
	ids := make([]string, 0, len(docs))
	for i, o := range outs {
		ids = append(ids, docs[i].ID)
		if rank(o) > rank(outcome) {
			outcome = o
		}
	}
	return string(outcome), ids, outcome != data.Unchanged || removed > 0, nil
}

func rank(o data.Outcome) int {
	switch o {
	case data.Added:
		return 3
	case data.Updated:
		return 2
	case data.Duplicate:
		return 1
	}
	return 0
}

// dropStaleParts removes the parts of file key that it no longer holds,
// such as an article taken out of an issue page.
func (p *Pipeline) dropStaleParts(key string, docs []*data.Document) (int, error) {
	stored, err := p.Store.SourcesUnder(key + "#")
	if err != nil || len(stored) == 0 {
		return 0, err
	}
	current := map[string]bool{}
	for _, d := range docs {
		current[d.Source] = true
	}
	var stale []string
	for _, k := range stored {
		if !current[k] {
			stale = append(stale, k)
		}
	}
	if len(stale) == 0 {
		return 0, nil
	}
	_, err = p.Store.RemoveSources(stale)
	return len(stale), err
}

// prune removes the sources under each folder whose file is gone. A file
// that is present but failed this time keeps its documents.
func (p *Pipeline) prune(job *data.Job, sources []Source, present map[string]bool) error {
	var gone []string
	for _, s := range sources {
		if s.Files != nil {
			continue // single files: nothing to compare with
		}
		keys, err := p.Store.SourcesUnder(s.Label + "/")
		if err != nil {
			return err
		}
		for _, k := range keys {
			file, _, _ := strings.Cut(k, "#")
			if !present[file] {
				gone = append(gone, k)
			}
		}
	}
	if len(gone) == 0 {
		return nil
	}
	if _, err := p.Store.RemoveSources(gone); err != nil {
		return err
	}
	job.Pruned = len(gone)
	if p.OnStored != nil {
		p.OnStored()
	}
	return nil
}
