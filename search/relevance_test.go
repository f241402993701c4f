package search

import (
	"bufio"
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"casebook/data"
)

// cranfieldDir is the Cranfield 1400 collection, relative to this
// package (see its SOURCES.md for the numbering and grading traps).
const cranfieldDir = "../../shared/corpora/cranfield"

// cranQuery is one Cranfield query; ID is its position in cran.qry
// (1..225), which is the number cranqrel uses, not the .I label.
type cranQuery struct {
	ID    int
	Label string // the .I value in cran.qry, for messages
	Text  string
}

// cranfield is the loaded collection.
type cranfield struct {
	Docs    []*data.Document // id = the .I number, "1".."1400"
	Queries []cranQuery
	Qrels   map[int]qrels // by query position
}

// smartRecord is one .I record of a SMART file: its id and its fields
// by letter (T, A, B, W).
type smartRecord struct {
	ID     string
	Fields map[byte]string
}

// readSMART reads a SMART-format file: ".I n" starts a record, ".X" on a
// line of its own starts field X, other lines are text of the field.
func readSMART(path string) ([]smartRecord, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []smartRecord
	var field byte
	var buf map[byte]*strings.Builder
	flush := func() {
		if len(out) == 0 {
			return
		}
		r := &out[len(out)-1]
		for k, b := range buf {
			r.Fields[k] = strings.Join(strings.Fields(b.String()), " ")
		}
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		if rest, ok := strings.CutPrefix(line, ".I "); ok {
			flush()
			out = append(out, smartRecord{ID: strings.TrimSpace(rest), Fields: map[byte]string{}})
			buf = map[byte]*strings.Builder{}
			field = 0
			continue
		}
		if len(line) == 2 && line[0] == '.' && strings.IndexByte("TABW", line[1]) >= 0 {
			field = line[1]
			if buf[field] == nil {
				buf[field] = &strings.Builder{}
			}
			continue
		}
		if len(out) == 0 || field == 0 {
			if strings.TrimSpace(line) != "" {
				return nil, fmt.Errorf("%s: text outside a field: %q", path, line)
			}
			continue
		}
		buf[field].WriteString(line)
		buf[field].WriteByte('\n')
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	flush()
	return out, nil
}

// loadCranfield reads the collection, skipping the test when it is not
// there (the corpora live outside the repository).
func loadCranfield(t testing.TB) *cranfield {
	t.Helper()
	if _, err := os.Stat(cranfieldDir); err != nil {
		t.Skipf("Cranfield collection not found at %s (shared corpora absent): %v", cranfieldDir, err)
	}
	c := &cranfield{Qrels: map[int]qrels{}}

	docs, err := readSMART(filepath.Join(cranfieldDir, "cran.all.1400"))
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range docs {
		if r.ID != strconv.Itoa(i+1) {
			t.Fatalf("cran.all.1400: record %d has id %q, want %d", i+1, r.ID, i+1)
		}
		c.Docs = append(c.Docs, &data.Document{
			ID: r.ID, Title: r.Fields['T'], Body: r.Fields['W'],
			Kind: data.KindReport, Lang: "en", Source: "cranfield/" + r.ID,
		})
	}

	qs, err := readSMART(filepath.Join(cranfieldDir, "cran.qry"))
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range qs {
		// The k-th query is qrel query k; the .I labels (001..365)
		// have gaps and are not the qrel numbers.
		c.Queries = append(c.Queries, cranQuery{ID: i + 1, Label: r.ID, Text: r.Fields['W']})
	}

	raw, err := os.ReadFile(filepath.Join(cranfieldDir, "cranqrel"))
	if err != nil {
		t.Fatal(err)
	}
	for n, line := range strings.Split(string(raw), "\n") {
		f := strings.Fields(line) // lines end in " \r" or nothing: never split on one space
		if len(f) == 0 {
			continue
		}
		if len(f) != 3 {
			t.Fatalf("cranqrel:%d: %q: want query doc code", n+1, line)
		}
		q, err1 := strconv.Atoi(f[0])
		code, err2 := strconv.Atoi(f[2])
		if err1 != nil || err2 != nil {
			t.Fatalf("cranqrel:%d: %q: not numbers", n+1, line)
		}
		if c.Qrels[q] == nil {
			c.Qrels[q] = qrels{}
		}
		c.Qrels[q][f[1]] = code
	}

	if len(c.Docs) != 1400 || len(c.Queries) != 225 || len(c.Qrels) != 225 {
		t.Fatalf("Cranfield: %d docs, %d queries, %d judged queries; want 1400, 225, 225",
			len(c.Docs), len(c.Queries), len(c.Qrels))
	}
	return c
}

// newRelevanceIndex builds a Casebook index of docs in a new directory,
// written through Index.write as Apply writes it. Its scoring model is
// chosen per run with SetScoring.
func newRelevanceIndex(t testing.TB, docs []*data.Document) *Index {
	t.Helper()
	m, err := NewMapping()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	idx, err := bleve.New(filepath.Join(dir, "index"), m)
	if err != nil {
		t.Fatal(err)
	}
	ix := &Index{idx: idx, path: dir, Logger: slog.Default()}
	t.Cleanup(func() { ix.Close() })
	if err := ix.write(docs, nil, 1); err != nil {
		t.Fatal(err)
	}
	if n, err := ix.Count(); err != nil || n != uint64(len(docs)) {
		t.Fatalf("index holds %d documents (%v), want %d", n, err, len(docs))
	}
	return ix
}

// searchFunc runs one query and returns up to 100 ranked document ids.
type searchFunc func(ctx context.Context, text string) ([]string, error)

// casebookSearch is the product's own path: Index.Search, every word of
// a short query required.
func casebookSearch(ix *Index) searchFunc {
	return func(ctx context.Context, text string) ([]string, error) {
		res, err := ix.Search(ctx, Request{Query: text, Size: 100})
		if err != nil {
			return nil, err
		}
		ids := make([]string, len(res.Hits))
		for i, h := range res.Hits {
			ids[i] = h.ID
		}
		return ids, nil
	}
}

// oursSearch ranks as Index.Search does, with its query and order, but
// without the snippets and facet counts that take most of its time and
// leave the order alone. (Index.Search also retries a query finding
// fewer than 3 documents with typo corrections; sameAsSearch checks the
// two agree.)
func oursSearch(ix *Index) searchFunc {
	return func(ctx context.Context, text string) ([]string, error) {
		p, err := ix.plan(Request{Query: text, Size: 100})
		if err != nil {
			return nil, err
		}
		q := &countingQuery{ix: ix, q: p.query(""), rr: p.reranker()}
		sr := bleve.NewSearchRequestOptions(q, 100, 0, false)
		sr.SortBy(p.order)
		return searchIDs(q.rr.context(ctx), ix, sr)
	}
}

func searchIDs(ctx context.Context, ix *Index, sr *bleve.SearchRequest) ([]string, error) {
	res, err := ix.idx.SearchInContext(ctx, sr)
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = h.ID
	}
	return ids, nil
}

