package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"casebook/data"
	"casebook/indexer"
	"casebook/indexer/crawl"
)

const crawlUsage = "usage: casebook crawl [--data-dir DIR] [--scope PREFIX] [--delay 1s] [--limit 500] [--user-agent UA] [--timeout 30s] URL"

type crawlCmd struct {
	out, errOut io.Writer
}

func (c *crawlCmd) Run(ctx context.Context, args []string) error {
	fs := newFlagSet("crawl", c.errOut)
	dataDir := dataDirFlag(fs)
	cr := &crawl.Crawler{}
	fs.StringVar(&cr.Scope, "scope", "", "URL prefix the crawl stays within (default: the start URL's folder) (env CASEBOOK_SCOPE)")
	fs.DurationVar(&cr.Delay, "delay", time.Second, "least pause between requests to a host; robots.txt's Crawl-delay wins when larger (env CASEBOOK_DELAY)")
	fs.IntVar(&cr.Limit, "limit", 500, "most pages to request in this run, 0 for no limit; the rest waits for the next run (env CASEBOOK_LIMIT)")
	fs.StringVar(&cr.UserAgent, "user-agent", crawl.DefaultUserAgent, "User-Agent sent, and the agent robots.txt rules are read for (env CASEBOOK_USER_AGENT)")
	fs.DurationVar(&cr.Timeout, "timeout", crawl.DefaultTimeout, "time limit of one request (env CASEBOOK_TIMEOUT)")
	if err := envFlags(fs, "scope", "delay", "limit", "user-agent", "timeout"); err != nil {
		fmt.Fprintln(c.errOut, err)
		return errUsage
	}
	urls, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(urls) != 1 {
		fmt.Fprintln(c.errOut, crawlUsage)
		return errUsage
	}
	a, err := openApp(*dataDir)
	if err != nil {
		return err
	}
	defer a.Close()
	cr.State = a.store
	return c.crawl(ctx, a, cr, urls[0])
}

// envFlags sets each named flag from CASEBOOK_<NAME> when that is set;
// the command line still wins.
func envFlags(fs *flag.FlagSet, names ...string) error {
	for _, name := range names {
		key := "CASEBOOK_" + strings.ToUpper(strings.ReplaceAll(name, "-", "_"))
		if v, ok := os.LookupEnv(key); ok && v != "" {
			if err := fs.Set(name, v); err != nil {
				return fmt.Errorf("%s=%q: %w", key, v, err)
			}
		}
	}
	return nil
}

// parseInterspersed parses flags that may come after the arguments too
// ("crawl URL --scope PREFIX") and returns the arguments.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := parse(fs, args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if len(rest) < len(args) && args[len(args)-len(rest)-1] == "--" {
			return append(pos, rest...), nil
		}
		pos, args = append(pos, rest[0]), rest[1:]
	}
}

// crawl runs the crawler into one pipeline job, a line per URL on out,
// then records the dead links and fetch errors in the job, prints a
// summary and brings the index up to date, even after an interruption.
func (c *crawlCmd) crawl(ctx context.Context, a *app, cr *crawl.Crawler, start string) error {
	p, err := indexer.New(a.store)
	if err != nil {
		return err
	}
	log := &crawlLog{out: c.out}
	crawlCtx, stopCrawl := context.WithCancel(ctx)
	defer stopCrawl()
	f := startFeed(ctx, p, start, log, stopCrawl)
	cr.OnResult = log.result
	stats, crawlErr := cr.Run(crawlCtx, start, f.emit)
	job, err := f.finish()
	if err != nil {
		return errors.Join(crawlErr, err)
	}
	if err := log.record(a.store, job, crawlErr); err != nil {
		return err
	}
	c.summary(job, stats, log, crawlErr)
	n, err := a.index.Apply(a.store)
	if err != nil {
		return errors.Join(crawlErr, err)
	}
	fmt.Fprintf(c.out, "index: %s updated\n", plural(n, "document"))
	if crawlErr != nil {
		return crawlErr
	}
	if failed := log.ingestFailed + stats.Failed; failed > 0 {
		return fmt.Errorf("%s: %w", plural(failed, "page"), errFilesFailed)
	}
	return nil
}

