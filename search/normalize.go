package search

import (
	"strings"
	"unicode"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
	"golang.org/x/text/unicode/norm"
)

// nfkcName is a char filter that NFKC-normalises text before it is split
// into words, so that ＣＯ２ is one word, co2. Indexed text is normalised
// before it reaches bleve (see toIndexDoc), so the filter changes no
// offsets there and highlight positions stay right; it matters for queries.
const nfkcName = "casebook_nfkc"

type nfkcFilter struct{}

func (nfkcFilter) Filter(b []byte) []byte {
	if norm.NFKC.IsNormal(b) {
		return b
	}
	return norm.NFKC.Bytes(b)
}

func nfkc(s string) string {
	if norm.NFKC.IsNormalString(s) {
		return s
	}
	return norm.NFKC.String(s)
}

func init() {
	err := registry.RegisterCharFilter(nfkcName, func(map[string]any, *registry.Cache) (analysis.CharFilter, error) {
		return nfkcFilter{}, nil
	})
	if err != nil {
		panic(err)
	}
}

// foldName is a token filter that takes accents off Latin letters, so
// that communique finds communiqué and Ho Chi Minh finds Hồ Chí Minh. It
// works on tokens, so highlight offsets stay right, and leaves other
// scripts alone: Japanese voiced marks (が) are marks too.
const foldName = "casebook_fold"

type foldFilter struct{}

func (foldFilter) Filter(ts analysis.TokenStream) analysis.TokenStream {
	for _, t := range ts {
		if hasAccentedLatin(t.Term) {
			t.Term = []byte(foldLatin(string(t.Term)))
		}
	}
	return ts
}

// hasAccentedLatin reports whether b has a letter of the Latin-1
// Supplement or Latin Extended blocks.
func hasAccentedLatin(b []byte) bool {
	for _, r := range string(b) {
		if isLatinExtended(r) {
			return true
		}
	}
	return false
}

func isLatinExtended(r rune) bool {
	return r >= 0xC0 && r <= 0x24F || r >= 0x1E00 && r <= 0x1EFF
}

// latinLetters fold letters that do not decompose into a base and marks.
var latinLetters = map[rune]string{'đ': "d", 'ð': "d", 'ø': "o", 'ł': "l", 'ß': "ss", 'æ': "ae", 'œ': "oe", 'ı': "i", 'þ': "th"}

// foldLatin decomposes s and drops the marks that follow a Latin letter.
func foldLatin(s string) string {
	var b strings.Builder
	latinBase := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r) && latinBase:
			continue
		case latinLetters[r] != "":
			b.WriteString(latinLetters[r])
			latinBase = true
			continue
		}
		latinBase = r < 0x80 && unicode.IsLetter(r) || isLatinExtended(r)
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
}

func init() {
	err := registry.RegisterTokenFilter(foldName, func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
		return foldFilter{}, nil
	})
	if err != nil {
		panic(err)
	}
}
