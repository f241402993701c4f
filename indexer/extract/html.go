package extract

import (
	"fmt"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// droppedTags never hold content worth indexing.
var droppedTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Iframe: true,
	atom.Object: true, atom.Embed: true, atom.Applet: true, atom.Nav: true,
	atom.Footer: true, atom.Template: true, atom.Svg: true, atom.Canvas: true,
	atom.Select: true, atom.Textarea: true, atom.Button: true, atom.Map: true,
}

// protectedTags are never dropped for their id or class.
var protectedTags = map[atom.Atom]bool{
	atom.Html: true, atom.Head: true, atom.Body: true, atom.Main: true, atom.Article: true,
}

// sitePrefixSeparators end a site name at the start of a <title>.
var sitePrefixSeparators = []string{"|", "｜", "::", "»"}

// extractHTML reads an HTML page with goquery. A page the parser refuses
// (nested deeper than it allows) is read without structure instead.
func extractHTML(text string) (*Result, error) {
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(text))
	if err != nil {
		return extractFlatHTML(text, fmt.Sprintf("markup could not be parsed (%v); text extracted without structure", err)), nil
	}
	res := &Result{MediaType: TypeHTML, Meta: readMeta(doc), Lang: htmlLang(doc), Links: pageLinks(doc)}
	issues := issueLabels(doc)
	if len(issues) > 0 {
		res.Meta["issue"] = issues
	}
	pageTitle := stripSitePrefix(collapseSpace(doc.Find("title").First().Text()))
	body := doc.Find("body").Nodes
	if len(body) == 0 {
		return nil, fmt.Errorf("%w: no <body>", ErrNoText)
	}
	w := &walker{}
	if err := w.content(body[0]); err != nil {
		return extractFlatHTML(text, fmt.Sprintf("%v; text extracted without structure", err)), nil
	}
	paras := withIssueLabels(w.paras, issues)
	res.Title = w.firstH1
	if res.Title == "" {
		res.Title = pageTitle
	}
	res.Headings = w.headings
	res.Body = joinParagraphs(paras)
	res.Summary = firstValue(res.Meta, "description", "og:description")
	if res.Summary == "" {
		res.Summary = summaryFrom(paras, res.Title, res.Headings)
	}
	splitIssue(body[0], res)
	return res, nil
}

// readMeta collects <meta name|property content> values; keywords are
// split into several values.
func readMeta(doc *goquery.Document) map[string][]string {
	meta := map[string][]string{}
	doc.Find("meta").Each(func(_ int, s *goquery.Selection) {
		key := strings.ToLower(strings.TrimSpace(s.AttrOr("name", s.AttrOr("property", ""))))
		content := collapseSpace(s.AttrOr("content", ""))
		if key == "" || content == "" {
			return
		}
		if key == "keywords" {
			meta[key] = append(meta[key], splitKeywords(content)...)
			return
		}
		meta[key] = append(meta[key], content)
	})
	return meta
}

func splitKeywords(s string) []string {
	var out []string
	for _, k := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '、' || r == '，' }) {
		if k = strings.TrimSpace(k); k != "" {
			out = append(out, k)
		}
	}
	return out
}

// htmlLang returns the page's declared language: <html lang>, xml:lang, or
// a Content-Language <meta>.
func htmlLang(doc *goquery.Document) string {
	root := doc.Find("html").First()
	for _, attr := range []string{"lang", "xml:lang"} {
		if v, ok := root.Attr(attr); ok && normalizeLang(v) != "" {
			return normalizeLang(v)
		}
	}
	lang := ""
	doc.Find("meta[http-equiv]").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if strings.EqualFold(s.AttrOr("http-equiv", ""), "content-language") {
			lang = normalizeLang(s.AttrOr("content", ""))
		}
		return lang == ""
	})
	return lang
}

// issueLabels returns the distinct texts of elements of class "issue",
// the newsletter issue label ("21st Issue").
func issueLabels(doc *goquery.Document) []string {
	var labels []string
	seen := map[string]bool{}
	doc.Find(".issue").Each(func(_ int, s *goquery.Selection) {
		label := collapseSpace(s.Text())
		if label != "" && !seen[label] {
			seen[label] = true
			labels = append(labels, label)
		}
	})
	return labels
}

// withIssueLabels puts issue labels that boilerplate removal took out of
// the body back at its start.
func withIssueLabels(paras, labels []string) []string {
	body := strings.Join(paras, "\n")
	var missing []string
	for _, l := range labels {
		if !strings.Contains(body, l) {
			missing = append(missing, l)
		}
	}
	return append(missing, paras...)
}

// stripSitePrefix removes "Site name | " from a title when text follows.
func stripSitePrefix(title string) string {
	for _, sep := range sitePrefixSeparators {
		if _, rest, ok := strings.Cut(title, sep); ok {
			if rest = strings.TrimSpace(rest); hasLetter(rest) {
				return rest
			}
		}
	}
	return title
}

// shouldDrop reports an element that is not content: a dropped tag, a
// header outside an article, a form holding only controls, or an element
// whose id or class names boilerplate unless it holds much text and at
// least half of the page's (a wrapper named "header" around everything).
func shouldDrop(el *html.Node, inArticle bool, pageText int) bool {
	switch {
	case droppedTags[el.DataAtom]:
		return true
	case el.DataAtom == atom.Header:
		return !inArticle
	case el.DataAtom == atom.Form:
		return !hasContentElement(el, 0)
	case protectedTags[el.DataAtom]:
		return false
	}
	if !isBoilerplateAttr(attr(el, "id"), attr(el, "class")) {
		return false
	}
	n := textLen(el, 0)
	return n < 200 || 2*n < pageText
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
