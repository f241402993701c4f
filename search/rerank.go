package search

import (
	"container/heap"
	"context"
	"errors"
	"math"
	"slices"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/collector"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// rerankWindow is how many of the best hits get the proximity boost.
// A variable so that tests can page across a small window.
var rerankWindow = 100

// reranker adds the proximity boost to the rerankWindow best hits by
// base score of a search sorted by relevance, as Elasticsearch's rescore
// does: as clauses of the query, bleve evaluated its phrases for every
// matching document, a quarter of a typical search's time at 100,000
// documents. It runs inside bleve's collection (handler), so every hit
// has one score, the window's raised: since a boost is never negative
// and the window holds the best base scores, the window stays ahead of
// the other hits, which keep their base order, and bleve's own sort,
// offsets and search_after cursors page through that order as through
// any other.
//
// bleve's postings find a document by reading every one before it, so
// the boost would cost as much for a hundred documents as for all: it
// reads the postings of its words from those the base search read
// (onlyReader.tee), and from the index only the words that it did not.
type reranker struct {
	clauses []query.Query // phrases, ORed
	window  int
	words   map[string]bool // the clauses' terms by key (teeKey)

	// Set by searcher, for the boost at the end of collection.
	ctx  context.Context
	m    mapping.IndexMapping
	norm float64

	lists   []*teeList
	counts  map[string]uint64     // documents with each recorded term, by key
	held    map[string][]teeDoc   // the window's postings, by document
	scratch []teeDoc              // what take returns
	free    []*index.TermFieldDoc // records to reuse
}

// reranker returns p's reranker, or nil when its hits are not re-ranked.
func (p *plan) reranker() *reranker {
	if len(p.proximity) == 0 || p.sort != SortRelevance || rerankWindow <= 0 {
		return nil
	}
	rr := &reranker{clauses: p.proximity, window: rerankWindow, words: map[string]bool{},
		counts: map[string]uint64{}, held: map[string][]teeDoc{}}
	for _, c := range p.proximity {
		if pq, ok := c.(*query.PhraseQuery); ok {
			for _, t := range pq.Terms {
				if t != "" { // "" is any word
					rr.words[teeKey(pq.FieldVal, t)] = true
				}
			}
		}
	}
	return rr
}

// context returns ctx with rr's handler for bleve's collector.
func (rr *reranker) context(ctx context.Context) context.Context {
	if rr == nil {
		return ctx
	}
	return context.WithValue(ctx, bsearch.MakeDocumentMatchHandlerKey, bsearch.MakeDocumentMatchHandler(rr.handler))
}

// searcher is q's searcher on only, noting what the boost needs.
func (rr *reranker) searcher(ctx context.Context, q query.Query, only onlyReader, m mapping.IndexMapping, opts bsearch.SearcherOptions) (bsearch.Searcher, error) {
	only.tee = rr
	s, err := q.Searcher(ctx, only, m, opts)
	if err != nil {
		return nil, err
	}
	// bleve scales a query's scores by the norm of its root, computed
	// from the clauses' weights; the boost takes the base scores' norm,
	// so it weighs against them as it did as a clause of the query.
	rr.ctx, rr.m, rr.norm = ctx, m, 1
	if w := s.Weight(); w > 0 {
		rr.norm = 1 / math.Sqrt(w)
	}
	return s, nil
}

// handler is bleve's collector step for each hit (see
// bsearch.MakeDocumentMatchHandler) around its own: it holds the best
// hits back until the last, passing on those that leave the window,
// then boosts the window and passes it on.
func (rr *reranker) handler(sctx *bsearch.SearchContext) (bsearch.DocumentMatchHandler, bool, error) {
	next, _, err := collector.MakeTopNDocumentMatchHandler(sctx)
	if err != nil {
		return nil, false, err
	}
	if next == nil {
		return nil, false, errors.New("search: re-ranking needs bleve's top-N collector")
	}
	w := &window{size: rr.window}
	return func(d *bsearch.DocumentMatch) error {
		if d == nil {
			if err := rr.boost(sctx.IndexReader, w.hits); err != nil {
				return err
			}
			for _, h := range w.hits {
				if err := next(h); err != nil {
					return err
				}
			}
			return next(nil)
		}
		got := rr.take(d.IndexInternalID)
		out := w.add(d)
		if out == d {
			rr.release(got)
		} else {
			rr.held[string(d.IndexInternalID)] = slices.Clone(got)
		}
		if out == nil {
			return nil
		}
		if out != d {
			rr.release(rr.held[string(out.IndexInternalID)])
			delete(rr.held, string(out.IndexInternalID))
		}
		return next(out)
	}, true, nil // the ids break ties in the window
}

// boost adds to each hit its score from the proximity clauses, run over
// those documents only.
func (rr *reranker) boost(r index.IndexReader, hits []*bsearch.DocumentMatch) error {
	if len(hits) == 0 {
		return nil
	}
	ids := make([]index.IndexInternalID, len(hits))
	for i, h := range hits {
		ids[i] = h.IndexInternalID
	}
	slices.SortFunc(ids, index.IndexInternalID.Compare)
	o := &readOnce{onlyReader: onlyReader{IndexReader: r, ids: ids}, read: rr.recorded(ids)}
	s, err := scored(bleve.NewDisjunctionQuery(rr.clauses...)).Searcher(rr.ctx, o, rr.m, bsearch.SearcherOptions{})
	if err != nil {
		return err
	}
	defer s.Close()
	s.SetQueryNorm(rr.norm)
	sctx := &bsearch.SearchContext{DocumentMatchPool: bsearch.NewDocumentMatchPool(s.DocumentMatchPoolSize()+1, 0), IndexReader: r}
	extra := make(map[string]float64, len(hits))
	for {
		dm, err := s.Next(sctx)
		if err != nil {
			return err
		}
		if dm == nil {
			break
		}
		extra[string(dm.IndexInternalID)] = dm.Score
		sctx.DocumentMatchPool.Put(dm)
	}
	for _, h := range hits {
		h.Score += extra[string(h.IndexInternalID)]
	}
	return nil
}

// window holds the best hits seen so far by base score, a heap with the
// worst on top.
type window struct {
	size int
	hits []*bsearch.DocumentMatch
}

// add takes d in and returns the hit left out, d or the worst, if any.
func (w *window) add(d *bsearch.DocumentMatch) *bsearch.DocumentMatch {
	if len(w.hits) < w.size {
		heap.Push(w, d)
		return nil
	}
	if !ahead(d, w.hits[0]) {
		return d
	}
	out := w.hits[0]
	w.hits[0] = d
	heap.Fix(w, 0)
	return out
}

// ahead reports whether a ranks before b by relevance: score, then id
// (see sortOrder).
func ahead(a, b *bsearch.DocumentMatch) bool {
	if a.Score != b.Score {
		return a.Score > b.Score
	}
	return a.ID < b.ID
}

func (w *window) Len() int           { return len(w.hits) }
func (w *window) Less(i, j int) bool { return ahead(w.hits[j], w.hits[i]) }
func (w *window) Swap(i, j int)      { w.hits[i], w.hits[j] = w.hits[j], w.hits[i] }
func (w *window) Push(x any)         { w.hits = append(w.hits, x.(*bsearch.DocumentMatch)) }

func (w *window) Pop() any {
	last := w.hits[len(w.hits)-1]
	w.hits = w.hits[:len(w.hits)-1]
	return last
}
