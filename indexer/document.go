package indexer

import (
	"path"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"casebook/data"
	"casebook/indexer/extract"
)

// documents extracts one file into the documents it holds.
func (p *Pipeline) documents(key, name string, raw []byte) ([]*data.Document, []string, error) {
	res, err := extract.File(name, raw)
	if err != nil {
		return nil, nil, err
	}
	doc := &data.Document{
		ID:        data.DocumentID(key),
		Source:    key,
		Title:     clean(res.Title),
		Summary:   clean(res.Summary),
		Headings:  cleanAll(res.Headings),
		Body:      norm.NFKC.String(res.Body),
		Lang:      res.Lang,
		MediaType: res.MediaType,
		Charset:   res.Charset,
		Kind:      kindOf(key, res),
		Issue:     issueOf(key, res),
	}
	if doc.Title == "" {
		doc.Title = path.Base(name)
	}
	if d := first(res.Meta["date"]); d != "" {
		doc.Date = d
	}
	if strings.TrimSpace(doc.Body) == "" {
		doc.Flags = append(doc.Flags, data.FlagNoText)
	}
	p.Enricher.Enrich(doc, res.Meta)
	return []*data.Document{doc}, res.Warnings, nil
}

func clean(s string) string { return strings.Join(strings.Fields(norm.NFKC.String(s)), " ") }

func cleanAll(ss []string) []string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		if c := clean(s); c != "" {
			out = append(out, c)
		}
	}
	return out
}

func first(vs []string) string {
	if len(vs) == 0 {
		return ""
	}
	return strings.TrimSpace(vs[0])
}

// Newsletter URL shapes: one page per issue (200901.html, or a contents
// page 201207/index.html) and one page per article in a folder per issue
// (201207/1.html, 201011/1c.html).
var (
	issuePage   = regexp.MustCompile(`(?:^|/)((?:19|20)\d{2}(?:0[1-9]|1[0-2]))(?:\.html?|/index\.html?)$`)
	articlePage = regexp.MustCompile(`(?:^|/)((?:19|20)\d{2}(?:0[1-9]|1[0-2]))/(\d+)[a-z]?\.html?$`)
)

var kinds = []string{data.KindNewsletterArticle, data.KindNewsletterIssue, data.KindCaseStudy, data.KindReport}

// kindOf decides the kind: given by metadata, else from the source's shape.
func kindOf(key string, res *extract.Result) string {
	if k := strings.ToLower(first(res.Meta["kind"])); k != "" {
		for _, known := range kinds {
			if k == known {
				return k
			}
		}
	}
	switch {
	case articlePage.MatchString(key):
		return data.KindNewsletterArticle
	case issuePage.MatchString(key):
		return data.KindNewsletterIssue
	case res.MediaType == "text/markdown":
		return data.KindCaseStudy
	case res.MediaType == "text/html" && len(res.Meta["issue"]) > 0:
		return data.KindNewsletterArticle
	}
	return data.KindReport
}

// issueOf places a newsletter page in its issue, when it is one.
func issueOf(key string, res *extract.Result) *data.Issue {
	label := first(res.Meta["issue"])
	if m := articlePage.FindStringSubmatch(key); m != nil {
		pos, _ := strconv.Atoi(m[2])
		return &data.Issue{Label: label, Key: m[1], Position: pos}
	}
	if m := issuePage.FindStringSubmatch(key); m != nil {
		return &data.Issue{Label: label, Key: m[1]}
	}
	if label != "" {
		return &data.Issue{Label: label}
	}
	return nil
}
