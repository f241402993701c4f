package search

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search/query"
)

// synonymState caches the thesaurus a search expands with: the reference
// one, plus the staff's synonym file (reread when it changes), plus the
// city and theme values the index holds (reread when the index changes).
type synonymState struct {
	mu       sync.Mutex
	path     string // the staff synonym file; "" for none
	checked  time.Time
	modTime  time.Time
	merged   *thesaurus
	fileErr  error
	seq      uint64
	present  map[string]map[string]bool // facet -> values in the index
	presentN uint64
}

// recheckEvery bounds how often the synonym file's time is looked at.
const recheckEvery = 2 * time.Second

// SetSynonymsFile makes searches also use the staff synonyms in path (see
// parseSynonyms). A missing file means no staff synonyms; a malformed one
// is reported by SynonymsError and ignored until it is fixed.
func (ix *Index) SetSynonymsFile(path string) {
	ix.syn.mu.Lock()
	defer ix.syn.mu.Unlock()
	ix.syn.path, ix.syn.merged, ix.syn.checked = path, nil, time.Time{}
}

// SynonymsError returns why the staff synonym file was not used, or nil.
func (ix *Index) SynonymsError() error {
	ix.thesaurus()
	ix.syn.mu.Lock()
	defer ix.syn.mu.Unlock()
	return ix.syn.fileErr
}

// thesaurus returns the current thesaurus, rereading the staff file when
// its modification time changed.
func (ix *Index) thesaurus() *thesaurus {
	ref, err := shippedThesaurus()
	if err != nil {
		ix.Logger.Error("reading the shipped thesaurus", "err", err)
	}
	s := &ix.syn
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.path == "" {
		return ref
	}
	if s.merged != nil && time.Since(s.checked) < recheckEvery {
		return s.merged
	}
	s.checked = time.Now()
	fi, statErr := os.Stat(s.path)
	switch {
	case errors.Is(statErr, fs.ErrNotExist):
		s.merged, s.fileErr, s.modTime = ref, nil, time.Time{}
	case statErr != nil:
		s.fileErr = statErr
	case s.merged == nil || !fi.ModTime().Equal(s.modTime):
		s.modTime = fi.ModTime()
		staff, err := readSynonymFile(s.path, ix.stemmer())
		if err != nil {
			s.fileErr = err
			ix.Logger.Error("staff synonyms not used", "err", err)
			if s.merged == nil {
				s.merged = ref
			}
			return s.merged
		}
		s.merged, s.fileErr = merged(ref, staff), nil
	}
	if s.merged == nil {
		s.merged = ref
	}
	return s.merged
}

func readSynonymFile(path string, stem func(string) string) (*thesaurus, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	th := newThesaurus()
	th.stem = stem
	if err := parseSynonyms(th, f); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return th, nil
}

// stemmer analyses a phrase with the index's text analyzer.
func (ix *Index) stemmer() func(string) string {
	a := ix.idx.Mapping().AnalyzerNamed(textAnalyzer)
	if a == nil {
		return nil
	}
	return func(s string) string { return strings.Join(analyse(a, s), " ") }
}

// presentValues returns the values of facet the index holds, cached
// until the next change is applied.
func (ix *Index) presentValues(facet string) map[string]bool {
	seq, _ := ix.Applied()
	n, _ := ix.idx.DocCount()
	s := &ix.syn
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.present == nil || s.seq != seq || s.presentN != n {
		s.present, s.seq, s.presentN = map[string]map[string]bool{}, seq, n
	}
	if vs, ok := s.present[facet]; ok {
		return vs
	}
	vs := map[string]bool{}
	if dict, err := ix.idx.FieldDict(facetField[facet]); err == nil {
		for e, err := dict.Next(); e != nil && err == nil; e, err = dict.Next() {
			vs[e.Term] = true
		}
		dict.Close()
	}
	s.present[facet] = vs
	return vs
}

// expander builds the query for a term or a run of words together with
// what they also mean.
type expander struct {
	ix    *Index
	th    *thesaurus
	a     analysis.Analyzer
	fuzzy map[string]correction // by the word as typed
	notes []string
}

