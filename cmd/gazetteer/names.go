package main

import (
	_ "embed"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"casebook/indexer/enrich"
)

//go:embed words.txt
var wordsFile string

// commonWords returns the words of words.txt by lookup key.
func commonWords() map[string]bool {
	out := map[string]bool{}
	for line := range strings.Lines(wordsFile) {
		if w := strings.TrimSpace(line); w != "" && !strings.HasPrefix(w, "#") {
			out[enrich.NameKey(w)] = true
		}
	}
	return out
}

// Scripts as far as alias filtering is concerned.
const (
	scriptLatin = iota
	scriptDense // written without spaces: Chinese, Japanese, Korean, Thai...
	scriptOther // Cyrillic, Arabic, Devanagari, Greek...
)

func scriptOf(s string) int {
	script := scriptLatin
	for _, r := range s {
		switch {
		case !unicode.IsLetter(r):
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul,
			unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar):
			return scriptDense
		case !unicode.Is(unicode.Latin, r):
			script = scriptOther
		}
	}
	return script
}

var (
	codeLike = regexp.MustCompile(`^[A-Z]{3,4}$`) // IATA and ICAO codes: TYO, RJTT
	badRunes = "*()[]{}<>/\\|\"=+?!#%@;:·_"
)

// cleanName returns s trimmed, with its spaces collapsed, and whether it
// is usable as an alias: not a code, URL or number, not a Latin name of
// three letters or fewer (Prato's "Pre"), not a machine romanisation written all in lower
// case ("dong jing"), and no single-character name in another script.
func cleanName(s string) (string, bool) {
	s = strings.Join(strings.Fields(s), " ")
	switch {
	case s == "", strings.ContainsAny(s, badRunes), strings.ContainsFunc(s, unicode.IsDigit),
		strings.Contains(s, "www."), codeLike.MatchString(s):
		return "", false
	}
	n := utf8.RuneCountInString(s)
	switch scriptOf(s) {
	case scriptLatin:
		if n <= 3 || !strings.ContainsFunc(s, unicode.IsUpper) {
			return "", false
		}
	default:
		if n <= 1 {
			return "", false
		}
	}
	return s, true
}

// keySet is a set of lookup keys.
type keySet map[string]bool

func (ks keySet) add(names ...string) {
	for _, n := range names {
		if k := enrich.NameKey(n); k != "" {
			ks[k] = true
		}
	}
}

func (ks keySet) has(name string) bool { return ks[enrich.NameKey(name)] }
