package indexer

import (
	"context"
	"fmt"
	"io"
	"path"
	"strings"

	"casebook/data"
	"casebook/indexer/extract"
)

// Batch is files already read, such as a staff upload, to ingest as one
// job: StartBatch stores the job record and RunBatch fills it, so that a
// caller can show the job's page while it runs.
type Batch struct {
	Files []File
	// Corrections are recorded for every document of the batch, with
	// them in the same transaction: the metadata staff gave the upload.
	// They survive re-ingest like any correction.
	Corrections []data.Correction
	// Archive links the pages to the archive as the store holds it: a
	// re-ingested newsletter page keeps its other-language edition.
	Archive bool
}

// StartBatch stores a running job for b that lists its files.
func (p *Pipeline) StartBatch(b Batch) (*data.Job, error) {
	job := &data.Job{Total: len(b.Files)}
	for _, f := range b.Files {
		job.Paths = append(job.Paths, f.Key)
	}
	if err := p.Store.CreateJob(job); err != nil {
		return nil, err
	}
	return job, nil
}

// RunBatch ingests b as job, which StartBatch made. A file that fails is
// recorded with its reason and the rest go on; err is set only when the
// job itself could not run or ctx ended it.
func (p *Pipeline) RunBatch(ctx context.Context, job *data.Job, b Batch) (*data.Job, error) {
	in := make(chan task)
	go func() {
		defer close(in)
		for _, f := range b.Files {
			t := task{key: f.Key, name: f.Name, read: func() ([]byte, error) { return f.Data, nil }, corrections: b.Corrections}
			if b.Archive {
				t.exists = p.stored
			}
			select {
			case in <- t:
			case <-ctx.Done():
				return
			}
		}
	}()
	return p.execute(ctx, job, len(b.Files), in, nil)
}

// stored reports whether the store has a document from file key.
func (p *Pipeline) stored(key string) bool {
	if _, err := p.Store.DocumentBySource(key); err == nil {
		return true
	}
	parts, err := p.Store.SourcesUnder(key + "#")
	return err == nil && len(parts) > 0
}

// ReingestBatch is the batch that reads document id's stored original
// again: the whole file it came from, under the same source key, so the
// same documents are updated and staff corrections apply again.
func (p *Pipeline) ReingestBatch(id string) (Batch, error) {
	doc, err := p.Store.Document(id)
	if err != nil {
		return Batch{}, fmt.Errorf("indexer.ReingestBatch: %w", err)
	}
	if doc.Hash == "" {
		return Batch{}, fmt.Errorf("indexer.ReingestBatch %s: no stored original: %w", id, data.ErrNotFound)
	}
	raw, err := readOriginal(p.Store, doc.Hash)
	if err != nil {
		return Batch{}, fmt.Errorf("indexer.ReingestBatch %s: %w", id, err)
	}
	key, _, _ := strings.Cut(doc.Source, "#")
	f := File{Key: key, Name: path.Base(key), Data: raw}
	return Batch{Files: []File{f}, Archive: doc.Counterpart != "" || doc.Issue != nil}, nil
}

// readOriginal reads a stored original, within the size any file may have.
func readOriginal(st *data.Store, hash string) ([]byte, error) {
	rc, err := st.OpenOriginal(hash)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	raw, err := io.ReadAll(io.LimitReader(rc, extract.MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("reading original %s: %w", hash, err)
	}
	if len(raw) > extract.MaxSize {
		return nil, fmt.Errorf("original %s: %w", hash, extract.ErrTooLarge)
	}
	return raw, nil
}
