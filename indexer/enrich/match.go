package enrich

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// target is what a phrase stands for: a city, country or theme index; a
// negative phrase cancels what it covers instead of counting, and a weak
// one counts weakWeight of a mention.
type target struct {
	id   int
	neg  bool
	weak bool
}

// phrase is one name or keyword as the matcher looks for it.
type phrase struct {
	text    string   // as listed in the reference data, for evidence
	words   []string // word phrases: the words, lower case unless exact
	exact   bool     // match case as written (short acronyms: KL, AIDS)
	dense   string   // dense-script phrases: the NFKC text
	dots    []bool   // dots[j]: the name has a dot after word j ("St. Louis")
	targets []target
}

// matcher finds phrases in fields, leftmost-longest and without overlaps.
// A keyword matcher (plural set: themes) also matches English plurals; a
// name matcher (cities, countries, regions) takes dense-script names only
// where they stand apart from the text around them (see standsApart).
type matcher struct {
	plural  bool                 // also match English plurals of the last word
	apart   bool                 // dense names must stand apart: set for name matchers
	byWord  map[string][]*phrase // word phrases by first word
	byExact map[string][]*phrase // acronyms by first word as written
	byRune  map[rune][]*phrase   // dense phrases by first rune, longest first
	byKey   map[string]*phrase
}

// hit is one match: the phrase and its byte span in the field.
type hit struct {
	p          *phrase
	start, end int
}

func newMatcher(plural bool) *matcher {
	return &matcher{
		plural:  plural,
		apart:   !plural,
		byWord:  map[string][]*phrase{},
		byExact: map[string][]*phrase{},
		byRune:  map[rune][]*phrase{},
		byKey:   map[string]*phrase{},
	}
}

// add registers text as a phrase for t. A phrase listed for several
// targets counts for each of them.
func (m *matcher) add(text string, t target) {
	p := newPhrase(text)
	key := p.key()
	if key == "" {
		return
	}
	if old, ok := m.byKey[key]; ok {
		if !slices.Contains(old.targets, t) {
			old.targets = append(old.targets, t)
		}
		return
	}
	p.targets = []target{t}
	m.byKey[key] = p
	if p.dense != "" {
		// Keep each list longest first, a new phrase after those as long.
		r, _ := utf8.DecodeRuneInString(p.dense)
		list := m.byRune[r]
		i, _ := slices.BinarySearchFunc(list, len(p.dense), func(q *phrase, n int) int {
			if len(q.dense) >= n {
				return -1
			}
			return 1
		})
		m.byRune[r] = slices.Insert(list, i, p)
		return
	}
	if p.exact {
		m.byExact[p.words[0]] = append(m.byExact[p.words[0]], p)
	} else {
		m.byWord[p.words[0]] = append(m.byWord[p.words[0]], p)
	}
}

func newPhrase(text string) *phrase {
	s := strings.TrimSpace(text)
	if !isASCII(s) {
		s = norm.NFKC.String(s)
	}
	p := &phrase{text: text}
	if strings.IndexFunc(s, isDense) >= 0 {
		p.dense = strings.Join(strings.Fields(s), "")
		return p
	}
	p.exact = isAcronym(s)
	for _, t := range tokenize(s) {
		if p.exact {
			p.words = append(p.words, t.orig)
		} else {
			p.words = append(p.words, t.low)
		}
		p.dots = append(p.dots, strings.HasPrefix(s[t.end:], "."))
	}
	return p
}

// isAcronym reports whether s is written in 2 to 4 capital letters (plus
// digits and dots), like KL, HCMC, CO2 or U.S.: such names are words only
// when written in capitals.
func isAcronym(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n >= 2 && n <= 4
}

func (p *phrase) key() string {
	if p.dense != "" {
		return "d:" + p.dense
	}
	if len(p.words) == 0 {
		return ""
	}
	if p.exact {
		return "x:" + strings.Join(p.words, " ")
	}
	return "w:" + strings.Join(p.words, " ")
}

// find returns the phrases in f, leftmost-longest, without overlaps.
func (m *matcher) find(f *field) []hit {
	var hits []hit
	for i := 0; i < len(f.toks); i++ {
		if p, n := m.longestAt(f, i); p != nil {
			hits = append(hits, hit{p: p, start: f.toks[i].start, end: f.toks[i+n-1].end})
			i += n - 1
		}
	}
	if f.dense {
		hits = append(hits, m.findDense(f.text)...)
	}
	return hits
}

