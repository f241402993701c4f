package search

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// Limits of title suggestions: one Latin letter would match most titles,
// and a short start of a word may begin thousands of terms.
const (
	minTitlePrefix = 2  // runes, or one CJK character
	maxWordTerms   = 64 // terms a half-typed word stands for, the most common kept
	minStemLen     = 4  // bytes of a stem a half-typed word may have run past
)

// matchTitles suggests documents whose titles have every complete word of
// prefix and a word starting with its last, half-typed one. Titles that
// start with the prefix come first, then the best scoring.
func (ix *Index) matchTitles(ctx context.Context, r index.IndexReader, prefix string, n int, sc Scope) ([]Suggestion, error) {
	if !longEnough(strings.TrimSpace(prefix)) {
		return nil, nil
	}
	a := ix.idx.Mapping().AnalyzerNamed(textAnalyzer)
	if a == nil {
		return nil, fmt.Errorf("search: analyzer %q missing", textAnalyzer)
	}
	q, err := titlePrefixQuery(ctx, r, a, nfkc(prefix))
	if err != nil || q == nil {
		return nil, err
	}
	sr := bleve.NewSearchRequestOptions(scoped(q, sc), 2*n, 0, false)
	sr.Fields = []string{fieldTitle}
	sr.SortBy([]string{"-_score", "_id"})
	res, err := ix.idx.SearchInContext(ctx, sr)
	if err != nil {
		return nil, fmt.Errorf("search.Suggest: titles: %w", err)
	}
	p := strings.TrimSpace(fold(prefix))
	out := make([]Suggestion, 0, len(res.Hits))
	for _, h := range res.Hits {
		out = append(out, Suggestion{Kind: SuggestTitle, Value: h.ID, Label: str(h.Fields[fieldTitle])})
	}
	sort.SliceStable(out, func(i, j int) bool {
		return strings.HasPrefix(fold(out[i].Label), p) && !strings.HasPrefix(fold(out[j].Label), p)
	})
	return out[:min(len(out), n)], nil
}

func longEnough(s string) bool {
	rs := []rune(s)
	return len(rs) >= minTitlePrefix || len(rs) == 1 && unicode.In(rs[0], unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// titlePrefixQuery needs every complete word of s in the title, and the
// last word, unless s ends in a space, as the start of a title word. It
// returns nil when no title can match.
func titlePrefixQuery(ctx context.Context, r index.IndexReader, a analysis.Analyzer, s string) (query.Query, error) {
	complete, partial := "", s
	if i := strings.LastIndexFunc(s, unicode.IsSpace); i >= 0 {
		_, size := utf8.DecodeRuneInString(s[i:])
		complete, partial = s[:i], s[i+size:]
	}
	var must []query.Query
	for _, t := range analysedTerms(a, complete) {
		must = append(must, titleTerm(t))
	}
	if partial != "" {
		pq, err := partialWord(ctx, r, a, partial)
		if err != nil || pq == nil {
			return nil, err
		}
		must = append(must, pq)
	}
	if len(must) == 0 {
		return nil, nil
	}
	return bleve.NewConjunctionQuery(must...), nil
}

// partialWord matches the title terms a half-typed word w may become:
// those starting with it, its own analysed form ("floods": flood), and
// the longest term it starts with, as a word typed past its stem
// ("communit") starts with the stem (commun). A w that analyses to
// several terms (a CJK run) needs them all.
func partialWord(ctx context.Context, r index.IndexReader, a analysis.Analyzer, w string) (query.Query, error) {
	own := analysedTerms(a, w)
	if len(own) > 1 {
		qs := make([]query.Query, 0, len(own))
		for _, t := range own {
			qs = append(qs, titleTerm(t))
		}
		return bleve.NewConjunctionQuery(qs...), nil
	}
	low := strings.ToLower(w)
	cands, err := termsStarting(r, low)
	if err != nil {
		return nil, err
	}
	cands = append(cands, own...)
	stem, err := longestTermBefore(ctx, r, low)
	if err != nil {
		return nil, err
	}
	if stem != "" {
		cands = append(cands, stem)
	}
	if len(cands) == 0 {
		return nil, nil
	}
	d := bleve.NewDisjunctionQuery()
	for _, t := range cands {
		d.AddQuery(titleTerm(t))
	}
	return d, nil
}

// termsStarting returns up to maxWordTerms title terms starting with p,
// those in the most titles first.
func termsStarting(r index.IndexReader, p string) ([]string, error) {
	dict, err := r.FieldDictPrefix(fieldTitle, []byte(p))
	if err != nil {
		return nil, fmt.Errorf("search.Suggest: terms of %q: %w", p, err)
	}
	defer dict.Close()
	var found []index.DictEntry
	for {
		e, err := dict.Next()
		if err != nil {
			return nil, fmt.Errorf("search.Suggest: terms of %q: %w", p, err)
		}
		if e == nil {
			break
		}
		found = append(found, *e)
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].Count > found[j].Count })
	out := make([]string, 0, min(len(found), maxWordTerms))
	for _, e := range found[:min(len(found), maxWordTerms)] {
		out = append(out, e.Term)
	}
	return out, nil
}

// longestTermBefore returns the longest title term that w starts with
// and is shorter than w, if one is at least minStemLen bytes long.
func longestTermBefore(ctx context.Context, r index.IndexReader, w string) (string, error) {
	for k := len(w) - 1; k >= minStemLen; k-- {
		if !utf8.RuneStart(w[k]) {
			continue
		}
		tfr, err := r.TermFieldReader(ctx, []byte(w[:k]), fieldTitle, false, false, false)
		if err != nil {
			return "", fmt.Errorf("search.Suggest: %w", err)
		}
		found := tfr.Count() > 0
		tfr.Close()
		if found {
			return w[:k], nil
		}
	}
	return "", nil
}

func titleTerm(t string) query.Query {
	tq := bleve.NewTermQuery(t)
	tq.SetField(fieldTitle)
	return tq
}

// analysedTerms returns the distinct terms a makes of s, in order.
func analysedTerms(a analysis.Analyzer, s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, tok := range a.Analyze([]byte(s)) {
		if t := string(tok.Term); !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}
