package records

import (
	"encoding/xml"
	"strings"
)

// node is one element of a record: its attributes and its content, text
// and child elements in order.
type node struct {
	name    string
	attrs   []xml.Attr
	content []item
}

// item is a run of text or a child element.
type item struct {
	text string
	kid  *node
}

func newNode(t xml.StartElement) *node {
	return &node{name: t.Name.Local, attrs: t.Attr}
}

func (n *node) add(kid *node) { n.content = append(n.content, item{kid: kid}) }

func (n *node) addText(s string) { n.content = append(n.content, item{text: s}) }

// markupPath is a compiled field path: child element names from the
// record down, then an attribute name, or neither for the record itself.
type markupPath struct {
	steps []string
	attr  string
}

// parseMarkupPath reads "TEXT/TITLE", "@NEWID", "TEXT/@TYPE" or ".".
func parseMarkupPath(p string) markupPath {
	var mp markupPath
	for _, s := range strings.Split(strings.Trim(p, "/"), "/") {
		switch {
		case s == "." || s == "":
		case strings.HasPrefix(s, "@"):
			mp.attr = s[1:]
		default:
			mp.steps = append(mp.steps, s)
		}
	}
	return mp
}

// values returns the text of every element at p below n (or their
// attribute values), in document order. "*" matches any element; names
// match without regard to case.
func (n *node) values(p markupPath) []string {
	nodes := []*node{n}
	for _, step := range p.steps {
		var next []*node
		for _, e := range nodes {
			for _, it := range e.content {
				if it.kid != nil && (step == "*" || strings.EqualFold(it.kid.name, step)) {
					next = append(next, it.kid)
				}
			}
		}
		nodes = next
	}
	var out []string
	for _, e := range nodes {
		if p.attr == "" {
			out = append(out, e.text())
			continue
		}
		for _, a := range e.attrs {
			if strings.EqualFold(attrName(a.Name, p.attr), p.attr) {
				out = append(out, a.Value)
			}
		}
	}
	return out
}

// attrName is an attribute's name as a path writes it: "prefix:name"
// when the path has a prefix, else the local name.
func attrName(n xml.Name, want string) string {
	if n.Space != "" && strings.Contains(want, ":") {
		return n.Space + ":" + n.Local
	}
	return n.Local
}

// text is the element's text with its children's, a line break kept
// between a child and the text around it so that words do not run
// together ("<TITLE>A</TITLE>B" gives "A\nB", "a<br>b" gives "a\nb").
func (n *node) text() string {
	if len(n.content) == 1 && n.content[0].kid == nil {
		return n.content[0].text
	}
	var b strings.Builder
	n.writeText(&b)
	return b.String()
}

func (n *node) writeText(b *strings.Builder) {
	for _, it := range n.content {
		if it.kid == nil {
			b.WriteString(it.text)
			continue
		}
		lineBreak(b)
		it.kid.writeText(b)
		lineBreak(b)
	}
}

// lineBreak ends the text so far with a line break, unless it is empty or
// ends with one.
func lineBreak(b *strings.Builder) {
	if s := b.String(); s != "" && s[len(s)-1] != '\n' {
		b.WriteByte('\n')
	}
}
