package search

import (
	"context"
	"fmt"

	index "github.com/blevesearch/bleve_index_api"
)

// withTimeout applies the index's timeout unless ctx ends sooner.
func (ix *Index) withTimeout(ctx context.Context) (context.Context, context.CancelFunc) {
	if _, ok := ctx.Deadline(); ok || ix.Timeout <= 0 {
		return context.WithCancel(ctx)
	}
	return context.WithTimeout(ctx, ix.Timeout)
}

// reader opens a reader on the current index snapshot; close it.
func (ix *Index) reader() (index.IndexReader, error) {
	adv, err := ix.idx.Advanced()
	if err != nil {
		return nil, fmt.Errorf("search: index reader: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, fmt.Errorf("search: index reader: %w", err)
	}
	return r, nil
}
