package search

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// Typo tolerance. A query that finds fewer than fewHits documents is
// looked at word by word: a word of minFuzzyLetters letters or more that
// the index holds in fewer than fewHits documents is also searched as the
// index's most frequent term within one edit (two for long words), and
// the page offers the corrected query. Numbers, years, city names and
// CJK are never corrected.
const (
	fewHits         = 3
	minFuzzyLetters = 5
	longWord        = 8 // letters from which two edits are allowed
	maxCandidates   = 64
)

// correction is one word's fix: the index term searched as well, and
// the word as written in a document, for "did you mean".
type correction struct {
	term, surface string
}

// corrections returns the fixes for the plain words of q, keyed by the
// word as typed.
func (ix *Index) corrections(ctx context.Context, q Query) map[string]correction {
	rd, err := ix.reader()
	if err != nil {
		return nil
	}
	defer rd.Close()
	a := ix.idx.Mapping().AnalyzerNamed(textAnalyzer)
	th := ix.thesaurus()
	out := map[string]correction{}
	for _, t := range q.Terms {
		if t.Phrase || t.Not || t.Field != "" || !fuzzyWord(t.Text) || th.lookup(t.Text) != nil {
			continue
		}
		toks := analyse(a, t.Text)
		if len(toks) != 1 {
			continue
		}
		df, err := docFreq(ctx, rd, toks[0], fieldBody)
		if err != nil || df >= fewHits {
			continue
		}
		if c, ok := ix.nearest(ctx, rd, toks[0], utf8.RuneCountInString(t.Text), df); ok {
			out[t.Text] = c
		}
	}
	return out
}

// fuzzyWord reports whether w may be corrected: letters of a cased
// script (not CJK), long enough.
func fuzzyWord(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsLetter(r) || unicode.ToUpper(r) == unicode.ToLower(r) { // CJK has no case
			return false
		}
		n++
	}
	return n >= minFuzzyLetters
}

// nearest returns the body term within reach of term that most documents
// have, with the word it stands for in one of them; it must be in more
// than twice as many documents as term (df) to be a likelier reading.
func (ix *Index) nearest(ctx context.Context, rd index.IndexReader, term string, letters int, df uint64) (correction, bool) {
	r, ok := rd.(index.IndexReaderFuzzy)
	if !ok {
		return correction{}, false
	}
	edits := 1
	if letters >= longWord {
		edits = 2
	}
	d, err := r.FieldDictFuzzy(fieldBody, term, edits, term[:1])
	if err != nil {
		return correction{}, false
	}
	defer d.Close()
	best, bestN := "", uint64(0)
	seen := 0
	for e, err := d.Next(); e != nil && err == nil && seen < maxCandidates; e, err = d.Next() {
		seen++
		if e.Term == term || hasDigit(e.Term) {
			continue
		}
		// The fuzzy dictionary leaves counts out; look each one up.
		if n, err := docFreq(ctx, rd, e.Term, fieldBody); err == nil && n > bestN {
			best, bestN = e.Term, n
		}
	}
	if bestN == 0 || bestN <= 2*df {
		return correction{}, false
	}
	surface := ix.surfaceOf(ctx, best)
	if surface == "" {
		return correction{}, false
	}
	return correction{term: best, surface: surface}, true
}

func hasDigit(s string) bool { return strings.IndexFunc(s, unicode.IsDigit) >= 0 }

// surfaceOf returns a word that analyses to term as a document writes it
// ("recycling" for recycl): the first match the highlighter marks.
func (ix *Index) surfaceOf(ctx context.Context, term string) string {
	tq := bleve.NewTermQuery(term)
	tq.SetField(fieldBody)
	sr := bleve.NewSearchRequestOptions(tq, 1, 0, false)
	sr.Highlight = bleve.NewHighlightWithStyle(highlighterName)
	sr.Highlight.AddField(fieldBody)
	res, err := ix.idx.SearchInContext(ctx, sr)
	if err != nil || len(res.Hits) == 0 {
		return ""
	}
	for _, f := range res.Hits[0].Fragments[fieldBody] {
		text, _ := cutPage(f)
		for _, seg := range parseSnippet(text) {
			if seg.Match {
				return strings.ToLower(seg.Text)
			}
		}
	}
	return ""
}

// fuzzyClause adds a correction's term to a word's clause.
func fuzzyClause(q query.Query, c correction) query.Query {
	return bleve.NewDisjunctionQuery(q, fieldsTerm(c.term, fieldBoost))
}

// didYouMean rewrites the query with each corrected word replaced by its
// surface form, and the notes saying so.
func didYouMean(q string, fixes map[string]correction) (string, []string) {
	var notes []string
	out := q
	for typed, c := range fixes {
		out = replaceWord(out, typed, c.surface)
		notes = append(notes, fmt.Sprintf("%q also searched as %q", typed, c.surface))
	}
	return out, notes
}

// replaceWord replaces whole-word occurrences of w in s.
func replaceWord(s, w, with string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		j := strings.Index(s[i:], w)
		if j < 0 {
			b.WriteString(s[i:])
			break
		}
		j += i
		end := j + len(w)
		before, _ := utf8.DecodeLastRuneInString(s[:j])
		after, _ := utf8.DecodeRuneInString(s[end:])
		b.WriteString(s[i:j])
		if (j == 0 || !unicode.IsLetter(before)) && (end == len(s) || !unicode.IsLetter(after)) {
			b.WriteString(with)
		} else {
			b.WriteString(w)
		}
		i = end
	}
	return b.String()
}

// retryWithFixes searches again with the corrections of q's misspelt
// words when res found fewer than fewHits documents.
func (ix *Index) retryWithFixes(ctx context.Context, req Request, p *plan, res *Result) (*Result, error) {
	if res.Total >= fewHits || !p.hasWords || req.fixes != nil {
		return res, nil
	}
	fixes := ix.corrections(ctx, ParseQuery(req.Query))
	if len(fixes) == 0 {
		return res, nil
	}
	req.fixes = fixes
	p2, err := ix.plan(req)
	if err != nil {
		return nil, err
	}
	res2, err := ix.run(ctx, req, p2)
	if err != nil {
		return nil, err
	}
	if !req.Internal && res2.Total <= res.Total {
		return res, nil // the fixes may come from internal documents only
	}
	var notes []string
	res2.DidYouMean, notes = didYouMean(req.Query, fixes)
	res2.Notes = append(res2.Notes, notes...)
	return res2, nil
}