// orSearch is bleve's plain ranking: the same field-boosted words ORed,
// one fieldsTerm disjunction per analysed token, any of them may match,
// scored by the index's model and nothing else.
// (Phrases and -exclusions do not occur in Cranfield's queries except
// "-dash", which here is the plain word "dash" and falls in with the rest.)
func orSearch(ix *Index) searchFunc {
	a := ix.idx.Mapping().AnalyzerNamed(textAnalyzer)
	return func(ctx context.Context, text string) ([]string, error) {
		d := bleve.NewDisjunctionQuery()
		for _, tok := range analyse(a, text) {
			d.AddQuery(fieldsTerm(tok, fieldBoost))
		}
		if len(d.Disjuncts) == 0 {
			return nil, nil
		}
		sr := bleve.NewSearchRequestOptions(scored(d), 100, 0, false)
		sr.SortBy([]string{"-_score", "_id"})
		return searchIDs(ctx, ix, sr)
	}
}

// runScores are the mean metrics of one configuration.
type runScores struct {
	NDCG10, MAP, R100 float64
	Errors, Empty     int // queries that failed / found nothing
	MeanHits          float64
}

func evaluate(t testing.TB, c *cranfield, queries []cranQuery, search searchFunc) runScores {
	t.Helper()
	var s runScores
	ctx := context.Background()
	for _, q := range queries {
		ids, err := search(ctx, q.Text)
		if err != nil {
			// Counted and scored 0, like an empty result: a query the
			// engine refuses is a miss for the user too.
			s.Errors++
			t.Logf("query %d (.I %s): %v", q.ID, q.Label, err)
		}
		if len(ids) == 0 {
			s.Empty++
		}
		j := c.Qrels[q.ID]
		s.NDCG10 += ndcgAt(ids, j, 10)
		s.MAP += averagePrecision(ids, j)
		s.R100 += recallAt(ids, j, 100)
		s.MeanHits += float64(len(ids))
	}
	n := float64(len(queries))
	s.NDCG10 /= n
	s.MAP /= n
	s.R100 /= n
	s.MeanHits /= n
	return s
}
