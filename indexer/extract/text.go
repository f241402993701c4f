package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Length limits, in characters.
const (
	summaryMax     = 300
	titleMax       = 200
	substantialMin = 80 // display width of a paragraph worth a summary
)

// collapseSpace turns each run of whitespace into one space and drops
// control characters. A line break between two CJK characters is removed
// instead: Japanese text is wrapped in the source without spaces.
func collapseSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	prev := rune(-1)
	space, newline := false, false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = true
			newline = newline || r == '\n'
			continue
		case unicode.IsControl(r), r == '\ufeff', r == '\u200b':
			continue
		}
		if space && prev >= 0 && !(newline && isWide(prev) && isWide(r)) {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
		prev, space, newline = r, false, false
	}
	return b.String()
}

// isWide reports characters of scripts written without spaces between
// words (Han, kana) and full-width punctuation.
func isWide(r rune) bool {
	switch {
	case r >= 0x3000 && r <= 0x30ff, r >= 0xff00 && r <= 0xffef:
		return true
	}
	return unicode.Is(unicode.Han, r)
}

// displayWidth counts wide characters as two.
func displayWidth(s string) int {
	w := 0
	for _, r := range s {
		w++
		if isWide(r) {
			w++
		}
	}
	return w
}

// truncate shortens s to at most max characters, ending with "…". It cuts
// after a sentence end (。) or else on a space or comma (、) when there is
// one in the last third.
func truncate(s string, max int) string {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	runes := []rune(s)[:max-1]
	cut := lastBoundary(runes, func(r rune) bool { return r == '。' })
	if cut < 0 {
		cut = lastBoundary(runes, func(r rune) bool { return unicode.IsSpace(r) || r == '、' })
	}
	if cut < 0 {
		cut = len(runes)
	}
	return strings.TrimRightFunc(string(runes[:cut]), func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",;:、", r)
	}) + "…"
}

// lastBoundary returns the index just after the last rune in the last third
// of runes that is a boundary, or -1.
func lastBoundary(runes []rune, boundary func(rune) bool) int {
	for i := len(runes) - 1; i > len(runes)*2/3; i-- {
		if boundary(runes[i]) {
			return i + 1
		}
	}
	return -1
}

// firstSubstantial returns the first paragraph wide enough to summarise a
// document, else the first paragraph, skipping those in skip (the title,
// headings).
func firstSubstantial(paras []string, skip map[string]bool) string {
	fallback := ""
	for _, p := range paras {
		if skip[p] {
			continue
		}
		if displayWidth(p) >= substantialMin {
			return truncate(collapseSpace(p), summaryMax)
		}
		if fallback == "" {
			fallback = p
		}
	}
	return truncate(collapseSpace(fallback), summaryMax)
}

// summaryFrom picks a summary from body paragraphs, skipping the title and
// the headings.
func summaryFrom(paras []string, title string, headings []string) string {
	skip := map[string]bool{title: true}
	for _, h := range headings {
		skip[h] = true
	}
	return firstSubstantial(paras, skip)
}

// normalizeLang reduces a language tag to its primary subtag: "ja-JP" → "ja".
func normalizeLang(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	for _, r := range tag {
		if r < 'a' || r > 'z' {
			return ""
		}
	}
	return tag
}

// joinParagraphs joins non-empty paragraphs with blank lines.
func joinParagraphs(paras []string) string {
	return strings.Join(paras, "\n\n")
}

// hasLetter reports whether s contains a letter or digit.
func hasLetter(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}
