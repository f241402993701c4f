package search

import (
	"context"
	"fmt"
	"math"
	"sort"
	"unicode"
	"unicode/utf8"

	index "github.com/blevesearch/bleve_index_api"
)

// Limits on the text distinctive reads: the opening of a long report
// says what it is about, and each distinct term costs index look-ups.
const (
	maxTermText   = 64 << 10 // bytes of body text analysed
	maxTermLookup = 2000     // distinct terms whose document frequency is looked up
	titleTermTF   = 2        // a title word counts as this many body words
)

// weighted is a term with its weight in a document.
type weighted struct {
	term   string
	weight float64
}

// distinctive returns the seed's most distinctive terms, best first:
// frequency in the document (title words counting double) times inverse
// document frequency in the index. Terms no other document has are left
// out, as they cannot find anything.
func (ix *Index) distinctive(ctx context.Context, r index.IndexReader, src *seed) ([]weighted, error) {
	a := ix.idx.Mapping().AnalyzerNamed(textAnalyzer)
	if a == nil {
		return nil, fmt.Errorf("search: analyzer %q missing", textAnalyzer)
	}
	tf := map[string]float64{}
	for _, tok := range a.Analyze([]byte(src.title)) {
		tf[string(tok.Term)] += titleTermTF
	}
	budget := maxTermText
	for _, b := range src.body {
		if budget <= 0 {
			break
		}
		b = cutBytes(b, budget)
		budget -= len(b)
		for _, tok := range a.Analyze([]byte(b)) {
			tf[string(tok.Term)]++
		}
	}
	n, err := r.DocCount()
	if err != nil {
		return nil, fmt.Errorf("search.Related: %w", err)
	}
	var out []weighted
	for _, t := range mostFrequent(tf, maxTermLookup) {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("search.Related: %w", err)
		}
		df, err := docFreq(ctx, r, t)
		if err != nil {
			return nil, err
		}
		if df < 2 {
			continue
		}
		idf := 1 + math.Log(float64(n+1)/float64(df+1))
		out = append(out, weighted{t, tf[t] * idf})
	}
	sortWeighted(out)
	return out[:min(len(out), relatedTerms)], nil
}

// mostFrequent returns up to limit of tf's terms worth searching for,
// the most frequent first.
func mostFrequent(tf map[string]float64, limit int) []string {
	terms := make([]string, 0, len(tf))
	for t := range tf {
		if useful(t) {
			terms = append(terms, t)
		}
	}
	sort.Slice(terms, func(i, j int) bool {
		if tf[terms[i]] != tf[terms[j]] {
			return tf[terms[i]] > tf[terms[j]]
		}
		return terms[i] < terms[j]
	})
	return terms[:min(len(terms), limit)]
}

// useful leaves out one-letter terms and numbers: page numbers and years
// say little about what a text is about.
func useful(t string) bool {
	if utf8.RuneCountInString(t) < 2 {
		return false
	}
	for _, r := range t {
		if !unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// docFreq is how many live documents have t in the fields (by default
// title and body), in the one that has it most.
func docFreq(ctx context.Context, r index.IndexReader, t string, fields ...string) (uint64, error) {
	if len(fields) == 0 {
		fields = []string{fieldBody, fieldTitle}
	}
	var best uint64
	for _, field := range fields {
		tfr, err := r.TermFieldReader(ctx, []byte(t), field, false, false, false)
		if err != nil {
			return 0, fmt.Errorf("search: term %q: %w", t, err)
		}
		best = max(best, tfr.Count())
		tfr.Close()
	}
	return best, nil
}

func sortWeighted(ws []weighted) {
	sort.Slice(ws, func(i, j int) bool {
		if ws[i].weight != ws[j].weight {
			return ws[i].weight > ws[j].weight
		}
		return ws[i].term < ws[j].term
	})
}

// cutBytes shortens s to at most n bytes without splitting a rune.
func cutBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
