package search

import (
	"context"
	"slices"
	"testing"
)

// relevanceRun is one configuration of the evaluation: a scoring model
// and a way of searching, Casebook's own (Index.Search: every word of a
// short query, 2 or 30% of a long one, proximity and tag boosts) or
// bleve's plain one (orSearch: the field-boosted words ORed).
type relevanceRun struct {
	name, scoring string
	ours          bool
}

var relevanceRuns = []relevanceRun{
	{"tf-idf/OR", ScoringTFIDF, false},         // bleve's TF-IDF as it comes
	{"bleve-bm25/OR", ScoringBleveBM25, false}, // bleve's BM25 as it comes
	{"bm25/OR", ScoringBM25, false},
	{"tf-idf/ours", ScoringTFIDF, true},
	{"bleve-bm25/ours", ScoringBleveBM25, true},
	{"bm25/ours", ScoringBM25, true},
}

// Under the race detector, where indexing alone takes 15 s a set, the
// evaluation scores these runs on the mixed-length set, where the
// models differ most, for every fourth query (relevanceSample).
var (
	raceRuns = []string{"tf-idf/OR", "bleve-bm25/OR", "bm25/ours"}
	raceSet  = "mixed"
)

const relevanceSample = 4

// relevanceSlack is how far under its floor a figure may fall.
const relevanceSlack = 0.02

// TestRelevance scores every run on Cranfield and on the mixed-length
// set (relevance_mixed_test.go) in one index per set, and checks each
// figure against its floor and, on the goalSets, that Casebook's default
// ranking beats bleve's plain TF-IDF and BM25 on nDCG@10.
func TestRelevance(t *testing.T) {
	if testing.Short() {
		t.Skip("relevance evaluation: indexes 2,134 documents; skipped with -short")
	}
	c := loadCranfield(t)
	queries, floors := c.Queries, relevanceFloors
	if relevanceRace {
		queries, floors = sampleQueries(c.Queries, relevanceSample), relevanceSampleFloors
	}
	for _, set := range []struct {
		name string
		c    *cranfield
	}{{"cranfield", c}, {"mixed", mixedSet(c)}} {
		if relevanceRace && set.name != raceSet {
			continue
		}
		t.Run(set.name, func(t *testing.T) {
			results := evaluateRuns(t, set.c, queries)
			checkFloors(t, results, floors[set.name])
			checkGoal(t, results, goalSets[set.name])
		})
	}
}

// sampleQueries keeps every n-th query, from the first.
func sampleQueries(qs []cranQuery, n int) []cranQuery {
	var out []cranQuery
	for i := 0; i < len(qs); i += n {
		out = append(out, qs[i])
	}
	return out
}

func evaluateRuns(t *testing.T, c *cranfield, queries []cranQuery) map[string]runScores {
	ix := newRelevanceIndex(t, c.Docs)
	for _, model := range []string{ScoringBleveBM25, ScoringBM25} {
		n := explainBody(t, ix, model, "wing", "")
		t.Logf("%s: body avgFieldLength %.0f", model, n.avg)
	}
	t.Logf("%d docs, %d queries, Size 100", len(c.Docs), len(queries))
	t.Logf("%-16s %8s %8s %8s %8s %6s", "run", "nDCG@10", "MAP", "R@100", "hits/q", "empty")
	results := map[string]runScores{}
	for _, r := range relevanceRuns {
		if relevanceRace && !slices.Contains(raceRuns, r.name) {
			continue
		}
		if err := ix.SetScoring(r.scoring); err != nil {
			t.Fatal(err)
		}
		search := orSearch(ix)
		if r.ours {
			search = oursSearch(ix)
			sameAsSearch(t, ix, queries[:8])
		}
		s := evaluate(t, c, queries, search)
		results[r.name] = s
		t.Logf("%-16s %8.4f %8.4f %8.4f %8.1f %6d", r.name, s.NDCG10, s.MAP, s.R100, s.MeanHits, s.Empty)
	}
	return results
}

// sameAsSearch checks that oursSearch ranks as Index.Search does.
func sameAsSearch(t *testing.T, ix *Index, queries []cranQuery) {
	t.Helper()
	ctx := context.Background()
	for _, q := range queries {
		want, err1 := casebookSearch(ix)(ctx, q.Text)
		got, err2 := oursSearch(ix)(ctx, q.Text)
		if err1 != nil || err2 != nil || !slices.Equal(got, want) {
			t.Fatalf("query %d: oursSearch ranks %v (%v), Index.Search %v (%v)", q.ID, got, err2, want, err1)
		}
	}
}

func checkFloors(t *testing.T, results map[string]runScores, floors map[string]runScores) {
	t.Helper()
	for name, got := range results {
		floor, ok := floors[name]
		if !ok {
			t.Errorf("%s: no floor pinned", name)
			continue
		}
		for _, m := range []struct {
			name       string
			got, floor float64
		}{
			{"nDCG@10", got.NDCG10, floor.NDCG10},
			{"MAP", got.MAP, floor.MAP},
			{"R@100", got.R100, floor.R100},
		} {
			switch {
			case m.got < m.floor-relevanceSlack:
				t.Errorf("%s %s = %.4f, more than %.2f below the pinned %.4f", name, m.name, m.got, relevanceSlack, m.floor)
			case m.got > m.floor+relevanceSlack:
				t.Logf("%s %s = %.4f, above the pinned %.4f: raise the floor", name, m.name, m.got, m.floor)
			}
		}
	}
}

// checkGoal: the default ranking beats bleve's as it comes, where that
// is required, and says how it compares elsewhere.
func checkGoal(t *testing.T, results map[string]runScores, required bool) {
	t.Helper()
	ours := results[DefaultScoring+"/ours"]
	for _, base := range []string{"tf-idf/OR", "bleve-bm25/OR"} {
		got, want := ours.NDCG10, results[base].NDCG10
		switch {
		case got > want:
			t.Logf("%s/ours nDCG@10 %.4f beats %s %.4f", DefaultScoring, got, base, want)
		case required:
			t.Errorf("%s/ours nDCG@10 %.4f does not beat %s %.4f", DefaultScoring, got, base, want)
		default:
			t.Logf("%s/ours nDCG@10 %.4f does not beat %s %.4f", DefaultScoring, got, base, want)
		}
	}
}
