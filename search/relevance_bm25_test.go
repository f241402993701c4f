package search

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"

	"casebook/data"
)

// What Explain shows of bleve's BM25 (v2.6.3). A term's score is
//
//	idf · k1·tf / (tf + k1·(1 - b + b·fieldLength/avgFieldLength))
//
// (tf is the square root of the frequency) with fieldLength the
// document's true length (from the posting's norm)
// but avgFieldLength = ceil(cardinality / docCount), where cardinality
// is the number of distinct terms in the field's dictionary, summed over
// the index segments (search/searcher/search_term.go, bm25ScoreMetrics;
// index/scorch/snapshot_index.go, FieldCardinality). That is a count of
// words, not of tokens: on Cranfield's bodies it is 4 where the true
// average is 95 (on the mixed-length set 7 against 181), so
// fieldLength/avgFieldLength is about 24 for a document of average
// length and a term's score falls nearly as 1/length, far harsher than
// b = 0.75 intends. On the mixed-length set that buries the reports:
// nDCG@10 0.248 with plain ORed words, against 0.376 for bleve's TF-IDF
// and 0.416 with the true average (relevance_run_test.go).
// The figure also grows with the number of segments, since a word in two
// segments counts twice, so it changes as the index merges.
//
// ScoringBM25 gives bleve the true average (scoring.go). bleve also
// multiplies the term score, idf included, by a query weight holding the
// idf again; ScoringBM25 takes that second idf out (idfOnce).

// bm25Docs have body lengths 9, 9 and 3 tokens (true mean 7) and 4
// distinct body words among 3 documents (bleve's mean: ceil(4/3) = 2).
var bm25Docs = []*data.Document{
	{ID: "long1", Title: "one", Body: "river river river river river river river river flood"},
	{ID: "long2", Title: "two", Body: "canal canal canal canal canal canal canal canal canal"},
	{ID: "short", Title: "three", Body: "flood water canal"},
}

// TestBM25AverageLength shows with Explain how bleve's BM25 and
// ScoringBM25 take the average body length, and that the lengths the
// index keeps are the ones bleve scores with.
func TestBM25AverageLength(t *testing.T) {
	ix := newRelevanceIndex(t, bm25Docs)
	for _, d := range bm25Docs {
		stored, ok, err := ix.storedLens(d.ID)
		if err != nil || !ok {
			t.Fatalf("%s: no stored lengths (%v)", d.ID, err)
		}
		norms := explainBody(t, ix, ScoringBleveBM25, strings.Fields(d.Body)[0], d.ID)
		if got := int64(math.Round(norms.length)); got != stored[3] {
			t.Errorf("%s: bleve scores a body of %d tokens, the index counted %d", d.ID, got, stored[3])
		}
	}
	for _, tc := range []struct {
		model string
		avg   float64
	}{
		{ScoringBleveBM25, 2}, // ceil(4 words / 3 documents)
		{ScoringBM25, 7},      // (9 + 9 + 3) / 3 tokens
	} {
		long, short := explainBody(t, ix, tc.model, "flood", "long1"), explainBody(t, ix, tc.model, "flood", "short")
		t.Logf("%-10s avgFieldLength %.0f: flood in long1 (9 tokens) %.4f, in short (3 tokens) %.4f, ratio %.2f",
			tc.model, long.avg, long.score, short.score, short.score/long.score)
		if long.avg != tc.avg || short.avg != tc.avg {
			t.Errorf("%s: avgFieldLength %v and %v, want %v", tc.model, long.avg, short.avg, tc.avg)
		}
	}
	// The same term once in a 9- and a 3-token body: bleve's average
	// makes the long one weigh far less than true BM25 does.
	ratio := func(model string) float64 {
		return explainBody(t, ix, model, "flood", "short").score / explainBody(t, ix, model, "flood", "long1").score
	}
	bleveRatio, trueRatio := ratio(ScoringBleveBM25), ratio(ScoringBM25)
	if bleveRatio <= trueRatio {
		t.Errorf("short/long score ratio: bleve %.2f, true average %.2f; want bleve's larger", bleveRatio, trueRatio)
	}
}

// bodyNorm is what Explain says of one body term score.
type bodyNorm struct {
	length, avg, score float64
}

// explainBody scores term in the body of document id (any, if "") with
// model.
func explainBody(t *testing.T, ix *Index, model, term, id string) bodyNorm {
	t.Helper()
	if err := ix.SetScoring(model); err != nil {
		t.Fatal(err)
	}
	tq := bleve.NewTermQuery(term)
	tq.SetField(fieldBody)
	sr := bleve.NewSearchRequestOptions(scored(idfOnce(tq)), 10, 0, true)
	res, err := ix.idx.Search(sr)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range res.Hits {
		if id != "" && h.ID != id {
			continue
		}
		n := bodyNorm{score: h.Score}
		if !findFieldNorm(h.Expl, &n) {
			t.Fatalf("%s %s: no BM25 field norm in\n%s", model, id, h.Expl)
		}
		return n
	}
	t.Fatalf("%s: %s not found for %s", model, id, term)
	return bodyNorm{}
}

// findFieldNorm reads "fieldNorm(field=body), b=…, fieldLength=…,
// avgFieldLength=…)" from an explanation tree.
func findFieldNorm(e *search.Explanation, n *bodyNorm) bool {
	if e == nil {
		return false
	}
	if i := strings.Index(e.Message, "fieldLength="); strings.HasPrefix(e.Message, "fieldNorm(field="+fieldBody) && i >= 0 {
		_, err := fmt.Sscanf(e.Message[i:], "fieldLength=%f, avgFieldLength=%f", &n.length, &n.avg)
		return err == nil
	}
	for _, c := range e.Children {
		if findFieldNorm(c, n) {
			return true
		}
	}
	return false
}
