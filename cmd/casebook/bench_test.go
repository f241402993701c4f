package main

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"

	"casebook/data"
	"casebook/indexer"
	"casebook/search"
)

// The benchmarks compare Casebook with raw bleve on the same documents:
//
//	go test -run '^$' -bench . -benchtime 20x ./cmd/casebook/
//
// Ingest: the whole pipeline (extract, enrich, store, index) over the
// sample corpus, against bleve's default mapping indexing the same
// extracted text in one batch. Query: a faceted search with two
// selections and disjunctive counts, against the bleve requests that give
// the same hits and counts.

func ingestSample(b *testing.B, dir string) *app {
	b.Helper()
	a, err := openApp(dir)
	if err != nil {
		b.Fatal(err)
	}
	p, err := indexer.New(a.store)
	if err != nil {
		b.Fatal(err)
	}
	p.Logger = discardLogger()
	if _, err := p.Ingest(context.Background(), indexer.SampleSource()); err != nil {
		b.Fatal(err)
	}
	if _, err := a.index.Apply(a.store); err != nil {
		b.Fatal(err)
	}
	return a
}

func BenchmarkIngestSample(b *testing.B) {
	for b.Loop() {
		a := ingestSample(b, b.TempDir())
		a.Close()
	}
}

func discardLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// storedDocs returns the sample corpus as the pipeline stored it.
func storedDocs(b *testing.B) []*data.Document {
	a := ingestSample(b, b.TempDir())
	defer a.Close()
	var docs []*data.Document
	_, err := a.store.Snapshot(500, func(ds []*data.Document) error {
		docs = append(docs, ds...)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return docs
}

// rawDoc is the extracted text and facets as plain bleve would see them.
type rawDoc struct {
	Title, Summary, Body string
	City, Theme          []string
	Year                 float64
	YearKey              string
}

// rawMapping is bleve's default mapping plus the keyword fields that any
// faceted bleve application needs.
func rawMapping() *mapping.IndexMappingImpl {
	m := bleve.NewIndexMapping()
	for _, f := range []string{"City", "Theme", "YearKey"} {
		kw := bleve.NewKeywordFieldMapping()
		m.DefaultMapping.AddFieldMappingsAt(f, kw)
	}
	return m
}

func rawIndex(b *testing.B, docs []*data.Document) bleve.Index {
	idx, err := bleve.New(filepath.Join(b.TempDir(), "raw"), rawMapping())
	if err != nil {
		b.Fatal(err)
	}
	batch := idx.NewBatch()
	for _, d := range docs {
		batch.Index(d.ID, rawDoc{d.Title, d.Summary, d.Body, d.Cities(), d.Themes(), float64(d.Year), strconv.Itoa(d.Year)})
	}
	if err := idx.Batch(batch); err != nil {
		b.Fatal(err)
	}
	return idx
}

func BenchmarkIngestSampleRawBleve(b *testing.B) {
	docs := storedDocs(b)
	b.ResetTimer()
	for b.Loop() {
		rawIndex(b, docs).Close()
	}
}

var benchRequest = search.Request{
	Query:   "waste recycling",
	Filters: map[string][]string{"city": {"Bangkok", "Hanoi"}, "year": {"2009..2014"}},
}

func BenchmarkFacetedQuery(b *testing.B) {
	a := ingestSample(b, b.TempDir())
	defer a.Close()
	ctx := context.Background()
	for b.Loop() {
		if _, err := a.index.Search(ctx, benchRequest); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFacetedQueryRawBleve sends raw bleve the three requests that
// give the same hits and disjunctive counts: the main one with every
// facet's counts, and one count-only request per selected facet.
func BenchmarkFacetedQueryRawBleve(b *testing.B) {
	idx := rawIndex(b, storedDocs(b))
	defer idx.Close()
	text := bleve.NewMatchQuery("waste recycling")
	text.SetOperator(query.MatchQueryOperatorAnd)
	city := bleve.NewDisjunctionQuery(termIn("City", "Bangkok"), termIn("City", "Hanoi"))
	lo, hi, yes := 2009.0, 2014.0, true
	year := bleve.NewNumericRangeInclusiveQuery(&lo, &hi, &yes, &yes)
	year.SetField("Year")
	ctx := context.Background()
	for b.Loop() {
		main := bleve.NewSearchRequest(bleve.NewConjunctionQuery(text, city, year))
		main.Fields = []string{"Title", "City", "Theme", "Year"}
		main.Highlight = bleve.NewHighlight()
		main.AddFacet("theme", bleve.NewFacetRequest("Theme", 40))
		cities := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(text, year), 0, 0, false)
		cities.AddFacet("city", bleve.NewFacetRequest("City", 60))
		years := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(text, city), 0, 0, false)
		years.AddFacet("year", bleve.NewFacetRequest("YearKey", 100))
		for _, r := range []*bleve.SearchRequest{main, cities, years} {
			if _, err := idx.SearchInContext(ctx, r); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func termIn(field, v string) query.Query {
	q := bleve.NewTermQuery(v)
	q.SetField(field)
	return q
}
