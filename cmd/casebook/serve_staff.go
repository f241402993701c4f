package main

import (
	"context"
	"time"

	"casebook/indexer"
	"casebook/web"
)

// staffWorkflow gives the web server its staff pages. Uploads and
// re-ingests run on a pipeline that tells the syncer of every write; a
// job under way when ctx ends is finished (web.Staff.Wait waits for it).
func staffWorkflow(ctx context.Context, a *app, notify func()) (*web.Staff, error) {
	p, err := indexer.New(a.store)
	if err != nil {
		return nil, err
	}
	p.OnStored, p.ProgressEvery = notify, time.Second
	return web.NewStaff(ctx, a.store, p, notify), nil
}
