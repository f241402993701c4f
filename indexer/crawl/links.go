package crawl

import (
	"bytes"
	"net/url"
	"strings"

	"golang.org/x/net/html"
)

// pageLinks returns the links of an HTML page a crawler follows, resolved
// against the page URL (or its <base href>) and canonical, in order of
// appearance, each once: a and area href, frame and iframe src, and the
// URL of a meta refresh. The page's charset does not matter: the markup
// and the URLs of the pages this is for are ASCII.
func pageLinks(page *url.URL, body []byte) []*url.URL {
	base := page
	var out []*url.URL
	seen := map[string]bool{}
	z := html.NewTokenizer(bytes.NewReader(body))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out
		case html.StartTagToken, html.SelfClosingTagToken:
			tag, ref := tagLink(z)
			if ref == "" {
				continue
			}
			u, ok := resolve(base, ref)
			if !ok {
				continue
			}
			if tag == "base" {
				base = u
				continue
			}
			if !seen[u.String()] {
				seen[u.String()] = true
				out = append(out, u)
			}
		}
	}
}

// linkAttr names the attribute that holds the link of each tag followed.
var linkAttr = map[string]string{
	"a": "href", "area": "href", "base": "href",
	"frame": "src", "iframe": "src",
	"meta": "content",
}

// tagLink returns the tag under the tokenizer and the URL it links to, if
// it is a tag that links.
func tagLink(z *html.Tokenizer) (tag, ref string) {
	name, hasAttr := z.TagName()
	tag = string(name)
	want, ok := linkAttr[tag]
	if !ok || !hasAttr {
		return tag, ""
	}
	var value, equiv string
	for more := true; more; {
		var k, v []byte
		k, v, more = z.TagAttr()
		switch string(k) {
		case want:
			value = string(v)
		case "http-equiv":
			equiv = strings.ToLower(string(v))
		}
	}
	if tag == "meta" {
		if equiv != "refresh" {
			return tag, ""
		}
		return tag, refreshURL(value)
	}
	return tag, value
}

// refreshURL returns the URL of a meta refresh's content, "5; url=next.html".
func refreshURL(content string) string {
	_, rest, ok := strings.Cut(content, ";")
	if !ok {
		_, rest, ok = strings.Cut(content, ",")
	}
	rest = strings.TrimSpace(rest)
	if !ok || len(rest) < 4 || !strings.EqualFold(rest[:3], "url") {
		return ""
	}
	rest = strings.TrimSpace(rest[3:])
	if !strings.HasPrefix(rest, "=") {
		return ""
	}
	return strings.Trim(strings.TrimSpace(rest[1:]), `'"`)
}