// longestAt returns the longest word phrase starting at token i and its
// length in words.
func (m *matcher) longestAt(f *field, i int) (*phrase, int) {
	t := f.toks[i]
	var best *phrase
	try := func(list []*phrase) {
		for _, p := range list {
			if (best == nil || len(p.words) > len(best.words)) && m.matchAt(p, f, i) {
				best = p
			}
		}
	}
	upper := t.low != t.orig // only then can an acronym start here
	try(m.byWord[t.low])
	if upper {
		try(m.byExact[t.orig])
	}
	if m.plural && strings.HasSuffix(t.low, "s") {
		for _, s := range stems(t.low) {
			if s != "" {
				try(m.byWord[s])
			}
		}
		for _, s := range stems(t.orig) {
			if s != "" && upper {
				try(m.byExact[s])
			}
		}
	}
	if best == nil {
		return nil, 0
	}
	return best, len(best.words)
}

// stems returns the singulars an English plural w may come from.
func stems(w string) [3]string {
	var out [3]string
	if s, ok := strings.CutSuffix(w, "s"); ok && s != "" {
		out[0] = s
		if s, ok := strings.CutSuffix(s, "e"); ok && s != "" {
			out[1] = s
		}
	}
	if s, ok := strings.CutSuffix(w, "ies"); ok && s != "" {
		out[2] = s + "y"
	}
	return out
}

func (m *matcher) matchAt(p *phrase, f *field, i int) bool {
	if i+len(p.words) > len(f.toks) {
		return false
	}
	for j, w := range p.words {
		t := f.toks[i+j]
		got := t.low
		if p.exact {
			got = t.orig
		}
		last := j == len(p.words)-1
		if got != w && !(m.plural && last && isPlural(got, w)) {
			return false
		}
		if j > 0 && !joinable(f.text[f.toks[i+j-1].end:t.start], p.dots[j-1]) {
			return false
		}
	}
	return true
}

// isPlural reports whether got is an English plural of w.
func isPlural(got, w string) bool {
	if rest, ok := strings.CutPrefix(got, w); ok {
		return rest == "s" || rest == "es"
	}
	if stem, ok := strings.CutSuffix(w, "y"); ok {
		return got == stem+"ies"
	}
	return false
}

// findDense finds dense-script phrases in s, leftmost-longest; for a name
// matcher, only those that stand apart from the text around them.
func (m *matcher) findDense(s string) []hit {
	var hits []hit
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		n := 0
		if r >= 0x0E00 {
			for _, p := range m.byRune[r] {
				if strings.HasPrefix(s[i:], p.dense) && (!m.apart || standsApart(s, i, i+len(p.dense))) {
					hits = append(hits, hit{p: p, start: i, end: i + len(p.dense)})
					n = len(p.dense)
					break
				}
			}
		}
		if n == 0 {
			n = size
		}
		i += n
	}
	return hits
}

// cityMarks are the Chinese and Japanese characters that may follow a
// place name directly: city, metropolis, prefecture, province, ward...
const cityMarks = "市都府県省区州縣"

// honorifics after a name make it a person's: 松本さん, 中山様.
var honorifics = []string{"さん", "様", "氏", "君", "くん", "ちゃん", "先生"}

// standsApart reports whether the dense phrase at s[start:end] is a word
// of its own rather than part of a longer one: a katakana name is not
// next to more katakana (リマ in リマインダー); a Han name of one or two
// characters is not next to more Han, unless a mark like 市 follows
// (北海 in 北海道, but 北京市); a Hangul name does not follow Hangul; and
// no name is followed by an honorific.
func standsApart(s string, start, end int) bool {
	first, _ := utf8.DecodeRuneInString(s[start:])
	last, lastSize := utf8.DecodeLastRuneInString(s[:end])
	before, _ := utf8.DecodeLastRuneInString(s[:start])
	after, _ := utf8.DecodeRuneInString(s[end:])
	if start == 0 {
		before = ' '
	}
	if end == len(s) {
		after = ' '
	}
	for _, h := range honorifics {
		if strings.HasPrefix(s[end:], h) {
			return false
		}
	}
	switch {
	case isKatakana(first) && isKatakana(before), isKatakana(last) && isKatakana(after):
		return false
	case scriptOf(first) == scriptHangul && scriptOf(before) == scriptHangul:
		return false
	case scriptOf(first) == scriptHan && end-start <= 2*lastSize:
		if strings.ContainsRune(cityMarks, after) {
			return true
		}
		return scriptOf(before) != scriptHan && scriptOf(after) != scriptHan
	}
	return true
}

// isKatakana reports whether r is katakana, the long vowel mark included,
// but not the middle dot that separates words.
func isKatakana(r rune) bool {
	return r != '・' && (r >= 0x30A1 && r <= 0x30FF || r >= 0x31F0 && r <= 0x31FF || r >= 0xFF66 && r <= 0xFF9D)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