func (ix *Index) newExpander(a analysis.Analyzer) *expander {
	return &expander{ix: ix, th: ix.thesaurus(), a: a}
}

// group is one or more written terms searched as one clause.
type group struct {
	terms []Term
	also  *meaning
}

// groups cuts terms into groups: the longest runs of plain words the
// thesaurus knows ("krung thep"), and every other term alone.
func (x *expander) groups(terms []Term) []group {
	var out []group
	for i := 0; i < len(terms); {
		n, m := x.longestRun(terms[i:])
		out = append(out, group{terms: terms[i : i+n], also: m})
		i += n
	}
	return out
}

// A run of several words groups only for a city or a staff synonym:
// other phrases are found by their words, and a long question keeps its
// words to count (see textQuery).
func (x *expander) longestRun(terms []Term) (int, *meaning) {
	if plain(terms[0]) {
		for n := min(len(terms), x.th.maxWords); n > 1; n-- {
			if !allPlain(terms[:n]) {
				continue
			}
			var words []string
			for _, t := range terms[:n] {
				words = append(words, t.Text)
			}
			if m := x.useful(strings.Join(words, " ")); m != nil && len(m.cities)+len(m.words) > 0 {
				return n, m
			}
		}
	}
	if terms[0].Field != "" {
		return 1, nil // title:flood is the word in titles, nothing else
	}
	return 1, x.useful(terms[0].Text)
}

func plain(t Term) bool { return !t.Phrase && !t.Not && t.Field == "" }

func allPlain(ts []Term) bool {
	for _, t := range ts {
		if !plain(t) {
			return false
		}
	}
	return true
}

// useful returns what phrase also means among the values the index
// holds, or nil when that adds nothing. A name of several cities in the
// index is left as written.
func (x *expander) useful(phrase string) *meaning {
	m := x.th.lookup(phrase)
	if m == nil {
		return nil
	}
	out := &meaning{words: m.words}
	cities := x.ix.presentValues(FacetCity)
	for _, c := range m.cities {
		if cities[c] {
			out.cities = append(out.cities, c)
		}
	}
	if len(out.cities) > 1 {
		out.cities = nil
	}
	themes := x.ix.presentValues(FacetTheme)
	for _, t := range m.themes {
		if themes[t] {
			out.themes = append(out.themes, t)
		}
	}
	if len(out.cities)+len(out.themes)+len(out.words) == 0 {
		return nil
	}
	if len(out.cities) == 1 && phraseKey(out.cities[0]) != phraseKey(phrase) {
		x.notes = append(x.notes, fmt.Sprintf("%q also finds %s", phrase, out.cities[0]))
	}
	return out
}

// clauses builds one clause per written term of a group, each matching
// the term or what the group also means: in "krung thep flood", krung and
// thep each match Bangkok, so a long question counts both words found
// (see textQuery). A nil clause is a term with nothing searchable (a stop
// word). n is the number of bleve clauses.
func (x *expander) clauses(g group) (out []query.Query, n int) {
	var also []query.Query
	if g.also != nil {
		for _, w := range g.also.words {
			if q, k := termQuery(Term{Text: w, Phrase: strings.Contains(w, " ")}, x.a); q != nil {
				also, n = append(also, q), n+k
			}
		}
		for _, c := range g.also.cities {
			also, n = append(also, anyOf(FacetCity, []string{c})), n+1
		}
		for _, t := range g.also.themes {
			also, n = append(also, anyOf(FacetTheme, []string{t})), n+1
		}
	}
	for _, t := range g.terms {
		t.Not = false
		q, k := termQuery(t, x.a)
		if q == nil { // a stop word: "the flood" is flood
			out = append(out, nil)
			continue
		}
		n += k
		if c, ok := x.fuzzy[t.Text]; ok && !t.Phrase {
			q = fuzzyClause(q, c)
		}
		alts := append([]query.Query{q}, also...)
		switch len(alts) {
		case 1:
			out = append(out, alts[0])
		default:
			out = append(out, bleve.NewDisjunctionQuery(alts...))
		}
	}
	return out, n
}
