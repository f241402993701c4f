package search

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"casebook/data"
)

// withWindow sets rerankWindow for the test.
func withWindow(t *testing.T, n int) {
	old := rerankWindow
	rerankWindow = n
	t.Cleanup(func() { rerankWindow = old })
}

func doSearch(t *testing.T, ix *Index, req Request) *Result {
	t.Helper()
	res, err := ix.Search(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func resultIDs(res *Result) []string {
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.ID)
	}
	return out
}

// TestRerankTieBroken: two documents with the same words, as often and
// in texts as long, score the same before the proximity boost, and the
// one with the words apart comes first by id; the boost puts the one
// with them adjacent first.
func TestRerankTieBroken(t *testing.T) {
	ix := newRelevanceIndex(t, []*data.Document{
		boostDoc("a-apart", "Channels", "Control rooms watch the flood channels.", nil, nil),
		boostDoc("z-adjacent", "Channels", "Rooms watch the flood control channels.", nil, nil),
	})
	req := Request{Query: "flood control"}
	withWindow(t, 0)
	base := doSearch(t, ix, req)
	if got := resultIDs(base); !slices.Equal(got, []string{"a-apart", "z-adjacent"}) || base.Hits[0].Score != base.Hits[1].Score {
		t.Fatalf("without the boost: %v, scores %v and %v; want a tie broken by id", got, base.Hits[0].Score, base.Hits[1].Score)
	}
	rerankWindow = 100
	if got := resultIDs(doSearch(t, ix, req)); !slices.Equal(got, []string{"z-adjacent", "a-apart"}) {
		t.Errorf("with the boost: %v, want z-adjacent first", got)
	}
}

// rerankDocs: 40 documents match "flood control", in groups of four
// alike. The odd ones have the words apart and "flood" twice, scoring
// more before the proximity boost than the even ones, as long, that have
// the words adjacent and score more after it. The others give the words
// an idf.
func rerankDocs() []*data.Document {
	var docs []*data.Document
	for i := range 40 {
		words := strings.Repeat("filler ", 3*(i%5))
		if i%2 == 0 {
			words += "flood control rooms watch"
		} else {
			words += "control rooms watch flood flood"
		}
		docs = append(docs, boostDoc(fmt.Sprintf("d%02d", i), "Report", words, nil, nil))
	}
	for i := range 60 {
		docs = append(docs, boostDoc(fmt.Sprintf("other%02d", i), "Transport", fmt.Sprintf("The city runs service %d every day.", i), nil, nil))
	}
	return docs
}

// TestRerankPagesAcrossWindow pages through a query sorted by relevance
// whose window ends inside a page: by offset, by Next cursors and back
// by Prev cursors, the pages are the one big request's order cut up,
// with no hit repeated or skipped; in that order the window is re-ranked
// and the rest follows in base order. The window ends inside a group of
// equal base scores, so the id decides which of them it holds.
func TestRerankPagesAcrossWindow(t *testing.T) {
	ix := newRelevanceIndex(t, rerankDocs())
	const window, size = 7, 3
	req := Request{Query: "flood control", Sort: SortRelevance, Size: MaxSize}
	withWindow(t, 0)
	base := resultIDs(doSearch(t, ix, req))
	rerankWindow = window
	all := resultIDs(doSearch(t, ix, req))
	if len(all) != 40 || slices.Equal(all[:window], base[:window]) ||
		!sameSet(all[:window], base[:window]) || !slices.Equal(all[window:], base[window:]) {
		t.Fatalf("order %v, base order %v: want the first %d re-ranked, the rest as they were", all, base, window)
	}

	req.Size = size
	var byOffset []string
	for page := 1; page <= (len(all)+size-1)/size; page++ {
		req.Page = page
		byOffset = append(byOffset, resultIDs(doSearch(t, ix, req))...)
	}
	if !slices.Equal(byOffset, all) {
		t.Errorf("by offset %v, want %v", byOffset, all)
	}

	req.Page = 1
	var pages [][]string
	var res *Result
	for {
		res = doSearch(t, ix, req)
		pages = append(pages, resultIDs(res))
		if res.Next == "" || len(pages) > len(all) {
			break
		}
		req.After = res.Next
	}
	if got := slices.Concat(pages...); !slices.Equal(got, all) {
		t.Errorf("by Next %v, want %v", got, all)
	}
	req.After = ""
	for i := len(pages) - 2; i >= 0; i-- {
		req.Before = res.Prev
		res = doSearch(t, ix, req)
		if got := resultIDs(res); !slices.Equal(got, pages[i]) {
			t.Errorf("page %d by Prev %v, want %v", i+1, got, pages[i])
		}
	}
	if res.Prev != "" {
		t.Errorf("first page by Prev has a Prev %q", res.Prev)
	}
}

func sameSet(a, b []string) bool {
	return slices.Equal(slices.Sorted(slices.Values(a)), slices.Sorted(slices.Values(b)))
}

// TestRerankScoresAsClauses: over a window holding every hit, the
// re-rank orders Cranfield's questions' hits as the proximity clauses
// did as optional clauses of the query, with the scores in one ratio,
// bleve's norm of the query with them to that without; and the same
// whether the words' postings are recorded or read again.
func TestRerankScoresAsClauses(t *testing.T) {
	if testing.Short() {
		t.Skip("indexes Cranfield's 1,400 documents; skipped with -short")
	}
	c := loadCranfield(t)
	ix := newRelevanceIndex(t, c.Docs)
	withWindow(t, 1<<20)
	ctx := context.Background()
	for _, q := range sampleQueries(c.Queries, 5) {
		req := Request{Query: q.Text, Size: MaxSize}
		p, err := ix.plan(req)
		if err != nil {
			t.Fatal(err)
		}
		if p.proximity == nil {
			continue
		}
		inline := *p
		inline.text, inline.proximity = scored(withShould(p.text, p.proximity)), nil
		sr := bleve.NewSearchRequestOptions(inline.query(""), MaxSize, 0, false)
		sr.SortBy(p.order)
		want, err := ix.idx.SearchInContext(ctx, sr)
		if err != nil {
			t.Fatal(err)
		}
		got := doSearch(t, ix, req)
		if len(got.Hits) != len(want.Hits) {
			t.Fatalf("query %d: %d hits, as clauses %d", q.ID, len(got.Hits), len(want.Hits))
		}
		ratio := got.Hits[0].Score / want.Hits[0].Score
		for i, h := range got.Hits {
			w := want.Hits[i]
			if h.ID != w.ID || math.Abs(h.Score-ratio*w.Score) > 1e-9*h.Score {
				t.Fatalf("query %d hit %d: %s %g, as clauses %s %g (ratio %g)", q.ID, i, h.ID, h.Score, w.ID, w.Score, ratio)
			}
		}
		// The same with the words' postings read again from the index.
		rr := p.reranker()
		rr.words = nil
		cq := &countingQuery{ix: ix, q: p.query(""), rr: rr}
		sr = bleve.NewSearchRequestOptions(cq, MaxSize, 0, false)
		sr.SortBy(p.order)
		reread, err := ix.idx.SearchInContext(rr.context(ctx), sr)
		if err != nil {
			t.Fatal(err)
		}
		for i, h := range reread.Hits {
			if g := got.Hits[i]; h.ID != g.ID || h.Score != g.Score {
				t.Fatalf("query %d hit %d: %s %g read again, %s %g recorded", q.ID, i, h.ID, h.Score, g.ID, g.Score)
			}
		}
	}
}
