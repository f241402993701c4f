package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"casebook/data"
	"casebook/indexer"
)

// errFilesFailed makes ingest exit non-zero when any file failed.
var errFilesFailed = errors.New("some files failed")

type ingestCmd struct {
	out, errOut io.Writer
}

func (c *ingestCmd) Run(ctx context.Context, args []string) error {
	fs := newFlagSet("ingest", c.errOut)
	dataDir := dataDirFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(c.errOut, "usage: casebook ingest [--data-dir DIR] PATH...")
		return errUsage
	}
	var sources []indexer.Source
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
	job, err := ingest(ctx, a, c.out, sources...)
	if err != nil {
		return err
	}
	if job.Failed > 0 {
		return fmt.Errorf("%s of %d: %w", plural(job.Failed, "file"), job.Seen, errFilesFailed)
	}
	return nil
}

// ingest runs the pipeline with a line per file on out, then brings the
// index up to date.
func ingest(ctx context.Context, a *app, out io.Writer, sources ...indexer.Source) (*data.Job, error) {
	p, err := indexer.New(a.store)
	if err != nil {
		return nil, err
	}
	p.Progress = func(done, total int, f data.FileOutcome) {
		printOutcome(out, done, total, f)
	}
	job, err := p.Ingest(ctx, sources...)
	if job != nil {
		fmt.Fprintf(out, "job %d: %s seen, %d added, %d updated, %d unchanged, %d failed\n",
			job.ID, plural(job.Seen, "file"), job.Added, job.Updated, job.Unchanged, job.Failed)
	}
	if err != nil {
		return job, err
	}
	n, err := a.index.Apply(a.store)
	if err != nil {
		return job, err
	}
	fmt.Fprintf(out, "index: %s updated\n", plural(n, "document"))
	return job, nil
}

func printOutcome(out io.Writer, done, total int, f data.FileOutcome) {
	switch {
	case f.Error != "":
		fmt.Fprintf(out, "[%d/%d] failed    %s: %s\n", done, total, f.Path, f.Error)
	default:
		fmt.Fprintf(out, "[%d/%d] %-9s %s\n", done, total, f.Outcome, f.Path)
	}
	for _, w := range f.Warnings {
		fmt.Fprintf(out, "        warning: %s\n", w)
	}
}
