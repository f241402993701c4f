package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Bounds on the searches around each contents item, so that a page of
// many items costs time in proportion to its size.
const (
	searchLimit = 2000 // nodes of a contents item searched for its link
	anchorLimit = 64   // nodes of an anchor searched for a heading or text
)

// findBelow returns the first node under n, in document order, that match
// accepts, looking at no more than limit nodes and not inside elements
// skip accepts (skip may be nil).
func findBelow(n *html.Node, limit int, match, skip func(*html.Node) bool) *html.Node {
	var found *html.Node
	var visit func(n *html.Node, depth int)
	visit = func(n *html.Node, depth int) {
		for c := n.FirstChild; c != nil && found == nil && limit > 0 && depth <= maxDepth; c = c.NextSibling {
			limit--
			switch {
			case match(c):
				found = c
			case c.Type == html.ElementNode && (skip == nil || !skip(c)):
				visit(c, depth+1)
			}
		}
	}
	visit(n, 0)
	return found
}

func isText(n *html.Node) bool { return n.Type == html.TextNode && strings.TrimSpace(n.Data) != "" }

// eachElement calls fn for n and every element under it, in document
// order, down to maxDepth.
func eachElement(n *html.Node, depth int, fn func(*html.Node)) {
	if depth > maxDepth {
		return
	}
	if n.Type == html.ElementNode {
		fn(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		eachElement(c, depth+1, fn)
	}
}

// nodeText is the collapsed text under n.
func nodeText(n *html.Node) string {
	var b strings.Builder
	appendText(&b, n, 0)
	return strings.TrimSpace(collapseSpace(b.String()))
}

// afterSubtree is the node that follows n's subtree in document order.
func afterSubtree(n *html.Node) *html.Node {
	for ; n != nil; n = n.Parent {
		if n.NextSibling != nil {
			return n.NextSibling
		}
	}
	return nil
}

// inDropped reports a node in an element whose text is never kept
// (<nav>, <footer>, <script>...).
func inDropped(n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n.Type == html.ElementNode && (droppedTags[n.DataAtom] || skippedTags[n.DataAtom]) {
			return true
		}
	}
	return false
}

func isList(n *html.Node) bool { return n.DataAtom == atom.Ol || n.DataAtom == atom.Ul }
