package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"casebook/data"
	"casebook/indexer"
	"casebook/indexer/records"
)

// reutersDir is the Reuters-21578 collection in the shared corpora.
const reutersDir = "../../../shared/corpora/reuters21578"

func needReuters(b *testing.B) {
	if _, err := os.Stat(reutersDir); err != nil {
		b.Skipf("../shared/corpora not present (%v): Reuters benchmarks skipped", err)
	}
}

// reutersSource is the 22 SGML files alone.
func reutersSource(b *testing.B) indexer.Source {
	src, err := indexer.PathSource(reutersDir)
	if err != nil {
		b.Fatal(err)
	}
	src.Files, _ = filepath.Glob(filepath.Join(reutersDir, "reut2-*.sgm"))
	for i, f := range src.Files {
		src.Files[i] = filepath.Base(f)
	}
	return src
}

// BenchmarkIngestReuters is `casebook ingest --mapping reuters21578` on
// Reuters-21578: SGML records, enrichment, the store with its syncs, and
// the index, through the same function the command runs.
//
//	go test -run '^$' -bench Reuters -benchtime 1x -count 3 ./cmd/casebook/
func BenchmarkIngestReuters(b *testing.B) {
	needReuters(b)
	m, err := loadMapping("reuters21578")
	if err != nil {
		b.Fatal(err)
	}
	var docs int
	for b.Loop() {
		a, err := openApp(b.TempDir())
		if err != nil {
			b.Fatal(err)
		}
		configure := func(p *indexer.Pipeline) { p.Logger, p.Mappings = discardLogger(), []*records.Mapping{m} }
		if _, err := ingest(context.Background(), a, io.Discard, configure, reutersSource(b)); err != nil {
			b.Fatal(err)
		}
		docs, _ = a.store.CountDocuments()
		a.Close()
	}
	b.ReportMetric(float64(docs)*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkIngestReutersRawBleve indexes the same extracted records with
// bleve's default mapping plus keyword facets, in batches of the same
// size as Casebook's (4,096), and nothing
// else: the floor the pipeline is measured against.
func BenchmarkIngestReutersRawBleve(b *testing.B) {
	needReuters(b)
	docs := reutersDocs(b)
	for b.Loop() {
		idx, err := bleve.New(filepath.Join(b.TempDir(), "raw"), rawMapping())
		if err != nil {
			b.Fatal(err)
		}
		batch := idx.NewBatch()
		for _, d := range docs {
			batch.Index(d.ID, rawDoc{Title: d.Title, Summary: d.Summary, Body: d.Body, City: d.Countries(), Theme: d.Themes()})
			if batch.Size() >= 4096 {
				if err := idx.Batch(batch); err != nil {
					b.Fatal(err)
				}
				batch = idx.NewBatch()
			}
		}
		if err := idx.Batch(batch); err != nil {
			b.Fatal(err)
		}
		idx.Close()
	}
	b.ReportMetric(float64(len(docs))*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

func reutersDocs(b *testing.B) []*data.Document {
	m, err := loadMapping("reuters21578")
	if err != nil {
		b.Fatal(err)
	}
	a, err := openApp(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer a.Close()
	p, _ := indexer.New(a.store)
	p.Logger, p.Mappings = discardLogger(), []*records.Mapping{m}
	if _, err := p.Ingest(context.Background(), reutersSource(b)); err != nil {
		b.Fatal(err)
	}
	var docs []*data.Document
	a.store.Snapshot(1000, func(ds []*data.Document) error { docs = append(docs, ds...); return nil })
	return docs
}
