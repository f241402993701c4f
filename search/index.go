package search

import (
	"encoding/binary"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/blevesearch/bleve/v2"

	"casebook/data"
)

// Keys of Casebook's own values inside the index (bleve internal storage).
var (
	keySeq     = []byte("casebook:seq")
	keyMapping = []byte("casebook:mapping")
)

// ErrBadRequest is wrapped by errors for requests that cannot be run.
var ErrBadRequest = errors.New("bad search request")

// Index is the bleve implementation of Searcher. It is derived data: the
// store's change log is applied to it by Apply, and Rebuild recreates it.
type Index struct {
	idx    bleve.Index
	path   string
	Logger *slog.Logger
	// Timeout bounds every search that has no earlier deadline.
	Timeout time.Duration
	facets  facetTables // per facet field, every document's values
	syn     synonymState
}

// Open opens the index at path, creating it if missing. An index written
// with another MappingVersion is removed and recreated empty, so the next
// Apply replays the whole change log into it.
func Open(path string) (*Index, error) {
	ix := &Index{path: path, Logger: slog.Default(), Timeout: 5 * time.Second}
	idx, err := bleve.Open(path)
	if errors.Is(err, bleve.ErrorIndexPathDoesNotExist) {
		return ix, ix.create()
	}
	if err != nil {
		return nil, fmt.Errorf("search.Open %s: %w", path, err)
	}
	ix.idx = idx
	v, err := idx.GetInternal(keyMapping)
	if err != nil {
		idx.Close()
		return nil, fmt.Errorf("search.Open %s: %w", path, err)
	}
	if string(v) != MappingVersion {
		ix.Logger.Info("index mapping changed, rebuilding", "have", string(v), "want", MappingVersion)
		return ix, ix.recreate()
	}
	return ix, nil
}

func (ix *Index) create() error {
	m, err := NewMapping()
	if err != nil {
		return fmt.Errorf("search: mapping: %w", err)
	}
	idx, err := bleve.New(ix.path, m)
	if err != nil {
		return fmt.Errorf("search: creating %s: %w", ix.path, err)
	}
	if err := idx.SetInternal(keyMapping, []byte(MappingVersion)); err != nil {
		idx.Close()
		return fmt.Errorf("search: creating %s: %w", ix.path, err)
	}
	ix.idx = idx
	return nil
}

func (ix *Index) recreate() error {
	if ix.idx != nil {
		ix.idx.Close()
		ix.idx = nil
	}
	if err := os.RemoveAll(ix.path); err != nil {
		return fmt.Errorf("search: removing %s: %w", ix.path, err)
	}
	return ix.create()
}

// Close closes the index.
func (ix *Index) Close() error {
	if ix.idx == nil {
		return nil
	}
	return ix.idx.Close()
}

// Bleve returns the underlying bleve index, for benchmarks and checks.
func (ix *Index) Bleve() bleve.Index { return ix.idx }

// Count returns how many documents the index holds.
func (ix *Index) Count() (uint64, error) { return ix.idx.DocCount() }

// Applied returns the last change-log sequence applied to the index.
func (ix *Index) Applied() (uint64, error) {
	v, err := ix.idx.GetInternal(keySeq)
	if err != nil {
		return 0, fmt.Errorf("search.Applied: %w", err)
	}
	if len(v) != 8 {
		return 0, nil
	}
	return binary.BigEndian.Uint64(v), nil
}

func seqBytes(seq uint64) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, seq)
	return b
}

// Changes is the part of the store that Apply reads.
type Changes interface {
	Changes(after uint64, limit int) (*data.Pending, error)
}

// applyBatch is how many change-log entries go into one bleve batch.
const applyBatch = 4096

// Apply indexes every change after the applied sequence, in batches. Each
// batch records its last sequence in the same bleve batch, so a crash
// leaves the index at a batch boundary and the rest is replayed. It
// returns how many documents were indexed or deleted.
func (ix *Index) Apply(store Changes) (int, error) {
	total := 0
	for {
		seq, err := ix.Applied()
		if err != nil {
			return total, err
		}
		p, err := store.Changes(seq, applyBatch)
		if err != nil {
			return total, fmt.Errorf("search.Apply: %w", err)
		}
		if p.Seq == seq {
			return total, nil
		}
		if err := ix.write(p.Puts, p.Deletes, p.Seq); err != nil {
			return total, err
		}
		total += len(p.Puts) + len(p.Deletes)
	}
}

func (ix *Index) write(puts []*data.Document, deletes []string, seq uint64) error {
	b := ix.idx.NewBatch()
	if err := ix.addWithLengths(b, puts, deletes); err != nil {
		return err
	}
	b.SetInternal(keySeq, seqBytes(seq))
	if err := ix.idx.Batch(b); err != nil {
		return fmt.Errorf("search: writing batch up to %d: %w", seq, err)
	}
	return nil
}

// Snapshotter is the part of the store that Rebuild reads.
type Snapshotter interface {
	Snapshot(size int, fn func([]*data.Document) error) (uint64, error)
}

// Rebuild recreates the index from every stored document and records the
// sequence the snapshot was taken at. Changes after it are left to Apply.
func (ix *Index) Rebuild(store Snapshotter) (int, error) {
	if err := ix.recreate(); err != nil {
		return 0, err
	}
	n := 0
	seq, err := store.Snapshot(applyBatch, func(docs []*data.Document) error {
		n += len(docs)
		return ix.write(docs, nil, 0)
	})
	if err != nil {
		return n, fmt.Errorf("search.Rebuild: %w", err)
	}
	if err := ix.idx.SetInternal(keySeq, seqBytes(seq)); err != nil {
		return n, fmt.Errorf("search.Rebuild: %w", err)
	}
	return n, nil
}
