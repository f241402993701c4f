package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"casebook/data"
	"casebook/indexer"
	"casebook/indexer/records"
	"casebook/search"
)

// errFilesFailed makes ingest exit non-zero when any file failed.
var errFilesFailed = errors.New("some files failed")

type ingestCmd struct {
	out, errOut io.Writer
}

func (c *ingestCmd) Run(ctx context.Context, args []string) error {
	fs := newFlagSet("ingest", c.errOut)
	dataDir := dataDirFlag(fs)
	prune := fs.Bool("prune", false, "remove documents whose file is no longer in the ingested folders")
	var mappings []*records.Mapping
	fs.Func("mapping", "read files matching this record mapping (a JSON file, or a shipped name such as reuters21578) as records; repeatable", func(v string) error {
		m, err := loadMapping(v)
		if err == nil {
			mappings = append(mappings, m)
		}
		return err
	})
	var sources []indexer.Source
	fs.Func("archive", "a mirrored newsletter site (folder): pages are linked to their issue and other-language edition, dead links reported; repeatable", func(v string) error {
		src, err := indexer.PathSource(v)
		src.Archive = true
		if err == nil && src.Files != nil {
			err = fmt.Errorf("--archive %s: not a folder", v)
		}
		sources = append(sources, src)
		return err
	})
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 && len(sources) == 0 {
		fmt.Fprintln(c.errOut, "usage: casebook ingest [--data-dir DIR] [--prune] [--mapping FILE|NAME] [--archive DIR] PATH...")
		return errUsage
	}
	for _, p := range fs.Args() {
		src, err := indexer.PathSource(p)
		if err != nil {
			return err
		}
		sources = append(sources, src)
	}
	a, err := openApp(*dataDir)
	if err != nil {
		return err
	}
	defer a.Close()
	job, err := ingest(ctx, a, c.out, func(p *indexer.Pipeline) { p.Prune, p.Mappings = *prune, mappings }, sources...)
	if err != nil {
		return err
	}
	if job.Failed > 0 {
		return fmt.Errorf("%s of %d: %w", plural(job.Failed, "file"), job.Seen, errFilesFailed)
	}
	return nil
}

// ingest runs the pipeline with progress on out, then brings the index
// up to date. configure, when set, adjusts the pipeline first.
func ingest(ctx context.Context, a *app, out io.Writer, configure func(*indexer.Pipeline), sources ...indexer.Source) (*data.Job, error) {
	p, err := indexer.New(a.store)
	if err != nil {
		return nil, err
	}
	if configure != nil {
		configure(p)
	}
	r := newReporter(out)
	p.Progress = r.file
	// The index follows while files are stored, so that indexing (which
	// waits on the disk) overlaps with extraction (which uses the CPUs).
	syncer := search.NewSyncer(a.index, a.store)
	syncer.Logger = p.Logger
	p.OnStored = syncer.Notify
	stop := runSyncer(syncer)
	job, err := p.Ingest(ctx, sources...)
	stop()
	r.finish()
	if job != nil {
		printJob(out, job)
	}
	if err != nil {
		return job, err
	}
	if _, err := a.index.Apply(a.store); err != nil {
		return job, err
	}
	n, err := a.index.Count()
	if err != nil {
		return job, err
	}
	fmt.Fprintf(out, "index: %s\n", plural(int(n), "document"))
	return job, nil
}

// runSyncer runs s in the background; the returned stop waits for it to
// apply what is left and return.
func runSyncer(s *search.Syncer) (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); s.Run(ctx) }()
	return func() { cancel(); <-done }
}

func printJob(out io.Writer, job *data.Job) {
	fmt.Fprintf(out, "job %d: %s seen, %d added, %d updated, %d unchanged, %d duplicates, %d failed",
		job.ID, plural(job.Seen, "file"), job.Added, job.Updated, job.Unchanged, job.Duplicates, job.Failed)
	if job.Pruned > 0 {
		fmt.Fprintf(out, ", %d pruned", job.Pruned)
	}
	if d := job.Finished.Sub(job.Started); d > 0 && job.Seen > 0 {
		fmt.Fprintf(out, " in %s (%.0f files/s)", d.Round(time.Millisecond), float64(job.Seen)/d.Seconds())
	}
	fmt.Fprintln(out)
}
