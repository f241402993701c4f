package records

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// inline cleans a one-line value: valid UTF-8 in NFC, control characters
// dropped, each run of white space one space, trimmed.
func inline(s string) string {
	return strings.Join(strings.Fields(tidy(s)), " ")
}

// tidy makes s valid UTF-8 in NFC without control characters other than
// tab and line feed; line ends become line feeds.
func tidy(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\ufffd")
	}
	if strings.Contains(s, "\r") {
		s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	}
	if strings.IndexFunc(s, isJunk) >= 0 {
		s = strings.Map(func(r rune) rune {
			if isJunk(r) {
				return -1
			}
			return r
		}, s)
	}
	return norm.NFC.String(s)
}

// isJunk reports control and format characters that carry no text: C0
// and C1 controls other than tab and line feed, byte order marks.
func isJunk(r rune) bool {
	return r != '\t' && r != '\n' && unicode.IsControl(r) || r == '\ufeff'
}

// paragraphs tidies record text into paragraphs separated by "\n\n". A
// paragraph ends at a blank line or where an indented line starts a new
// one (as in wire-service copy); the lines of a paragraph are joined with
// a space.
func paragraphs(s string) string {
	s = tidy(s)
	var b strings.Builder
	b.Grow(len(s))
	inPara := false
	for line := range strings.Lines(s) {
		if strings.TrimSpace(line) == "" {
			inPara = false
			continue
		}
		switch {
		case b.Len() == 0:
		case inPara && !indented(line):
			b.WriteByte(' ')
		default:
			b.WriteString("\n\n")
		}
		writeWords(&b, line)
		inPara = true
	}
	return b.String()
}

// writeWords writes the words of s separated by one space.
func writeWords(b *strings.Builder, s string) {
	space := false
	for len(s) > 0 {
		r, size := rune(s[0]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s)
		}
		if unicode.IsSpace(r) {
			space = true
		} else {
			if space && b.Len() > 0 && !endsWithSpace(b) {
				b.WriteByte(' ')
			}
			b.WriteString(s[:size])
			space = false
		}
		s = s[size:]
	}
}

func endsWithSpace(b *strings.Builder) bool {
	s := b.String()
	return s[len(s)-1] == ' ' || s[len(s)-1] == '\n'
}

// indented reports a line that starts with a tab or at least two spaces.
func indented(line string) bool {
	return strings.HasPrefix(line, "\t") || strings.HasPrefix(line, "  ")
}

// truncate shortens s to at most max characters, cutting at a space in
// the last third when there is one and ending with "…".
func truncate(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	runes := []rune(s)[:max-1]
	cut := len(runes)
	for i := len(runes) - 1; i > len(runes)*2/3; i-- {
		if unicode.IsSpace(runes[i]) {
			cut = i
			break
		}
	}
	return strings.TrimRightFunc(string(runes[:cut]), func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",;:", r)
	}) + "…"
}
