package extract

import (
	"regexp"
	"strings"
)

// plainListRE marks a line that starts a list item, kept on its own line.
var plainListRE = regexp.MustCompile(`^[ \t\x{3000}]*(?:[-*+•・●○■□◆◇※]|\(?\d{1,3}[.)]|[(（]\d{1,3}[)）])[ \t\x{3000}]*`)

// extractPlain reads plain text: the first line with a letter or digit is
// the title, the rest the body, split into paragraphs at blank lines.
func extractPlain(text string) *Result {
	lines := strings.Split(text, "\n")
	res := &Result{MediaType: TypePlain}
	for i, l := range lines {
		if hasLetter(l) {
			res.Title = truncate(collapseSpace(l), titleMax)
			lines = lines[i+1:]
			break
		}
	}
	paras := plainParagraphs(lines)
	res.Body = joinParagraphs(paras)
	res.Summary = summaryFrom(paras, res.Title, nil)
	return res
}

// plainParagraphs groups lines into paragraphs at blank lines. Wrapped
// lines are joined; list items keep their own lines.
func plainParagraphs(lines []string) []string {
	var paras, cur []string
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, strings.Join(cur, "\n"))
		}
		cur = nil
	}
	var pending []string // lines of the current wrapped line
	endLine := func() {
		if l := strings.TrimSpace(collapseSpace(strings.Join(pending, "\n"))); l != "" {
			cur = append(cur, l)
		}
		pending = nil
	}
	for _, l := range lines {
		switch {
		case strings.TrimSpace(l) == "":
			endLine()
			flush()
		case plainListRE.MatchString(l):
			endLine()
			pending = append(pending, l)
		default:
			pending = append(pending, l)
		}
	}
	endLine()
	flush()
	return paras
}
