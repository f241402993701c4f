package search

import (
	"context"
	"fmt"
	"maps"
	"math"
	"slices"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// keyScoring holds the scoring model set with SetScoring.
var keyScoring = []byte("casebook:scoring")

// SetScoring makes the index score text with model (ScoringTFIDF,
// ScoringBleveBM25 or ScoringBM25). It takes effect at once, since every
// model reads only what the index holds anyway, and lasts until the
// index is recreated (Rebuild, a new MappingVersion), which goes back to
// DefaultScoring.
func (ix *Index) SetScoring(model string) error {
	if !slices.Contains(scoringModels, model) {
		return fmt.Errorf("%w: unknown scoring model %q", ErrBadRequest, model)
	}
	if err := ix.idx.SetInternal(keyScoring, []byte(model)); err != nil {
		return fmt.Errorf("search.SetScoring: %w", err)
	}
	return nil
}

// Scoring returns the index's scoring model.
func (ix *Index) Scoring() (string, error) {
	v, err := ix.idx.GetInternal(keyScoring)
	if err != nil {
		return "", fmt.Errorf("search.Scoring: %w", err)
	}
	return scoringOf(v), nil
}

func scoringOf(v []byte) string {
	if m := string(v); slices.Contains(scoringModels, m) {
		return m
	}
	return DefaultScoring
}

// scoredQuery scores the term searchers under it with the index's model.
// bleve picks a model per index from its mapping and, for BM25, takes the
// average field length from context when a caller supplies it (index
// aliases do, for shared statistics); the wrapper sets both, read from
// the snapshot being searched, so the totals always match the documents.
type scoredQuery struct{ q query.Query }

// scored wraps q; wrapping twice costs nothing.
func scored(q query.Query) query.Query {
	if _, ok := q.(scoredQuery); ok || q == nil {
		return q
	}
	return scoredQuery{q}
}

// scoringSet marks a context whose scoring is already set; its value is
// the model.
type scoringSet struct{}

func (s scoredQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, o search.SearcherOptions) (search.Searcher, error) {
	if ctx.Value(scoringSet{}) == nil {
		var err error
		if ctx, err = withScoring(ctx, r); err != nil {
			return nil, err
		}
	}
	return s.q.Searcher(ctx, r, m, o)
}

func withScoring(ctx context.Context, r index.IndexReader) (context.Context, error) {
	v, err := r.GetInternal(keyScoring)
	if err != nil {
		return nil, fmt.Errorf("search: scoring model: %w", err)
	}
	model := scoringOf(v)
	var stats *search.BM25Stats
	if model == ScoringBM25 {
		if stats, err = trueBM25Stats(r); err != nil {
			return nil, err
		}
		if stats == nil {
			model = ScoringBleveBM25 // no totals yet: an index from before them
		}
	}
	bleveModel := index.TFIDFScoring
	if model != ScoringTFIDF {
		bleveModel = index.BM25Scoring
	}
	ctx = context.WithValue(ctx, scoringSet{}, model)
	ctx = context.WithValue(ctx, search.GetScoringModelCallbackKey,
		search.GetScoringModelCallbackFn(func() string { return bleveModel }))
	if stats != nil {
		ctx = context.WithValue(ctx, search.BM25StatsKey, stats)
	}
	return ctx, nil
}

// idfOnce scores a term with its idf once under ScoringBM25. bleve's BM25
// multiplies its term score, which holds the idf, by a query weight that
// holds it again (boost·idf·queryNorm, from its TF-IDF), so rare words
// weigh the square of what BM25 gives them.
func idfOnce(tq *query.TermQuery) query.Query { return idfOnceQuery{tq} }

type idfOnceQuery struct{ tq *query.TermQuery }

func (q idfOnceQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, o search.SearcherOptions) (search.Searcher, error) {
	s, err := q.tq.Searcher(ctx, r, m, o)
	boost := q.tq.Boost()
	if err != nil || o.Score == "none" || boost <= 0 || ctx.Value(scoringSet{}) != ScoringBM25 {
		return s, err
	}
	// The term searcher's weight is (boost·idf)²: its root is the idf.
	idf := math.Sqrt(s.Weight()) / boost
	if idf <= 0 {
		return s, nil
	}
	return &idfOnceSearcher{s, idf}, nil
}

// idfOnceSearcher divides the idf out of the query weight.
type idfOnceSearcher struct {
	search.Searcher
	idf float64
}

func (s *idfOnceSearcher) Weight() float64 { return s.Searcher.Weight() / (s.idf * s.idf) }

func (s *idfOnceSearcher) SetQueryNorm(n float64) { s.Searcher.SetQueryNorm(n / s.idf) }

// trueBM25Stats gives bleve the true average length of each text field,
// over the documents that have it, where bleve would use the size of the
// field's term dictionaries (see relevance_bm25_test.go). bleve divides
// the "cardinality" by the document count and rounds up, so the average
// goes in multiplied by that count; other fields (facets, whose values
// are one token each) average 1. It returns nil when the index keeps no
// totals.
func trueBM25Stats(r index.IndexReader) (*search.BM25Stats, error) {
	t, ok, err := readLengthTotals(r)
	if err != nil || !ok {
		return nil, err
	}
	n, err := r.DocCount()
	if err != nil {
		return nil, fmt.Errorf("search: bm25 statistics: %w", err)
	}
	fields, err := r.Fields()
	if err != nil {
		return nil, fmt.Errorf("search: bm25 statistics: %w", err)
	}
	// bleve fails a search on a field missing here, even one no document
	// has: so every field of the index and of the mapping.
	stats := &search.BM25Stats{DocCount: float64(n), FieldCardinality: map[string]int{}}
	for _, f := range slices.Concat(fields, slices.Collect(maps.Values(facetField))) {
		stats.FieldCardinality[f] = int(n)
	}
	// Unscored, bleve merges the postings of a disjunction or conjunction
	// of terms into one term searcher of the pseudo-field "*" (scorch's
	// OptimizeTFR...UnadornedField), which asks for its statistics too.
	stats.FieldCardinality["*"] = int(n)
	for i, f := range lengthFields {
		stats.FieldCardinality[f] = int(n)
		if t.Docs[i] > 0 {
			avg := float64(t.Tokens[i]) / float64(t.Docs[i])
			stats.FieldCardinality[f] = int(math.Round(avg * float64(n)))
		}
	}
	return stats, nil
}
