package extract

import (
	"net/url"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A single-page newsletter issue has a table of contents, a list whose
// items link to anchors on the same page, followed by every article under
// a heading that carries its anchor (<h2 id="a1">, <h2><a name="a1">, or
// <a name="a1"></a> just before the heading). splitIssue turns such a page
// into one Part per article; a page of one article, or a contents page
// that links to other pages, is left whole.

// minArticles is the fewest table-of-contents items that make a page an
// issue to split.
const minArticles = 2

// tocEntry is one item of the table of contents and the article it names.
type tocEntry struct {
	key     string     // the anchor, "a1"
	item    *html.Node // the <li>
	link    *html.Node // its <a href="#a1">
	start   *html.Node // where the article starts: its heading, or the anchor before it
	heading *html.Node
}

// splitIssue sets res.Parts to the articles of a single-page issue and
// res.Body to its table of contents. Other pages are left as they are.
func splitIssue(body *html.Node, res *Result) {
	list, entries := findTOC(body)
	if len(entries) < minArticles {
		return
	}
	s := newSplitter(body, list, entries)
	if err := s.visit(body, 0); err != nil {
		return
	}
	s.flush()
	res.Parts = s.parts()
	res.Body = s.tocText()
}

// findTOC returns the list that best serves as the page's table of
// contents, and its entries in list order: the list with the most items
// that resolve to article headings, a list of class "toc" winning ties. A
// list qualifies when at least half of its items do.
func findTOC(body *html.Node) (*html.Node, []tocEntry) {
	targets := anchorTargets(body)
	var best *html.Node
	var bestEntries []tocEntry
	eachElement(body, 0, func(n *html.Node) {
		if n.DataAtom != atom.Ol && n.DataAtom != atom.Ul {
			return
		}
		items := listItems(n, nil, 0)
		entries := tocEntries(items, targets)
		if len(entries) < minArticles || 2*len(entries) < len(items) {
			return
		}
		if len(entries) > len(bestEntries) || len(entries) == len(bestEntries) && isTOCClass(n) && !isTOCClass(best) {
			best, bestEntries = n, entries
		}
	})
	return best, bestEntries
}

func isTOCClass(n *html.Node) bool {
	for _, c := range strings.Fields(strings.ToLower(attr(n, "class") + " " + attr(n, "id"))) {
		if c == "toc" || c == "contents" || c == "mokuji" {
			return true
		}
	}
	return false
}

// anchors holds the elements an in-page link can point at, by id or by
// <a name>: exactly as written, and lower-cased for old pages whose links
// and anchors differ in case.
type anchors struct{ exact, folded map[string]*html.Node }

func anchorTargets(body *html.Node) anchors {
	a := anchors{exact: map[string]*html.Node{}, folded: map[string]*html.Node{}}
	eachElement(body, 0, func(n *html.Node) {
		for _, key := range []string{attr(n, "id"), nameAttr(n)} {
			if key = strings.TrimSpace(key); key == "" {
				continue
			}
			if _, ok := a.exact[key]; !ok {
				a.exact[key] = n
			}
			if _, ok := a.folded[strings.ToLower(key)]; !ok {
				a.folded[strings.ToLower(key)] = n
			}
		}
	})
	return a
}

func nameAttr(n *html.Node) string {
	if n.DataAtom == atom.A {
		return attr(n, "name")
	}
	return ""
}

func (a anchors) find(key string) *html.Node {
	if n, ok := a.exact[key]; ok {
		return n
	}
	return a.folded[strings.ToLower(key)]
}

// listItems collects the <li> of list, not those of lists nested in it.
func listItems(n *html.Node, out []*html.Node, depth int) []*html.Node {
	if depth > maxDepth {
		return out
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type != html.ElementNode, c.DataAtom == atom.Ol, c.DataAtom == atom.Ul:
		case c.DataAtom == atom.Li:
			out = append(out, c)
		default:
			out = listItems(c, out, depth+1)
		}
	}
	return out
}

// tocEntries resolves the items that link to an article heading on the
// page. Each heading counts once. A heading may sit inside the list
// itself: an unclosed list swallows the articles that follow it.
func tocEntries(items []*html.Node, targets anchors) []tocEntry {
	var out []tocEntry
	seen := map[*html.Node]bool{}
	for _, li := range items {
		link, key := inPageLink(li)
		if link == nil {
			continue
		}
		target := targets.find(key)
		if target == nil {
			continue
		}
		start, heading := articleStart(target)
		if heading == nil || seen[heading] || inDropped(start) {
			continue
		}
		seen[heading] = true
		out = append(out, tocEntry{key: key, item: li, link: link, start: start, heading: heading})
	}
	return out
}

// inPageLink returns the first <a href="#key"> of an item, outside the
// lists nested in it.
func inPageLink(li *html.Node) (*html.Node, string) {
	link := findBelow(li, searchLimit, func(n *html.Node) bool {
		href := strings.TrimSpace(attr(n, "href"))
		return n.DataAtom == atom.A && len(href) > 1 && href[0] == '#'
	}, isList)
	if link == nil {
		return nil, ""
	}
	key := strings.TrimSpace(attr(link, "href"))[1:]
	if k, err := url.PathUnescape(key); err == nil {
		key = k
	}
	return link, key
}

// articleStart finds the heading an anchor marks: the anchor itself, the
// heading around it, a heading inside it, or, for an empty anchor, the
// heading right after it with no text between.
func articleStart(target *html.Node) (start, heading *html.Node) {
	if headingLevel(target.DataAtom) > 0 {
		return target, target
	}
	for p := target.Parent; p != nil && p.DataAtom != atom.Body; p = p.Parent {
		if headingLevel(p.DataAtom) > 0 {
			return p, p
		}
	}
	isHeading := func(n *html.Node) bool { return headingLevel(n.DataAtom) > 0 }
	if inner := findBelow(target, anchorLimit, isHeading, nil); inner != nil {
		return target, inner
	}
	if findBelow(target, anchorLimit, isText, nil) != nil {
		return nil, nil
	}
	if h := followingHeading(target); h != nil {
		return target, h
	}
	return nil, nil
}

// followingHeading returns the heading that comes after n in document
// order when only markup (no text) lies between them.
func followingHeading(n *html.Node) *html.Node {
	cur := afterSubtree(n)
	for steps := 0; cur != nil && steps < 64; steps++ {
		switch {
		case isText(cur):
			return nil
		case cur.Type == html.ElementNode && headingLevel(cur.DataAtom) > 0:
			return cur
		case cur.Type == html.ElementNode && (skippedTags[cur.DataAtom] || droppedTags[cur.DataAtom]):
			cur = afterSubtree(cur)
		case cur.FirstChild != nil:
			cur = cur.FirstChild
		default:
			cur = afterSubtree(cur)
		}
	}
	return nil
}

// titleText is a heading's text, or the fallback when the heading is empty
// or swallowed its article (an unclosed <h2>).
func titleText(heading *html.Node, fallback string) string {
	t := nodeText(heading)
	if t == "" || utf8.RuneCountInString(t) > titleMax {
		t = fallback
	}
	return truncate(t, titleMax)
}
