package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// splitter walks a page once and sends its text to one walker per
// segment: segment 0 is what comes before the first article, segment i the
// i-th article in document order, from its start up to the next start.
// The table of contents itself goes nowhere. Subtrees that hold no
// article start are walked whole by the segment's walker, so boilerplate
// removal, captions and paragraphs work as for a whole page.
type splitter struct {
	entries   []tocEntry
	toc       *html.Node
	starts    map[*html.Node]int  // start node -> index into entries, plus one
	holders   map[*html.Node]bool // strict ancestors of start nodes
	order     []int               // entries index of segment i (1-based), 0 unused
	segs      []*walker
	cur       int
	inArticle int
	pageText  int
}

func newSplitter(body, toc *html.Node, entries []tocEntry) *splitter {
	s := &splitter{
		entries:  entries,
		toc:      toc,
		starts:   map[*html.Node]int{},
		holders:  map[*html.Node]bool{},
		order:    []int{-1},
		pageText: textLen(body, 0),
	}
	s.segs = []*walker{{pageText: s.pageText}}
	for i, e := range entries {
		s.starts[e.start] = i + 1
		for p := e.start.Parent; p != nil && !s.holders[p]; p = p.Parent {
			s.holders[p] = true
		}
	}
	if s.holders[toc] {
		s.toc = nil // an unclosed list holds the articles: walk it, its items fall into segment 0
	}
	return s
}

func (s *splitter) walker() *walker { return s.segs[s.cur] }

// visit sends n to the current segment, switching segment at a start.
func (s *splitter) visit(n *html.Node, depth int) error {
	if depth > maxDepth {
		return errTooDeep
	}
	if n == s.toc {
		return nil
	}
	if i := s.starts[n]; i > 0 {
		s.walker().flush()
		s.order = append(s.order, i-1)
		s.segs = append(s.segs, &walker{pageText: s.pageText})
		s.cur = len(s.segs) - 1
	}
	if !s.holders[n] {
		w := s.walker()
		w.inArticle = s.inArticle
		return w.walk(n, depth)
	}
	return s.container(n, depth)
}

// container walks an element that holds an article start, keeping the
// paragraph breaks its tag makes.
func (s *splitter) container(n *html.Node, depth int) error {
	if n.Type == html.ElementNode && (droppedTags[n.DataAtom] || skippedTags[n.DataAtom]) {
		return nil
	}
	block := blockTags[n.DataAtom] || headingLevel(n.DataAtom) > 0
	if n.DataAtom == atom.Article || n.DataAtom == atom.Main {
		s.inArticle++
		defer func() { s.inArticle-- }()
	}
	if block {
		s.walker().flush()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if err := s.visit(c, depth+1); err != nil {
			return err
		}
	}
	if block {
		s.walker().flush()
	}
	return nil
}

// flush ends every segment's last paragraph.
func (s *splitter) flush() {
	for _, w := range s.segs {
		w.flush()
	}
}

// parts returns one Part per article, in table-of-contents order.
func (s *splitter) parts() []Part {
	out := make([]Part, len(s.entries))
	for i, e := range s.entries {
		out[i] = Part{Key: e.key, Position: i + 1, Title: titleText(e.heading, nodeText(e.link))}
	}
	for seg := 1; seg < len(s.segs); seg++ {
		w, p := s.segs[seg], &out[s.order[seg]]
		p.Headings = w.headings
		p.Body = joinParagraphs(w.paras)
		p.Summary = s.itemSummary(s.entries[s.order[seg]])
		if p.Summary == "" {
			p.Summary = summaryFrom(w.paras, p.Title, w.headings)
		}
	}
	return out
}

// tocText is the table of contents as text: per item its headline and,
// on the next line, its summary.
func (s *splitter) tocText() string {
	paras := make([]string, 0, len(s.entries))
	for _, e := range s.entries {
		p := nodeText(e.link)
		if p == "" {
			p = nodeText(e.heading)
		}
		if sum := s.itemSummary(e); sum != "" {
			p += "\n" + sum
		}
		paras = append(paras, p)
	}
	return joinParagraphs(paras)
}

// itemSummary is the text of a contents item other than its link, up to
// the first heading or article it may have swallowed.
func (s *splitter) itemSummary(e tocEntry) string {
	var b strings.Builder
	stopped := false
	var add func(n *html.Node, depth int)
	add = func(n *html.Node, depth int) {
		switch {
		case stopped || depth > maxDepth || n == e.link:
			return
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
			return
		case n.Type != html.ElementNode:
			return
		case s.holders[n], s.starts[n] > 0, headingLevel(n.DataAtom) > 0:
			stopped = true
			return
		case droppedTags[n.DataAtom], skippedTags[n.DataAtom], n.DataAtom == atom.Ol, n.DataAtom == atom.Ul:
			return
		}
		if blockTags[n.DataAtom] || n.DataAtom == atom.Br {
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			add(c, depth+1)
		}
	}
	for c := e.item.FirstChild; c != nil; c = c.NextSibling {
		add(c, 1)
	}
	sum := strings.Trim(collapseSpace(b.String()), " -–—―:：|｜・")
	return truncate(sum, summaryMax)
}
