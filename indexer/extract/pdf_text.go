package extract

import (
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// pdfiumLineBreak is how PDFium ends a line; pdfiumHyphen (STX) marks a
// hyphen it found at a line end, where a word was split.
const (
	pdfiumLineBreak = "\r\n"
	pdfiumHyphen    = "\x02"
)

// pdfLines normalises one page of PDFium text into its lines: spaces
// collapsed, control and private-use characters dropped, words split by a
// hyphen at a line end joined again, NFC.
func pdfLines(text string) []string {
	text = strings.ReplaceAll(text, pdfiumHyphen+pdfiumLineBreak, "")
	text = strings.ReplaceAll(text, pdfiumLineBreak, "\n")
	var lines []string
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimSpace(collapseSpace(strings.Map(dropJunk, line)))
		if line != "" {
			lines = append(lines, norm.NFC.String(line))
		}
	}
	return lines
}

// joinPDFLines joins a page's lines with line breaks, except between two
// CJK characters: Japanese and Chinese are wrapped without spaces, and
// vertical text comes out one character per line.
func joinPDFLines(lines []string) string {
	var b strings.Builder
	prev := rune(-1)
	for _, line := range lines {
		first, _ := utf8.DecodeRuneInString(line)
		if prev >= 0 && !(isWide(prev) && isWide(first)) {
			b.WriteByte('\n')
		}
		b.WriteString(line)
		prev, _ = utf8.DecodeLastRuneInString(line)
	}
	return b.String()
}

// dropJunk removes characters that carry no text: private-use code
// points (symbol-font bullets), noncharacters, replacement characters and
// controls other than whitespace.
func dropJunk(r rune) rune {
	switch {
	case r == '\t' || r == '\n':
		return r
	case unicode.IsControl(r), unicode.Is(unicode.Co, r), r == 0xfffd, r == 0xfffe, r == 0xffff:
		return -1
	}
	return r
}

// visibleChars counts characters other than whitespace.
func visibleChars(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}

// joinPages joins the pages with blank lines and returns where each page
// starts in the result. An empty page keeps its place: it starts where the
// next one does.
func joinPages(pages []string) (string, []int) {
	var b strings.Builder
	starts := make([]int, len(pages))
	for i, p := range pages {
		if p != "" && b.Len() > 0 {
			b.WriteString("\n\n")
		}
		starts[i] = b.Len()
		b.WriteString(p)
	}
	return b.String(), starts
}

// pdfTitleLine returns the first line of the first page with text that is
// wide enough to name the document (a page number or "別紙" is not).
func pdfTitleLine(pages [][]string) string {
	for _, lines := range pages {
		if len(lines) == 0 {
			continue
		}
		for _, line := range lines {
			if letterWidth(line) >= 6 && letterShare(line) >= 0.5 {
				return line
			}
		}
		return ""
	}
	return ""
}

// letterWidth is the display width of a line's letters.
func letterWidth(s string) int {
	w := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			w += displayWidth(string(r))
		}
	}
	return w
}

// letterShare is the share of letters among a line's visible characters.
func letterShare(s string) float64 {
	letters, all := 0, 0
	for _, r := range s {
		if unicode.IsSpace(r) {
			continue
		}
		all++
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return float64(letters) / float64(max(all, 1))
}

// pdfSummary joins runs of long lines (wrapped prose) on the first pages
// into paragraphs and returns the first substantial one that is not the
// title.
func pdfSummary(pages []string, title string) string {
	var paras, run []string
	flush := func() {
		if len(run) > 0 {
			paras = append(paras, collapseSpace(strings.Join(run, "\n")))
		}
		run = nil
	}
	for _, p := range pages[:min(len(pages), 3)] {
		for line := range strings.SplitSeq(p, "\n") {
			if displayWidth(line) < 40 || line == title {
				flush()
				continue
			}
			run = append(run, line)
		}
		flush()
	}
	return firstSubstantial(paras, map[string]bool{title: true})
}

// nameHint makes a title of a file name: "annual_report-2019.pdf" gives
// "annual report-2019".
func nameHint(name string) string {
	base := filepath.Base(filepath.ToSlash(name))
	if base == "." || base == "/" {
		return ""
	}
	base = strings.TrimSuffix(base, filepath.Ext(base))
	return strings.TrimSpace(strings.ReplaceAll(base, "_", " "))
}
