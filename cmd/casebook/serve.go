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
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	return c.serve(ctx, a, ln)
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
	job, err := ingest(ctx, a, io.Discard, indexer.SampleSource())
	if err != nil {
		return err
	}
	fmt.Fprintf(c.out, "sample corpus: %d added, %d failed\n", job.Added, job.Failed)
	return nil
}

// serve runs the HTTP server and the index syncer until ctx ends, then
// shuts down in reverse order: requests drain, the syncer applies what is
// left, and the caller closes index and store.
func (c *serveCmd) serve(ctx context.Context, a *app, ln net.Listener) error {
	syncer := search.NewSyncer(a.index, a.store)
	syncCtx, stopSync := context.WithCancel(context.Background())
	synced := make(chan struct{})
	go func() { defer close(synced); syncer.Run(syncCtx) }()
	defer func() { stopSync(); <-synced }()

	ws, err := web.NewServer(a.index, a.store, slog.Default(), version())
	if err != nil {
		return err
	}
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
