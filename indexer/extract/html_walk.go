package extract

import (
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxDepth bounds the recursion over the parsed tree. The parser already
// refuses more than 512 open elements; this guards the rest.
const maxDepth = 640

var errTooDeep = fmt.Errorf("markup nested deeper than %d elements", maxDepth)

// blockTags start and end a paragraph.
var blockTags = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Body: true, atom.Caption: true, atom.Center: true, atom.Dd: true,
	atom.Details: true, atom.Dialog: true, atom.Dir: true, atom.Div: true,
	atom.Dl: true, atom.Dt: true, atom.Fieldset: true, atom.Figcaption: true,
	atom.Figure: true, atom.Footer: true, atom.Form: true, atom.Header: true,
	atom.Hgroup: true, atom.Hr: true, atom.Html: true, atom.Legend: true,
	atom.Li: true, atom.Listing: true, atom.Main: true, atom.Menu: true,
	atom.Nav: true, atom.Ol: true, atom.Option: true, atom.P: true,
	atom.Section: true, atom.Summary: true, atom.Table: true, atom.Tbody: true,
	atom.Td: true, atom.Tfoot: true, atom.Th: true, atom.Thead: true,
	atom.Tr: true, atom.Ul: true, atom.Xmp: true, atom.Plaintext: true,
	atom.Pre: true,
}

// skippedTags hold no body text.
var skippedTags = map[atom.Atom]bool{
	atom.Head: true, atom.Title: true, atom.Img: true, atom.Input: true,
	atom.Area: true, atom.Base: true, atom.Link: true, atom.Meta: true,
}

// walker turns a parsed tree into paragraphs and headings.
type walker struct {
	paras     []string
	headings  []string
	firstH1   string
	lines     []string        // finished lines of the current paragraph
	cur       strings.Builder // text of the current line
	pageText  int             // bytes of text on the whole page
	inArticle int
}

// content walks the body of a page.
func (w *walker) content(body *html.Node) error {
	w.pageText = textLen(body, 0)
	if err := w.children(body, 0); err != nil {
		return err
	}
	w.flush()
	return nil
}

func (w *walker) walk(n *html.Node, depth int) error {
	if depth > maxDepth {
		return errTooDeep
	}
	switch n.Type {
	case html.TextNode:
		w.cur.WriteString(n.Data)
	case html.ElementNode:
		return w.element(n, depth)
	case html.DocumentNode:
		return w.children(n, depth)
	}
	return nil
}

func (w *walker) children(n *html.Node, depth int) error {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if err := w.walk(c, depth+1); err != nil {
			return err
		}
	}
	return nil
}

func (w *walker) element(n *html.Node, depth int) error {
	a := n.DataAtom
	switch {
	case a == atom.Br:
		w.lineBreak()
		return nil
	case skippedTags[a], shouldDrop(n, w.inArticle > 0, w.pageText):
		return nil
	case headingLevel(a) > 0:
		return w.heading(n, depth)
	case a == atom.Pre:
		w.flush()
		w.pre(n)
		return nil
	case !blockTags[a]:
		return w.children(n, depth)
	}
	if a == atom.Article || a == atom.Main {
		w.inArticle++
		defer func() { w.inArticle-- }()
	}
	w.flush()
	err := w.children(n, depth)
	w.flush()
	return err
}

func (w *walker) heading(n *html.Node, depth int) error {
	w.flush()
	start := len(w.paras)
	if err := w.children(n, depth); err != nil {
		return err
	}
	w.flush()
	text := strings.ReplaceAll(strings.Join(w.paras[start:], " "), "\n", " ")
	if text == "" {
		return nil
	}
	w.headings = append(w.headings, text)
	if n.DataAtom == atom.H1 && w.firstH1 == "" {
		w.firstH1 = text
	}
	return nil
}

// pre keeps a preformatted block's lines.
func (w *walker) pre(n *html.Node) {
	var b strings.Builder
	appendText(&b, n, 0)
	var lines []string
	for _, l := range strings.Split(b.String(), "\n") {
		lines = append(lines, strings.TrimRight(l, " \t"))
	}
	if text := strings.Trim(strings.Join(lines, "\n"), "\n"); strings.TrimSpace(text) != "" {
		w.paras = append(w.paras, text)
	}
}

// lineBreak handles <br>; two in a row end the paragraph.
func (w *walker) lineBreak() {
	if strings.TrimSpace(w.cur.String()) == "" && len(w.lines) > 0 {
		w.flush()
		return
	}
	w.endLine()
}

func (w *walker) endLine() {
	line := strings.TrimSpace(collapseSpace(w.cur.String()))
	w.cur.Reset()
	if line != "" && !isBoilerplateLine(line) {
		w.lines = append(w.lines, line)
	}
}

// flush ends the current paragraph.
func (w *walker) flush() {
	w.endLine()
	if len(w.lines) > 0 {
		w.paras = append(w.paras, strings.Join(w.lines, "\n"))
	}
	w.lines = w.lines[:0]
}

func headingLevel(a atom.Atom) int {
	switch a {
	case atom.H1:
		return 1
	case atom.H2:
		return 2
	case atom.H3:
		return 3
	case atom.H4:
		return 4
	case atom.H5:
		return 5
	case atom.H6:
		return 6
	}
	return 0
}

// appendText writes the text under n, skipping scripts and styles.
func appendText(b *strings.Builder, n *html.Node, depth int) {
	if depth > maxDepth || n.Type == html.ElementNode && (droppedTags[n.DataAtom] || skippedTags[n.DataAtom]) {
		return
	}
	if n.Type == html.TextNode {
		b.WriteString(n.Data)
	}
	if n.DataAtom == atom.Br {
		b.WriteByte('\n')
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		appendText(b, c, depth+1)
	}
}

// textLen counts the bytes of text under n.
func textLen(n *html.Node, depth int) int {
	if depth > maxDepth || n.Type == html.ElementNode && droppedTags[n.DataAtom] {
		return 0
	}
	total := 0
	if n.Type == html.TextNode {
		total = len(strings.TrimSpace(n.Data))
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		total += textLen(c, depth+1)
	}
	return total
}

// hasContentElement reports a paragraph, heading or table under n.
func hasContentElement(n *html.Node, depth int) bool {
	if depth > maxDepth {
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.DataAtom {
		case atom.P, atom.H1, atom.H2, atom.H3, atom.Table:
			return true
		}
		if hasContentElement(c, depth+1) {
			return true
		}
	}
	return false
}
