package main

import (
	"context"
	"fmt"
	"io"
)

type reindexCmd struct {
	out, errOut io.Writer
}

func (c *reindexCmd) Run(ctx context.Context, args []string) error {
	fs := newFlagSet("reindex", c.errOut)
	dataDir := dataDirFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	a, err := openApp(*dataDir)
	if err != nil {
		return err
	}
	defer a.Close()
	if err := a.store.ReindexIssues(); err != nil {
		return err
	}
	n, err := a.index.Rebuild(a.store)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.out, "reindexed %s\n", plural(n, "document"))
	return nil
}
