package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"strconv"
	"time"

	"casebook/data"
	"casebook/web"
)

// sessionPurgeEvery is how often serve deletes ended sessions.
const sessionPurgeEvery = time.Hour

// access is who may do what on the served site.
type access struct {
	private    bool
	trustProxy bool
}

// accessFlags registers --private and --trust-proxy.
func accessFlags(fs *flag.FlagSet) *access {
	a := &access{}
	fs.BoolVar(&a.private, "private", envBool("CASEBOOK_PRIVATE"),
		"every page needs a login, not only the staff and admin pages (env CASEBOOK_PRIVATE)")
	fs.BoolVar(&a.trustProxy, "trust-proxy", envBool("CASEBOOK_TRUST_PROXY"),
		"behind one reverse proxy: believe its X-Forwarded-Proto (https makes cookies Secure) and X-Forwarded-For (env CASEBOOK_TRUST_PROXY)")
	return a
}

// envBool reads a boolean variable; anything but a true value is false.
func envBool(name string) bool {
	v, _ := strconv.ParseBool(env(name, "false"))
	return v
}

// apply gives the web server the accounts and the access settings.
func (a access) apply(ws *web.Server, store *data.Store) {
	ws.Accounts, ws.Private, ws.TrustProxy = store, a.private, a.trustProxy
}

// adminHint tells the operator how to make the first admin; serve never
// makes an account by itself.
func (c *serveCmd) adminHint(a *app) error {
	ok, err := a.store.HasAdmin()
	if err != nil || ok {
		return err
	}
	fmt.Fprintln(c.out, "casebook: no admin account yet; to make one, stop the server and run: casebook user add NAME --role admin")
	return nil
}

// purgeSessions deletes ended sessions every interval until ctx ends;
// the returned channel closes when it has stopped.
func purgeSessions(ctx context.Context, store *data.Store, every time.Duration) <-chan struct{} {
	done := make(chan struct{})
	t := time.NewTicker(every)
	go func() {
		defer close(done)
		defer t.Stop()
		purgeLoop(ctx, t.C, store.PurgeSessions)
	}()
	return done
}

// purgeLoop calls purge on every tick until ctx ends.
func purgeLoop(ctx context.Context, tick <-chan time.Time, purge func() (int, error)) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick:
			if n, err := purge(); err != nil {
				slog.Error("purging sessions", "err", err)
			} else if n > 0 {
				slog.Info("purged ended sessions", "count", n)
			}
		}
	}
}
