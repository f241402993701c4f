package extract

import (
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// pageLinks returns the href of every link on the page (<a>, <area>), as
// written apart from surrounding space, each once, in page order. Links
// are for link checks; they are not resolved here.
func pageLinks(doc *goquery.Document) []string {
	var out []string
	seen := map[string]bool{}
	doc.Find("a[href], area[href]").Each(func(_ int, s *goquery.Selection) {
		href := strings.TrimSpace(s.AttrOr("href", ""))
		if href != "" && !seen[href] {
			seen[href] = true
			out = append(out, href)
		}
	})
	return out
}
