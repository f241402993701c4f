package search

import (
	"context"
	"sort"

	index "github.com/blevesearch/bleve_index_api"
)

// The tee: while the base search runs, its term field readers of the
// proximity clauses' words (onlyReader) record what they return; the
// collector takes each document's records as it sees the document and
// keeps those of the window. The records are whole: no reader skips a
// matching document that has its word, since each word's clause is
// required, or one of several that bleve counts on every document
// (textQuery). TestRerankScoresAsClauses compares them with the index.

func teeKey(field, term string) string { return field + "\x00" + term }

func (rr *reranker) wants(term []byte, field string) bool {
	return rr != nil && rr.words[teeKey(field, string(term))]
}

// record starts the record of a term field reader, of count documents.
func (rr *reranker) record(term []byte, field string, count uint64) *teeList {
	l := &teeList{rr: rr, key: teeKey(field, string(term))}
	rr.lists, rr.counts[l.key] = append(rr.lists, l), count
	return l
}

// take returns document id's recorded postings, releasing any before it.
func (rr *reranker) take(id index.IndexInternalID) []teeDoc {
	rr.scratch = rr.scratch[:0]
	for _, l := range rr.lists {
		for len(l.docs) > 0 && l.docs[0].ID.Compare(id) <= 0 {
			if d := l.docs[0]; d.ID.Equals(id) {
				rr.scratch = append(rr.scratch, teeDoc{l.key, d})
			} else {
				rr.free = append(rr.free, d)
			}
			l.docs = l.docs[1:]
		}
	}
	return rr.scratch
}

func (rr *reranker) release(docs []teeDoc) {
	for _, d := range docs {
		rr.free = append(rr.free, d.d)
	}
}

// recorded returns the postings among ids of the recorded terms.
func (rr *reranker) recorded(ids []index.IndexInternalID) map[string]*postings {
	read := map[string]*postings{}
	for key, n := range rr.counts {
		read[key] = &postings{count: n}
	}
	for _, id := range ids {
		for _, d := range rr.held[string(id)] {
			if p := read[d.key]; len(p.docs) == 0 || !p.docs[len(p.docs)-1].ID.Equals(id) {
				p.docs = append(p.docs, d.d) // once if several readers had the term
			}
		}
	}
	return read
}

// teeDoc is a recorded posting and its key.
type teeDoc struct {
	key string
	d   *index.TermFieldDoc
}

// teeList is what one term field reader returned and the collector has
// not yet taken.
type teeList struct {
	rr   *reranker
	key  string
	docs []*index.TermFieldDoc
}

// add records a copy of d, then drops its vectors if they were read for
// the record only.
func (l *teeList) add(d *index.TermFieldDoc, dropVectors bool) {
	var c *index.TermFieldDoc
	if n := len(l.rr.free); n > 0 {
		c, l.rr.free = l.rr.free[n-1], l.rr.free[:n-1]
	} else {
		c = &index.TermFieldDoc{}
	}
	c.ID, c.Freq, c.Norm = append(c.ID[:0], d.ID...), d.Freq, d.Norm
	vs := c.Vectors[:0]
	for i, v := range d.Vectors {
		var cv *index.TermFieldVector
		if i < cap(vs) && vs[:i+1][i] != nil {
			cv = vs[:i+1][i] // reused with its record
		} else {
			cv = &index.TermFieldVector{}
		}
		ap := cv.ArrayPositions[:0]
		*cv = *v
		cv.ArrayPositions = append(ap, v.ArrayPositions...)
		vs = append(vs, cv)
	}
	c.Vectors = vs
	l.docs = append(l.docs, c)
	if dropVectors {
		d.Vectors = d.Vectors[:0]
	}
}

// readOnce is an onlyReader serving each term's postings from read, or
// from the index read once: the proximity clauses ask for each word many
// times over (a phrase per pair, gap and field).
type readOnce struct {
	onlyReader
	read map[string]*postings // by teeKey
}

func (o *readOnce) TermFieldReader(ctx context.Context, term []byte, field string, freq, norm, vectors bool) (index.TermFieldReader, error) {
	key := teeKey(field, string(term))
	p, ok := o.read[key]
	if !ok {
		var err error
		if p, err = o.readAll(ctx, term, field); err != nil {
			return nil, err
		}
		o.read[key] = p
	}
	return &replay{p: p}, nil
}

// readAll reads a term's postings among the documents, with everything
// a phrase searcher asks for.
func (o *readOnce) readAll(ctx context.Context, term []byte, field string) (*postings, error) {
	tfr, err := o.onlyReader.TermFieldReader(ctx, term, field, true, true, true)
	if err != nil {
		return nil, err
	}
	defer tfr.Close()
	p := &postings{count: tfr.Count()}
	for {
		d, err := tfr.Next(nil)
		if err != nil || d == nil {
			return p, err
		}
		p.docs = append(p.docs, d)
	}
}

// postings are a term's postings among some documents, in order, and how
// many documents of the index have the term (for its idf).
type postings struct {
	docs  []*index.TermFieldDoc
	count uint64
}

// replay reads postings as a term field reader.
type replay struct {
	p    *postings
	next int
}

func (r *replay) Next(pre *index.TermFieldDoc) (*index.TermFieldDoc, error) {
	if r.next >= len(r.p.docs) {
		return nil, nil
	}
	d := r.p.docs[r.next]
	r.next++
	if pre == nil {
		pre = &index.TermFieldDoc{}
	}
	// A copy in pre's own memory: searchers reuse it.
	*pre = index.TermFieldDoc{
		Term: d.Term, ID: append(pre.ID[:0], d.ID...), Freq: d.Freq, Norm: d.Norm,
		Vectors: append(pre.Vectors[:0], d.Vectors...),
	}
	return pre, nil
}

func (r *replay) Advance(id index.IndexInternalID, pre *index.TermFieldDoc) (*index.TermFieldDoc, error) {
	r.next = sort.Search(len(r.p.docs), func(i int) bool { return r.p.docs[i].ID.Compare(id) >= 0 })
	return r.Next(pre)
}

func (r *replay) Count() uint64 { return r.p.count }
func (r *replay) Close() error  { return nil }
func (r *replay) Size() int     { return 0 }
