package extract

import (
	"regexp"
	"strings"
)

var (
	mdATXRE       = regexp.MustCompile(`^ {0,3}(#{1,6})(?:[ \t]+|$)(.*?)(?:[ \t]+#+)?[ \t]*$`)
	mdFenceRE     = regexp.MustCompile("^ {0,3}(`{3,}|~{3,})")
	mdRuleRE      = regexp.MustCompile(`^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$`)
	mdSetextRE    = regexp.MustCompile(`^ {0,3}(=+|-+)[ \t]*$`)
	mdListRE      = regexp.MustCompile(`^[ \t]*(?:[-*+•]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?`)
	mdQuoteRE     = regexp.MustCompile(`^[ \t]{0,3}>[ \t]?`)
	mdRefDefRE    = regexp.MustCompile(`^ {0,3}\[[^\]]+\]:[ \t]*\S+`)
	mdTableRuleRE = regexp.MustCompile(`^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$`)
	mdCommentRE   = regexp.MustCompile(`(?s)<!--.*?-->`)
)

// mdReader turns Markdown lines into paragraphs and headings.
type mdReader struct {
	paras    []string
	headings []string
	levels   []int    // heading levels, parallel to headings
	lines    []string // lines of the current paragraph
	fence    string   // the opening fence while in a code block
	code     []string
	table    []string            // lines of the current pipe table
	meta     map[string][]string // facts from key/value tables
}

// extractMarkdown reads Markdown with its markup removed: headings,
// emphasis, links, images and HTML tags go; code blocks stay as text. A
// key/value table of facts ("| **City** | [Tokyo](/tokyo/) |") goes to
// Meta instead of the body; other tables stay as text, a row a paragraph.
func extractMarkdown(text string) *Result {
	r := &mdReader{meta: map[string][]string{}}
	lines := strings.Split(mdCommentRE.ReplaceAllString(text, ""), "\n")
	if strings.TrimSpace(strings.TrimPrefix(lines[0], "\ufeff")) == "---" {
		// A front matter that did not parse is kept verbatim, like code.
		r.fence, lines = "---", lines[1:]
	}
	for _, line := range lines {
		r.line(line)
	}
	r.endTable()
	r.endCode()
	r.flush()
	res := &Result{MediaType: TypeMarkdown, Headings: r.headings, Body: joinParagraphs(r.paras), Meta: r.meta}
	res.Title = r.title()
	res.Summary = summaryFrom(r.paras, res.Title, res.Headings)
	return res
}

func (r *mdReader) line(line string) {
	if r.fence != "" {
		r.codeLine(line)
		return
	}
	line = mdQuoteRE.ReplaceAllString(line, "")
	if len(r.table) > 0 && !isTableLine(line) {
		r.endTable()
	}
	if m := mdFenceRE.FindStringSubmatch(line); m != nil {
		r.flush()
		r.fence = m[1]
		return
	}
	if strings.TrimSpace(line) == "" {
		r.flush()
		return
	}
	r.block(line)
}

func (r *mdReader) block(line string) {
	switch {
	case mdSetextRE.MatchString(line) && len(r.lines) > 0:
		r.setext(strings.Contains(line, "="))
	case mdATXRE.MatchString(line):
		m := mdATXRE.FindStringSubmatch(line)
		r.flush()
		r.heading(m[2], len(m[1]))
	case mdRuleRE.MatchString(line), mdRefDefRE.MatchString(line):
		r.flush()
	case isTableRule(line):
		if len(r.table) > 0 {
			r.table = append(r.table, line)
		}
	case strings.HasPrefix(strings.TrimSpace(line), "|"):
		r.flush()
		r.table = append(r.table, line)
	case mdListRE.MatchString(line):
		r.flush()
		r.lines = append(r.lines, mdListRE.ReplaceAllString(line, ""))
	default:
		r.lines = append(r.lines, strings.TrimSpace(line))
	}
}

// endTable ends the current pipe table: a table of facts goes to meta,
// any other keeps its rows as paragraphs.
func (r *mdReader) endTable() {
	rows := r.table
	r.table = nil
	if facts := factTable(rows); facts != nil {
		addFacts(r.meta, facts)
		return
	}
	for _, line := range rows {
		if !isTableRule(line) {
			r.addPara(tableRow(line))
		}
	}
}

// setext turns the paragraph above an "===" or "---" line into a heading.
func (r *mdReader) setext(level1 bool) {
	text := strings.Join(r.lines, "\n")
	r.lines = r.lines[:0]
	level := 2
	if level1 {
		level = 1
	}
	r.heading(text, level)
}

func (r *mdReader) heading(raw string, level int) {
	text := stripInline(raw)
	if text == "" {
		return
	}
	if strings.Contains(raw, "![") {
		// "###### ![photo](a.jpg)**Caption** © credit": a captioned
		// picture set as a heading for its size; the caption is text.
		r.addPara(text)
		return
	}
	r.headings = append(r.headings, text)
	r.levels = append(r.levels, level)
	r.paras = append(r.paras, text)
}

func (r *mdReader) codeLine(line string) {
	trimmed := strings.TrimSpace(line)
	if strings.HasPrefix(trimmed, r.fence) && strings.Trim(trimmed, r.fence[:1]) == "" {
		r.endCode()
		return
	}
	r.code = append(r.code, strings.TrimRight(line, " \t"))
}

func (r *mdReader) endCode() {
	if text := strings.Trim(strings.Join(r.code, "\n"), "\n"); strings.TrimSpace(text) != "" {
		r.paras = append(r.paras, text)
	}
	r.fence, r.code = "", nil
}

// flush ends the current paragraph, joining its lines.
func (r *mdReader) flush() {
	if len(r.lines) > 0 {
		r.addPara(stripInline(strings.Join(r.lines, "\n")))
	}
	r.lines = r.lines[:0]
}

func (r *mdReader) addPara(p string) {
	if p != "" {
		r.paras = append(r.paras, p)
	}
}

// title is the first level-1 heading, else the first heading, else the
// first line of text.
func (r *mdReader) title() string {
	for i, l := range r.levels {
		if l == 1 {
			return r.headings[i]
		}
	}
	if len(r.headings) > 0 {
		return r.headings[0]
	}
	if len(r.paras) == 0 {
		return ""
	}
	first, _, _ := strings.Cut(r.paras[0], "\n")
	return truncate(first, titleMax)
}

// tableRow returns the cell texts of a "| a | b |" row, space-separated.
func tableRow(line string) string {
	line = strings.Trim(strings.TrimSpace(line), "|")
	var cells []string
	for _, c := range splitCells(line) {
		if c = stripInline(c); c != "" {
			cells = append(cells, c)
		}
	}
	return strings.Join(cells, " ")
}

// splitCells splits on "|" that is not escaped as "\|".
func splitCells(s string) []string {
	var cells []string
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\' && i+1 < len(s) && s[i+1] == '|':
			b.WriteByte('|')
			i++
		case s[i] == '|':
			cells = append(cells, b.String())
			b.Reset()
		default:
			b.WriteByte(s[i])
		}
	}
	return append(cells, b.String())
}