func (c *crawlCmd) summary(job *data.Job, stats crawl.Stats, log *crawlLog, crawlErr error) {
	fmt.Fprintf(c.out, "job %d: %s seen, %d added, %d updated, %d unchanged, %d failed\n",
		job.ID, plural(job.Seen, "page"), job.Added, job.Updated, job.Unchanged, job.Failed)
	fmt.Fprintf(c.out, "crawl: %d fetched, %d unchanged, %d failed, %s, %d skipped, %d left in frontier\n",
		stats.Fetched, stats.Unchanged, stats.Failed+log.ingestFailed, plural(stats.Dead, "dead link"), stats.Skipped, stats.Left)
	switch {
	case crawlErr != nil && stats.Left > 0:
		fmt.Fprintf(c.out, "crawl interrupted: run the same command to continue with the %s left\n", plural(stats.Left, "URL"))
	case stats.Left > 0:
		fmt.Fprintf(c.out, "crawl stopped at --limit: run the same command to continue with the %s left\n", plural(stats.Left, "URL"))
	}
}

// feed hands pages to the pipeline one at a time, each emit waiting for
// that page's outcome, so that a page counts as handled only once stored.
type feed struct {
	files   chan indexer.File
	done    chan data.FileOutcome
	stopped chan struct{} // closed when the pipeline has returned
	job     *data.Job     // set when stopped
	err     error
}

// startFeed starts the pipeline's job. The pipeline finishes the page it
// has even when ctx ends; if it stops early, stop stops the crawl.
func startFeed(ctx context.Context, p *indexer.Pipeline, label string, log *crawlLog, stop func()) *feed {
	f := &feed{files: make(chan indexer.File), done: make(chan data.FileOutcome), stopped: make(chan struct{})}
	p.Progress = func(_, _ int, o data.FileOutcome) {
		log.outcome(o)
		f.done <- o
	}
	go func() {
		defer close(f.stopped)
		defer stop()
		f.job, f.err = p.Stream(context.WithoutCancel(ctx), label, f.files)
	}()
	return f
}

// finish ends the feed and returns the pipeline's job.
func (f *feed) finish() (*data.Job, error) {
	close(f.files)
	<-f.stopped
	return f.job, f.err
}

func (f *feed) emit(p crawl.Page) error {
	select {
	case f.files <- indexer.File{Key: p.URL, Name: p.Name, Data: p.Body}:
	case <-f.stopped:
		return errors.New("the ingest pipeline has stopped")
	}
	select {
	case o := <-f.done:
		if o.Error != "" {
			return errors.New(o.Error)
		}
		return nil
	case <-f.stopped:
		return errors.New("the ingest pipeline has stopped")
	}
}

// crawlLog prints a line per URL and keeps what the job record needs
// beyond the pipeline's own outcomes.
type crawlLog struct {
	out          io.Writer
	mu           sync.Mutex
	n            int
	ingestFailed int
	extra        []data.FileOutcome // unchanged pages, dead links, fetch errors
}

// outcome prints what the pipeline did with a page.
func (l *crawlLog) outcome(o data.FileOutcome) {
	l.mu.Lock()
	defer l.mu.Unlock()
	detail := ""
	if o.Error != "" {
		l.ingestFailed++
		detail = ": " + o.Error
	}
	l.line(o.Outcome, o.Path+detail)
	for _, w := range o.Warnings {
		fmt.Fprintf(l.out, "        warning: %s\n", w)
	}
}

// result prints what became of a URL the pipeline did not see.
func (l *crawlLog) result(r crawl.Result) {
	if r.Outcome == crawl.Fetched {
		return // the pipeline's outcome says it
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	f := data.FileOutcome{Path: r.URL, Outcome: string(data.Unchanged)}
	if r.Outcome == crawl.Dead || r.Outcome == crawl.Failed {
		f.Outcome, f.Error = "failed", r.Detail
		if r.From != "" {
			f.Warnings = []string{"linked from " + r.From}
		}
	}
	switch r.Outcome {
	case crawl.Unchanged, crawl.Dead, crawl.Failed:
		l.extra = append(l.extra, f)
	}
	line := r.URL
	if r.Outcome != crawl.Unchanged {
		line += ": " + r.Detail
	}
	if r.Outcome == crawl.Dead && r.From != "" {
		line += " (linked from " + r.From + ")"
	}
	l.line(string(r.Outcome), line)
}

func (l *crawlLog) line(outcome, text string) {
	l.n++
	fmt.Fprintf(l.out, "[%d] %-10s %s\n", l.n, outcome, text)
}

// record adds the unchanged pages, dead links and fetch errors to the
// job, and marks it stopped when the crawl was.
func (l *crawlLog) record(store *data.Store, job *data.Job, crawlErr error) error {
	for _, f := range l.extra {
		job.Seen++
		if f.Error != "" {
			job.Failed++
		} else {
			job.Unchanged++
		}
		job.Files = append(job.Files, f)
	}
	if crawlErr != nil {
		job.Status, job.Error = data.JobFailed, crawlErr.Error()
	}
	return store.SaveJob(job)
}
