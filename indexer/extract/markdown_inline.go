package extract

import (
	"html"
	"regexp"
	"strings"
)

var (
	mdImageRE    = regexp.MustCompile(`!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])`)
	mdLinkRE     = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	mdRefLinkRE  = regexp.MustCompile(`\[([^\]]+)\]\[[^\]]*\]`)
	mdAutoLinkRE = regexp.MustCompile(`<((?:https?|ftp|mailto):[^>\s]+)>`)
	htmlTagRE    = regexp.MustCompile(`</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>`)
	mdStrongRE   = regexp.MustCompile(`\*\*([^*\n]+?)\*\*`)
	mdStrongURE  = regexp.MustCompile(`(^|[^\p{L}\p{N}_])__([^_\n]+?)__($|[^\p{L}\p{N}_])`)
	mdEmRE       = regexp.MustCompile(`\*([^*\s](?:[^*\n]*?[^*\s])?)\*`)
	mdEmURE      = regexp.MustCompile(`(^|[^\p{L}\p{N}_])_([^_\s](?:[^_\n]*?[^_\s])?)_($|[^\p{L}\p{N}_])`)
	mdStrikeRE   = regexp.MustCompile(`~~([^~\n]+)~~`)
	mdEscapeRE   = regexp.MustCompile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!|<>~])")
)

// escapeBase shifts backslash-escaped ASCII punctuation out of the way of
// the markup patterns (into Supplementary Private Use Area-B) until the end.
const escapeBase = 0x100000

// stripInline removes inline Markdown from s: code spans keep their text,
// images go, links keep their text, emphasis markers and HTML tags go,
// entities are decoded, whitespace is collapsed.
func stripInline(s string) string {
	if strings.Contains(s, "\\") {
		s = mdEscapeRE.ReplaceAllStringFunc(s, func(m string) string { return string(rune(escapeBase + int(m[1]))) })
	}
	parts := strings.Split(s, "`")
	if len(parts)%2 == 0 { // an unmatched backtick is literal
		last := len(parts) - 1
		parts = append(parts[:last-1], parts[last-1]+"`"+parts[last])
	}
	for i := 0; i < len(parts); i += 2 {
		parts[i] = stripMarkup(parts[i])
	}
	s = strings.Join(parts, "")
	s = strings.Map(func(r rune) rune {
		if r >= escapeBase && r < escapeBase+0x80 {
			return r - escapeBase
		}
		return r
	}, s)
	return strings.TrimSpace(collapseSpace(s))
}

// stripMarkup runs only the patterns whose marker characters occur in s:
// most table cells and many lines have none.
func stripMarkup(s string) string {
	if strings.Contains(s, "[") {
		s = mdImageRE.ReplaceAllString(s, "")
		s = mdLinkRE.ReplaceAllString(s, "$1")
		s = mdRefLinkRE.ReplaceAllString(s, "$1")
	}
	if strings.Contains(s, "<") {
		s = mdAutoLinkRE.ReplaceAllString(s, "$1")
		s = htmlTagRE.ReplaceAllString(s, "")
	}
	if strings.Contains(s, "*") {
		s = mdStrongRE.ReplaceAllString(s, "$1")
		s = mdEmRE.ReplaceAllString(s, "$1")
	}
	if strings.Contains(s, "_") {
		s = mdStrongURE.ReplaceAllString(s, "$1$2$3")
		s = mdEmURE.ReplaceAllString(s, "$1$2$3")
	}
	if strings.Contains(s, "~~") {
		s = mdStrikeRE.ReplaceAllString(s, "$1")
	}
	if strings.Contains(s, "&") {
		s = html.UnescapeString(s)
	}
	return s
}
