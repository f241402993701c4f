package search

import (
	"bufio"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"casebook/data"
)

// A thesaurus knows what a written phrase also means: another name of a
// city ("Rangoon", "バンコク": the city facet value Yangon, Bangkok), a
// theme's label in English or Japanese ("廃棄物・リサイクル") and the
// staff's own synonyms ("bike, bicycle"). Queries are expanded with it
// at search time, so changing it needs no reindexing. (bleve's synonym
// sources keep definitions inside the index and expand single analysed
// terms; city names are often several words, or CJK runs the analyzer
// cuts into bigrams.)
type thesaurus struct {
	entries  map[string]*meaning // by phraseKey, and staff phrases by stemKey too
	maxWords int                 // words in the longest phrase
	// stem analyses a phrase as the index does, so that a staff synonym
	// "drain" is found for "drains"; nil for names, which are not stemmed.
	stem func(string) string
}

// meaning is what a phrase also stands for.
type meaning struct {
	cities []string // city facet values
	themes []string // theme facet values
	words  []string // other phrases, searched as text
}

func newThesaurus() *thesaurus { return &thesaurus{entries: map[string]*meaning{}, maxWords: 1} }

// maxPhraseWords: longer names (Bangkok's ceremonial one) are not typed.
const maxPhraseWords = 6

func (th *thesaurus) entry(phrase string) *meaning {
	k := phraseKey(phrase)
	if k == "" || strings.Count(k, " ") >= maxPhraseWords {
		return nil
	}
	m := th.entries[k]
	if m == nil {
		m = &meaning{}
		th.entries[k] = m
		th.maxWords = max(th.maxWords, len(strings.Fields(k)))
	}
	return m
}

func addUnique(list []string, v string) []string {
	if slices.Contains(list, v) {
		return list
	}
	return append(list, v)
}

// lookup returns what phrase also means, or nil.
func (th *thesaurus) lookup(phrase string) *meaning {
	if th == nil {
		return nil
	}
	if m := th.entries[phraseKey(phrase)]; m != nil || th.stem == nil {
		return m
	}
	return th.entries[stemKey(th.stem, phrase)]
}

// stemKey is the key of a staff phrase by its analysed terms.
func stemKey(stem func(string) string, phrase string) string {
	if s := stem(phrase); s != "" {
		return "\x00" + s
	}
	return ""
}

// phraseKey normalises a phrase for lookup: NFKC, lower case, every run
// of spaces and punctuation one space.
func phraseKey(s string) string {
	s = strings.ToLower(norm.NFKC.String(s))
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
	}), " ")
}

// referenceThesaurus reads the gazetteer's city names and aliases and the
// taxonomy's theme labels and keywords from data.Reference. A name two
// cities share means both; search keeps only the cities in the index.
var referenceThesaurus = sync.OnceValues(func() (*thesaurus, error) {
	th := newThesaurus()
	if err := addCities(th); err != nil {
		return nil, err
	}
	if err := addThemes(th, data.Reference); err != nil {
		return nil, err
	}
	return th, nil
})

func addCities(th *thesaurus) error {
	aliases, err := cityAliases()
	if err != nil {
		return err
	}
	for _, name := range slices.Sorted(maps.Keys(aliases)) { // a stable order of meanings
		for _, n := range append([]string{name}, aliases[name]...) {
			if m := th.entry(n); m != nil {
				m.cities = addUnique(m.cities, name)
			}
		}
	}
	return nil
}

func addThemes(th *thesaurus, fsys fs.FS) error {
	var themes []struct {
		Label   string `json:"label"`
		LabelJA string `json:"label_ja"`
	}
	if err := readJSON(fsys, "reference/themes.json", &themes); err != nil {
		return err
	}
	// Labels only: a keyword ("typhoon") would bring in every document of
	// its theme (earthquakes too), however little it says of the word.
	for _, t := range themes {
		for _, n := range []string{t.Label, t.LabelJA} {
			if m := th.entry(n); m != nil {
				m.themes = addUnique(m.themes, t.Label)
			}
		}
	}
	return nil
}

// shippedThesaurus is the reference thesaurus with the synonyms Casebook
// ships (data/reference/synonyms.txt), matched as the index analyses them.
var shippedThesaurus = sync.OnceValues(func() (*thesaurus, error) {
	ref, err := referenceThesaurus()
	if err != nil {
		return nil, err
	}
	m, err := NewMapping()
	if err != nil {
		return nil, err
	}
	a := m.AnalyzerNamed(textAnalyzer)
	f, err := data.Reference.Open("reference/synonyms.txt")
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	defer f.Close()
	shipped := newThesaurus()
	shipped.stem = func(s string) string { return strings.Join(analyse(a, s), " ") }
	if err := parseSynonyms(shipped, f); err != nil {
		return nil, fmt.Errorf("search: reference/synonyms.txt: %w", err)
	}
	return merged(ref, shipped), nil
})

// parseSynonyms reads a staff synonym list, one group a line in Solr's
// format: "bike, bicycle, cycling" makes the phrases mean each other;
// "MRT => subway, metro" makes MRT also mean subway and metro, not the
// other way round. Blank lines and lines starting with # are skipped.
func parseSynonyms(th *thesaurus, r io.Reader) error {
	byStem := func(l string) *meaning {
		if th.stem == nil {
			return nil
		}
		k := stemKey(th.stem, l)
		if k == "" {
			return nil
		}
		if th.entries[k] == nil {
			th.entries[k] = &meaning{}
		}
		return th.entries[k]
	}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		from, to, oneWay := strings.Cut(line, "=>")
		lhs, rhs := splitList(from), splitList(to)
		if !oneWay {
			rhs = lhs
		}
		if len(lhs) == 0 || len(rhs) == 0 || !oneWay && len(lhs) < 2 {
			return fmt.Errorf("synonyms line %d: want \"a, b, c\" or \"a => b, c\", got %q", n, line)
		}
		for _, l := range lhs {
			for _, m := range []*meaning{th.entry(l), byStem(l)} {
				for _, r := range rhs {
					if m != nil && phraseKey(r) != phraseKey(l) {
						m.words = addUnique(m.words, r)
					}
				}
			}
		}
	}
	return sc.Err()
}

func splitList(s string) []string {
	var out []string
	for p := range strings.SplitSeq(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// merged returns a thesaurus with the entries of both; b's add to a's.
func merged(a, b *thesaurus) *thesaurus {
	out := newThesaurus()
	for _, th := range []*thesaurus{a, b} {
		if th == nil {
			continue
		}
		out.maxWords = max(out.maxWords, th.maxWords)
		if th.stem != nil {
			out.stem = th.stem
		}
		for k, m := range th.entries {
			e := out.entries[k]
			if e == nil {
				e = &meaning{}
				out.entries[k] = e
			}
			for _, c := range m.cities {
				e.cities = addUnique(e.cities, c)
			}
			for _, t := range m.themes {
				e.themes = addUnique(e.themes, t)
			}
			for _, w := range m.words {
				e.words = addUnique(e.words, w)
			}
		}
	}
	return out
}
