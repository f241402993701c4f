package indexer

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"casebook/data"
)

// Inbox ingests files dropped into a folder, then moves each into done/
// or, with a NAME.error.txt beside it, into failed/.
type Inbox struct {
	Dir      string
	Pipeline *Pipeline
	Logger   *slog.Logger
	Interval time.Duration // how often the folder is looked at
	// Settle is how long a file must stay unchanged before it is taken,
	// so that files still being copied in are left alone.
	Settle time.Duration

	seen map[string]fileState // name -> size and mtime at the last look
}

type fileState struct {
	size  int64
	mtime time.Time
}

// Run watches the folder until ctx ends. A batch under way when ctx ends
// is finished, not cut short.
func (ib *Inbox) Run(ctx context.Context) error {
	for _, sub := range []string{"done", "failed"} {
		if err := os.MkdirAll(filepath.Join(ib.Dir, sub), 0o755); err != nil {
			return fmt.Errorf("inbox: %w", err)
		}
	}
	t := time.NewTicker(ib.Interval)
	defer t.Stop()
	for {
		if err := ib.Once(context.WithoutCancel(ctx)); err != nil {
			ib.Logger.Error("inbox", "dir", ib.Dir, "err", err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// Once ingests the files that have settled since the last look.
func (ib *Inbox) Once(ctx context.Context) error {
	ready, err := ib.settled()
	if err != nil || len(ready) == 0 {
		return err
	}
	abs, err := filepath.Abs(ib.Dir)
	if err != nil {
		return err
	}
	src := Source{FS: os.DirFS(abs), Label: filepath.ToSlash(abs), Files: ready}
	job, err := ib.Pipeline.Ingest(ctx, src)
	if job == nil {
		return err
	}
	ib.Logger.Info("inbox batch", "job", job.ID, "files", job.Seen, "added", job.Added, "failed", job.Failed)
	for _, f := range job.Files {
		ib.file(abs, f)
	}
	return err
}

// settled lists the regular files whose size and mtime have not changed
// since the last look and are older than Settle.
func (ib *Inbox) settled() ([]string, error) {
	entries, err := os.ReadDir(ib.Dir)
	if err != nil {
		return nil, fmt.Errorf("inbox: %w", err)
	}
	now := map[string]fileState{}
	var ready []string
	for _, e := range entries {
		if !e.Type().IsRegular() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue // gone since ReadDir
		}
		st := fileState{info.Size(), info.ModTime()}
		now[e.Name()] = st
		if prev, ok := ib.seen[e.Name()]; ok && prev == st && time.Since(st.mtime) >= ib.Settle {
			ready = append(ready, e.Name())
		}
	}
	ib.seen = now
	return ready, nil
}

// file moves one ingested file to done/ or failed/.
func (ib *Inbox) file(abs string, f data.FileOutcome) {
	name := filepath.Base(filepath.FromSlash(f.Path))
	from := filepath.Join(abs, name)
	sub := "done"
	if f.Error != "" {
		sub = "failed"
	}
	to := freeName(filepath.Join(abs, sub, name))
	if err := os.Rename(from, to); err != nil {
		ib.Logger.Error("inbox: moving file", "file", from, "err", err)
		return
	}
	delete(ib.seen, name)
	if f.Error == "" {
		return
	}
	msg := fmt.Sprintf("%s\nfailed: %s\n", name, f.Error)
	if err := os.WriteFile(to+".error.txt", []byte(msg), 0o644); err != nil {
		ib.Logger.Error("inbox: writing error file", "file", to, "err", err)
	}
}

// freeName returns path, or path with a number before its extension when
// a file of that name is already there.
func freeName(path string) string {
	if _, err := os.Lstat(path); os.IsNotExist(err) {
		return path
	}
	ext := filepath.Ext(path)
	base := strings.TrimSuffix(path, ext)
	for i := 2; ; i++ {
		p := fmt.Sprintf("%s-%d%s", base, i, ext)
		if _, err := os.Lstat(p); os.IsNotExist(err) {
			return p
		}
	}
}
