package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"casebook/indexer"
	"casebook/search"
	"casebook/web"
)

// shutdownGrace is how long running requests get to finish on shutdown.
const shutdownGrace = 10 * time.Second

type serveCmd struct {
	out, errOut io.Writer
	// ready, when set, receives the address once the server listens.
	ready chan<- string
}

func (c *serveCmd) Run(ctx context.Context, args []string) error {
	fs := newFlagSet("serve", c.errOut)
	dataDir := dataDirFlag(fs)
	addr := fs.String("addr", env("CASEBOOK_ADDR", ":8080"), "address to listen on (env CASEBOOK_ADDR)")
	inbox := fs.String("inbox", env("CASEBOOK_INBOX", ""), "folder to watch: files dropped there are ingested, then moved to done/ or failed/ (env CASEBOOK_INBOX)")
	access := accessFlags(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	a, err := openApp(*dataDir)
	if err != nil {
		return err
	}
	defer a.Close()
	if err := c.prepare(ctx, a); err != nil {
		return err
	}
	if err := c.adminHint(a); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	return c.serve(ctx, a, ln, *inbox, *access)
}

// prepare replays what the index has not applied, and fills an empty data
// dir with the bundled sample corpus.
func (c *serveCmd) prepare(ctx context.Context, a *app) error {
	n, err := a.index.Apply(a.store)
	if err != nil {
		return err
	}
	if n > 0 {
		fmt.Fprintf(c.out, "index: replayed %s\n", plural(n, "change"))
	}
	jobs, err := a.store.Jobs(1)
	if err != nil || len(jobs) > 0 {
		return err
	}
	fmt.Fprintln(c.out, "empty data dir: ingesting the bundled sample corpus")
	job, err := ingest(ctx, a, io.Discard, nil, indexer.SampleSource())
	if err != nil {
		return err
	}
	fmt.Fprintf(c.out, "sample corpus: %d added, %d failed\n", job.Added, job.Failed)
	return nil
}

// serve runs the HTTP server, the index syncer and the inbox until ctx
// ends, then shuts down in reverse order: requests drain, the inbox
// finishes its batch, the syncer applies what is left, and the caller
// closes index and store.
func (c *serveCmd) serve(ctx context.Context, a *app, ln net.Listener, inbox string, access access) error {
	syncer := search.NewSyncer(a.index, a.store)
	syncCtx, stopSync := context.WithCancel(context.Background())
	synced := make(chan struct{})
	go func() { defer close(synced); syncer.Run(syncCtx) }()
	defer func() { stopSync(); <-synced }()
	if inbox != "" {
		done, err := c.watchInbox(ctx, a, inbox, syncer.Notify)
		if err != nil {
			return err
		}
		defer func() { <-done }()
	}
	purgeCtx, stopPurge := context.WithCancel(context.Background())
	purged := purgeSessions(purgeCtx, a.store, sessionPurgeEvery)
	defer func() { stopPurge(); <-purged }()

	ws, err := web.NewServer(a.index, a.store, slog.Default(), version())
	if err != nil {
		return err
	}
	access.apply(ws, a.store)
	if ws.Staff, err = staffWorkflow(ctx, a, syncer.Notify); err != nil {
		return err
	}
	defer ws.Staff.Wait() // before the syncer's last apply: jobs finish first
	srv := &http.Server{Handler: ws.Handler(), ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	fmt.Fprintf(c.out, "casebook: serving http://%s\n", ln.Addr())
	if c.ready != nil {
		c.ready <- ln.Addr().String()
	}
	select {
	case err := <-served:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	fmt.Fprintln(c.out, "casebook: shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: shutdown: %w", err)
	}
	return nil
}

// watchInbox ingests files dropped into dir until ctx ends; the returned
// channel closes when the inbox has stopped.
func (c *serveCmd) watchInbox(ctx context.Context, a *app, dir string, notify func()) (<-chan struct{}, error) {
	p, err := indexer.New(a.store)
	if err != nil {
		return nil, err
	}
	p.OnStored = notify
	ib := &indexer.Inbox{Dir: dir, Pipeline: p, Logger: slog.Default(), Interval: 2 * time.Second, Settle: time.Second}
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := ib.Run(ctx); err != nil {
			slog.Error("inbox stopped", "err", err)
		}
	}()
	fmt.Fprintf(c.out, "casebook: watching inbox %s\n", dir)
	return done, nil
}
