package archive

import (
	"path"
	"regexp"
	"strconv"
	"strings"

	"casebook/data"
)

// Newsletter URL shapes: one page per issue named by year and month
// (200901.html), a contents page in a folder per issue (201207/index.html)
// and one page per article in that folder (201207/1.html, 201011/1c.html).
var (
	issuePage   = regexp.MustCompile(`(?i)(?:^|/)((?:19|20)\d{2}(?:0[1-9]|1[0-2]))(?:\.html?|/index\.html?)$`)
	articlePage = regexp.MustCompile(`(?i)(?:^|/)((?:19|20)\d{2}(?:0[1-9]|1[0-2]))/(\d{1,3})[a-z]?(\.html?)$`)
)

// Classify tells from the shape of a source key whether it is a newsletter
// issue or article: the kind (data.KindNewsletterIssue or
// data.KindNewsletterArticle), the issue's key (its year and month,
// "201207") and, for an article page, its position in the issue (3 for
// 201207/3.html and 3c.html). A part of a single-page issue
// ("200901.html#a2") is an article whose position is 0 here: it is the
// part's own Position. Any other key gives "", "", 0.
func Classify(key string) (kind, issueKey string, position int) {
	page, frag := splitKey(key)
	if m := articlePage.FindStringSubmatch(page); m != nil {
		n, _ := strconv.Atoi(m[2])
		return data.KindNewsletterArticle, m[1], n
	}
	if m := issuePage.FindStringSubmatch(page); m != nil {
		if frag != "" {
			return data.KindNewsletterArticle, m[1], 0
		}
		return data.KindNewsletterIssue, m[1], 0
	}
	return "", "", 0
}

// IssueSource returns the source key of the page that holds the issue of
// the page at key: the contents page ".../201207/index.html" for an
// article ".../201207/3.html", the page itself for a part
// ".../200901.html#a1" or for an issue page. It returns "" for a key that
// is no newsletter page.
func IssueSource(key string) string {
	page, _ := splitKey(key)
	if m := articlePage.FindStringSubmatch(page); m != nil {
		return page[:strings.LastIndex(page, "/")+1] + "index" + m[3]
	}
	if issuePage.MatchString(page) {
		return page
	}
	return ""
}

// splitKey cuts a source key into its page (no query) and its fragment.
func splitKey(key string) (page, frag string) {
	page, frag, _ = strings.Cut(key, "#")
	page, _, _ = strings.Cut(page, "?")
	return page, frag
}

// editions pairs the folder names of the two language editions.
var editions = map[string]string{
	"english": "japanese", "japanese": "english",
	"en": "ja", "ja": "en",
}

// Counterpart returns the key of the same page in the other language
// edition, the folder "english" swapped for "japanese" (or "en" for "ja")
// and the rest of the key kept, fragment included, when exists reports it.
// The folder nearest the file is tried first.
func Counterpart(key string, exists func(string) bool) (string, bool) {
	page, frag, hasFrag := strings.Cut(key, "#")
	segs := strings.Split(page, "/")
	for i := len(segs) - 2; i >= 0; i-- {
		other, ok := editions[segs[i]]
		if !ok {
			continue
		}
		swapped := append([]string(nil), segs...)
		swapped[i] = other
		cand := strings.Join(swapped, "/")
		if hasFrag {
			cand += "#" + frag
		}
		if exists(cand) {
			return cand, true
		}
	}
	return "", false
}

// isIndexDir reports whether p names a folder: a link to it opens its
// index.html in a mirror.
func isIndexDir(p string) bool { return p == "" || strings.HasSuffix(p, "/") }

// withIndex adds index.html to a folder path.
func withIndex(p string) string {
	if isIndexDir(p) {
		return p + "index.html"
	}
	return p
}

// cleanJoin resolves rel against the folder of page with path semantics.
func cleanJoin(page, rel string) string {
	dir := page[:strings.LastIndex(page, "/")+1]
	joined := path.Clean(dir + rel)
	base := path.Base(rel)
	if (strings.HasSuffix(rel, "/") || base == "." || base == "..") && !strings.HasSuffix(joined, "/") {
		joined += "/"
	}
	return joined
}
