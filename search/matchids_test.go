package search

import (
	"context"
	"slices"
	"testing"

	bsearch "github.com/blevesearch/bleve/v2/search"
	index "github.com/blevesearch/bleve_index_api"
)

// TestMatchIDsWithExclusions: under every scoring model, the unscored
// pass that finds a query's matches works for queries with -words,
// whose postings bleve merges into the pseudo-field "*" (see
// trueBM25Stats), and finds what the scored query matches.
func TestMatchIDsWithExclusions(t *testing.T) {
	ix := newRelevanceIndex(t, rerankDocs())
	ctx := context.Background()
	for _, model := range scoringModels {
		if err := ix.SetScoring(model); err != nil {
			t.Fatal(err)
		}
		r, err := ix.reader()
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		for q, n := range map[string]int{"control -filler": 8, "flood control -filler": 8, "city -filler": 60, "-filler": 68} {
			p, err := ix.plan(Request{Query: q})
			if err != nil {
				t.Fatal(err)
			}
			got, err := matchIDs(ctx, r, ix.idx.Mapping(), p.query(""))
			if err != nil {
				t.Fatalf("%s %q: %v", model, q, err)
			}
			want, err := collectIDs(ctx, r, ix.idx.Mapping(), p.query(""), bsearch.SearcherOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != n || !slices.EqualFunc(got, want, index.IndexInternalID.Equals) {
				t.Errorf("%s %q: %d matches unscored, %d scored, want %d", model, q, len(got), len(want), n)
			}
		}
	}
}
