package search

import (
	"encoding/json"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/document"
	index "github.com/blevesearch/bleve_index_api"

	"casebook/data"
)

// True field lengths for BM25 (ScoringBM25). bleve keeps a document's
// field length only inside each posting, as the norm, and sums them
// nowhere; so Casebook keeps its own. Every document stores its lengths
// (fieldLens, in the stored-only field "lens") so that an update or a
// delete can take them back out, and the index keeps the totals
// (keyLengths), written in the same batch as the documents: a crash
// leaves both or neither.

// keyLengths holds the lengthTotals of the index.
var keyLengths = []byte("casebook:lengths")

// fieldLengths is the stored-only field with a document's fieldLens.
const fieldLengths = "lens"

// lengthFields are the text fields whose lengths are kept, in order.
var lengthFields = [...]string{fieldTitle, fieldSummary, fieldHeadings, fieldBody}

// fieldLens is one document's length, in analysed tokens, of each of
// lengthFields: what bleve counts (every value of a field together).
type fieldLens [len(lengthFields)]int64

func (l fieldLens) String() string {
	s := make([]string, len(l))
	for i, n := range l {
		s[i] = strconv.FormatInt(n, 10)
	}
	return strings.Join(s, " ")
}

func parseFieldLens(s string) (fieldLens, bool) {
	var l fieldLens
	f := strings.Fields(s)
	if len(f) != len(l) {
		return l, false
	}
	for i, v := range f {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return l, false
		}
		l[i] = n
	}
	return l, true
}

// countLens analyses d's text fields as bleve will.
func countLens(a analysis.Analyzer, d *indexDoc) fieldLens {
	count := func(ss ...string) (n int64) {
		for _, s := range ss {
			if s != "" {
				n += int64(len(a.Analyze([]byte(s))))
			}
		}
		return n
	}
	l := fieldLens{count(d.Title), count(d.Summary), count(d.Headings...)}
	switch b := d.Body.(type) {
	case string:
		l[3] = count(b)
	case []string:
		l[3] = count(b...)
	}
	return l
}

// lengthTotals are, per field of lengthFields, how many documents have
// it (a length over 0) and their summed length.
type lengthTotals struct {
	Docs   fieldLens `json:"docs"`
	Tokens fieldLens `json:"tokens"`
}

func (t *lengthTotals) add(l fieldLens, sign int64) {
	for i, n := range l {
		if n > 0 {
			t.Docs[i] += sign
			t.Tokens[i] += sign * n
		}
	}
}

func readLengthTotals(r interface{ GetInternal([]byte) ([]byte, error) }) (lengthTotals, bool, error) {
	var t lengthTotals
	v, err := r.GetInternal(keyLengths)
	if err != nil || len(v) == 0 {
		return t, false, err
	}
	if err := json.Unmarshal(v, &t); err != nil {
		return t, false, fmt.Errorf("search: field length totals: %w", err)
	}
	return t, true, nil
}

// addWithLengths adds puts and deletes to b with their field lengths,
// and the index's new totals.
func (ix *Index) addWithLengths(b *bleve.Batch, puts []*data.Document, deletes []string) error {
	lt, err := ix.newLengthTally()
	if err != nil {
		return err
	}
	docs := make([]*indexDoc, len(puts))
	for i, doc := range puts {
		docs[i] = toIndexDoc(doc)
	}
	lens := lt.countAll(docs)
	for i, doc := range puts {
		d, err := lt.put(doc.ID, docs[i], lens[i])
		if err == nil {
			err = b.IndexAdvanced(d)
		}
		if err != nil {
			return fmt.Errorf("search: indexing %s: %w", doc.ID, err)
		}
	}
	for _, id := range deletes {
		if err := lt.remove(id); err != nil {
			return fmt.Errorf("search: deleting %s: %w", id, err)
		}
		b.Delete(id)
	}
	v, err := json.Marshal(lt.totals)
	if err != nil {
		return fmt.Errorf("search: field length totals: %w", err)
	}
	b.SetInternal(keyLengths, v)
	return nil
}

// lengthTally updates the totals for one batch.
type lengthTally struct {
	ix      *Index
	a       analysis.Analyzer
	totals  lengthTotals
	inBatch map[string]*fieldLens // nil: deleted earlier in the batch
}

func (ix *Index) newLengthTally() (*lengthTally, error) {
	a := ix.idx.Mapping().AnalyzerNamed(textAnalyzer)
	if a == nil {
		return nil, fmt.Errorf("search: analyzer %q missing", textAnalyzer)
	}
	t, _, err := readLengthTotals(ix.idx)
	if err != nil {
		return nil, err
	}
	return &lengthTally{ix: ix, a: a, totals: t, inBatch: map[string]*fieldLens{}}, nil
}

// put counts d in, with its lengths l (countAll), in place of the
// version of id already counted, and returns the document to index: d's
// mapped fields and its lengths.
func (lt *lengthTally) put(id string, d *indexDoc, l fieldLens) (*document.Document, error) {
	doc := document.NewDocument(id)
	if err := lt.ix.idx.Mapping().MapDocument(doc, d); err != nil {
		return nil, err
	}
	if err := lt.remove(id); err != nil {
		return nil, err
	}
	lt.totals.add(l, 1)
	lt.inBatch[id] = &l
	doc.AddField(document.NewTextFieldWithIndexingOptions(fieldLengths, nil, []byte(l.String()), index.StoreField))
	return doc, nil
}

// countAll counts the lengths of docs on every CPU. Counting analyses the
// text once more than bleve does (its analysis happens inside Batch, too
// late for the stored lengths): about a third more time per batch.
func (lt *lengthTally) countAll(docs []*indexDoc) []fieldLens {
	out := make([]fieldLens, len(docs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(docs)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(docs); i = int(next.Add(1) - 1) {
				out[i] = countLens(lt.a, docs[i])
			}
		})
	}
	wg.Wait()
	return out
}

// remove counts id out, if it is in the index or earlier in the batch.
func (lt *lengthTally) remove(id string) error {
	old, seen := lt.inBatch[id]
	if !seen {
		l, ok, err := lt.ix.storedLens(id)
		if err != nil {
			return err
		}
		if ok {
			old = &l
		}
	}
	if old != nil {
		lt.totals.add(*old, -1)
	}
	lt.inBatch[id] = nil
	return nil
}

// storedLens reads the lengths the index holds for document id.
func (ix *Index) storedLens(id string) (fieldLens, bool, error) {
	doc, err := ix.idx.Document(id)
	if err != nil || doc == nil {
		return fieldLens{}, false, err
	}
	var l fieldLens
	ok := false
	doc.VisitFields(func(f index.Field) {
		if f.Name() == fieldLengths {
			l, ok = parseFieldLens(string(f.Value()))
		}
	})
	return l, ok, nil
}
