package search

import (
	"math"
	"testing"
)

// Relevance metrics for the Cranfield evaluation (relevance_test.go).
//
// Judgments use Cleverdon's scale as cranqrel.readme gives it: 1 is a
// complete answer, 4 of minimum interest, -1 of no interest. Graded
// metrics turn a code into a gain with relGain; binary metrics count
// codes 1-4 as relevant.

// qrels maps a document id to its judgment code, for one query.
type qrels map[string]int

// relGain is the graded gain of a judgment code: 1 → 4, 2 → 3, 3 → 2,
// 4 → 1; -1, unjudged and anything else → 0.
func relGain(code int) float64 {
	if code >= 1 && code <= 4 {
		return float64(5 - code)
	}
	return 0
}

func isRelevant(code int) bool { return code >= 1 && code <= 4 }

// ndcgAt is nDCG@k with linear gains (relGain) and a log2(rank+1)
// discount; the ideal ranking orders every judged document by gain. A
// query with no relevant document scores 0.
func ndcgAt(ranked []string, judged qrels, k int) float64 {
	dcg := 0.0
	for i, id := range ranked {
		if i == k {
			break
		}
		dcg += relGain(judged[id]) / math.Log2(float64(i+2))
	}
	gains := make([]float64, 0, len(judged))
	for _, code := range judged {
		if g := relGain(code); g > 0 {
			gains = append(gains, g)
		}
	}
	// Few gains per query: a simple descending sort is enough.
	for i := 1; i < len(gains); i++ {
		for j := i; j > 0 && gains[j] > gains[j-1]; j-- {
			gains[j], gains[j-1] = gains[j-1], gains[j]
		}
	}
	idcg := 0.0
	for i, g := range gains {
		if i == k {
			break
		}
		idcg += g / math.Log2(float64(i+2))
	}
	if idcg == 0 {
		return 0
	}
	return dcg / idcg
}

// averagePrecision is binary AP over the ranking as given (so over the
// top 100 when 100 hits are fetched), divided by every relevant
// document judged, retrieved or not.
func averagePrecision(ranked []string, judged qrels) float64 {
	total := countRelevant(judged)
	if total == 0 {
		return 0
	}
	hits, sum := 0, 0.0
	for i, id := range ranked {
		if isRelevant(judged[id]) {
			hits++
			sum += float64(hits) / float64(i+1)
		}
	}
	return sum / float64(total)
}

// recallAt is the share of the relevant documents found in the top k.
func recallAt(ranked []string, judged qrels, k int) float64 {
	total := countRelevant(judged)
	if total == 0 {
		return 0
	}
	found := 0
	for i, id := range ranked {
		if i == k {
			break
		}
		if isRelevant(judged[id]) {
			found++
		}
	}
	return float64(found) / float64(total)
}

func countRelevant(judged qrels) int {
	n := 0
	for _, code := range judged {
		if isRelevant(code) {
			n++
		}
	}
	return n
}

func TestRelevanceMetrics(t *testing.T) {
	judged := qrels{"a": 1, "b": 3, "c": 4, "x": -1}
	log2 := math.Log2
	// Ideal order a(4) b(2) c(1).
	idcg3 := 4 + 2/log2(3) + 1/log2(4)
	tests := []struct {
		name             string
		ranked           []string
		k                int
		ndcg, ap, recall float64
	}{
		{"ideal", []string{"a", "b", "c"}, 10, 1, 1, 1},
		{"nothing", nil, 10, 0, 0, 0},
		{"only not relevant", []string{"x", "y"}, 10, 0, 0, 0},
		{"reversed", []string{"c", "b", "a"}, 10,
			(1 + 2/log2(3) + 4/log2(4)) / idcg3, 1, 1},
		{"one miss first", []string{"x", "a", "b"}, 10,
			(4/log2(3) + 2/log2(4)) / idcg3, (1.0/2 + 2.0/3) / 3, 2.0 / 3},
		// At k=1 the ideal is a alone; only the first rank counts, AP
		// and recall look at the whole list.
		{"cut at k", []string{"b", "a"}, 1, 2.0 / 4, (1.0 + 1.0) / 3, 1.0 / 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := ndcgAt(tc.ranked, judged, tc.k); !near(got, tc.ndcg) {
				t.Errorf("nDCG@%d = %.6f, want %.6f", tc.k, got, tc.ndcg)
			}
			if got := averagePrecision(tc.ranked, judged); !near(got, tc.ap) {
				t.Errorf("AP = %.6f, want %.6f", got, tc.ap)
			}
			if got := recallAt(tc.ranked, judged, tc.k); !near(got, tc.recall) {
				t.Errorf("R@%d = %.6f, want %.6f", tc.k, got, tc.recall)
			}
		})
	}
	if got := ndcgAt([]string{"x"}, qrels{"x": -1}, 10); got != 0 {
		t.Errorf("nDCG with no relevant judged = %v, want 0", got)
	}
	for code, want := range map[int]float64{1: 4, 2: 3, 3: 2, 4: 1, -1: 0, 0: 0, 5: 0} {
		if got := relGain(code); got != want {
			t.Errorf("relGain(%d) = %v, want %v", code, got, want)
		}
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
