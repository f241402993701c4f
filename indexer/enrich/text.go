package enrich

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"casebook/data"
)

// Field kinds and how much a mention in each weighs.
const (
	kindTitle = iota
	kindHeading
	kindSummary
	kindBody
	numKinds
)

var (
	kindNames   = [numKinds]string{"title", "heading", "summary", "body"}
	kindWeights = [numKinds]float64{5, 3, 2, 1}
)

// maxBodyBytes bounds how much of a long report's body is analysed; the
// subject of a document shows in its first pages.
const maxBodyBytes = 256 << 10

// field is one normalised part of a document.
type field struct {
	kind     int
	text     string  // NFKC
	toks     []token // words outside the dense scripts
	dense    bool    // has runes of a script written without spaces
	dateline bool    // a news story's place line: its first place leads
}

// token is one word of a field, with its byte span in field.text.
type token struct {
	low, orig  string
	start, end int
}

// documentFields returns the document's fields in weight order.
func documentFields(doc *data.Document) []field {
	fs := []field{newField(kindTitle, doc.Title)}
	for _, h := range doc.Headings {
		fs = append(fs, newField(kindHeading, h))
	}
	fs = append(fs, newField(kindSummary, doc.Summary))
	return append(fs, newField(kindBody, truncate(doc.Body, maxBodyBytes)))
}

func newField(kind int, s string) field {
	s = dropCredits(norm.NFKC.String(s))
	f := field{kind: kind, text: s, toks: tokenize(s)}
	for _, r := range s {
		if isDense(r) {
			f.dense = true
			break
		}
	}
	return f
}

// creditMarks start a photo credit: "UVA La Libertad © Empresas Publicas
// de Medellín", "Photo: Urban Redevelopment Authority Singapore". The
// credit names who took or owns a picture, not what the text is about.
var creditMarks = []string{"©", "Photo:", "Photo credit:", "Image:", "Credit:", "Source:"}

// dropCredits removes each photo credit, from its mark to the end of its
// line.
func dropCredits(s string) string {
	if !strings.ContainsAny(s, "©:") {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		for _, m := range creditMarks {
			if j := strings.Index(line, m); j >= 0 {
				line = line[:j]
			}
		}
		lines[i] = line
	}
	return strings.Join(lines, "\n")
}

// tokenize splits s into words: runs of letters, digits and marks outside
// the dense scripts.
func tokenize(s string) []token {
	toks := make([]token, 0, strings.Count(s, " ")+1)
	start := -1
	for i, r := range s {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			toks = append(toks, newToken(s, start, i))
			start = -1
		}
	}
	if start >= 0 {
		toks = append(toks, newToken(s, start, len(s)))
	}
	return toks
}

func newToken(s string, start, end int) token {
	w := s[start:end]
	return token{low: strings.ToLower(w), orig: w, start: start, end: end}
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)) && !isDense(r)
}

// Scripts detectLang and the matcher tell apart.
const (
	scriptOther = iota
	scriptLatin
	scriptKana
	scriptHan
	scriptHangul
	scriptThai
	scriptDense // another script written without spaces: Lao, Khmer, Myanmar
)

// scriptOf classifies r, with fast paths for the common blocks.
func scriptOf(r rune) int {
	switch {
	case r < 0x250:
		return scriptLatin
	case r >= 0x3040 && r <= 0x30FF:
		return scriptKana // includes ー (U+30FC)
	case r >= 0x4E00 && r <= 0x9FFF:
		return scriptHan
	case r >= 0xAC00 && r <= 0xD7A3:
		return scriptHangul
	case r >= 0x0E00 && r <= 0x0E7F:
		return scriptThai
	case r < 0x0E00:
		return scriptOther
	case r == '々' || unicode.Is(unicode.Han, r):
		return scriptHan
	case unicode.In(r, unicode.Hiragana, unicode.Katakana):
		return scriptKana
	case unicode.Is(unicode.Hangul, r):
		return scriptHangul
	case unicode.In(r, unicode.Lao, unicode.Khmer, unicode.Myanmar):
		return scriptDense
	}
	return scriptOther
}

// isDense reports whether r belongs to a script written without spaces
// between words, where names are found as substrings.
func isDense(r rune) bool { return scriptOf(r) >= scriptKana }

// joinable reports whether the gap between two words may sit inside one
// name or phrase: spaces, hyphens, apostrophes, dots inside abbreviations,
// but not a sentence end, a comma or a paragraph break. dotted allows a
// dot before the space: the name itself has one there ("St. Louis").
func joinable(gap string, dotted bool) bool {
	if strings.Count(gap, "\n") > 1 {
		return false
	}
	for i, r := range gap {
		switch {
		case unicode.IsSpace(r), r == '-', r == '\'', r == '’', r == '&', r == '‐', r == '–':
		case r == '.':
			if i+1 < len(gap) && !(dotted && i == 0) {
				return false // "Delhi. New" ends a sentence
			}
		default:
			return false
		}
	}
	return true
}

// lookupKey normalises a name for lookup: NFKC, lower case, and every run
// of spaces and punctuation as one space.
func lookupKey(s string) string {
	s = norm.NFKC.String(s)
	var b strings.Builder
	space := false
	for _, r := range s {
		if isWordRune(r) || isDense(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(unicode.ToLower(r))
			space = false
			continue
		}
		space = true
	}
	return b.String()
}

// truncate cuts s to at most n bytes on a rune boundary.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// quote shortens s for evidence.
func quote(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > 60 {
		r := []rune(s)
		s = string(r[:57]) + "..."
	}
	return `"` + s + `"`
}
