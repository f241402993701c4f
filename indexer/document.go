package indexer

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"

	"casebook/data"
	"casebook/indexer/archive"
	"casebook/indexer/extract"
	"casebook/indexer/records"
)

// documents extracts one file into the documents it holds: the file
// itself when it has text of its own, and one per part (the articles of
// an issue page, the records of a data file).
func (p *Pipeline) documents(t task, raw []byte) ([]*data.Document, []string, error) {
	res, err := p.extract(t.name, raw)
	if err != nil {
		return nil, nil, err
	}
	var docs []*data.Document
	if len(res.Parts) == 0 || strings.TrimSpace(res.Body) != "" {
		docs = append(docs, p.fileDocument(t.key, t.name, res))
	}
	for _, part := range res.Parts {
		docs = append(docs, p.partDocument(t.key, res, part))
	}
	warnings := res.Warnings
	if t.exists != nil {
		warnings = append(warnings, linkArchive(t, docs, res.Links)...)
	}
	return docs, warnings, nil
}

// linkArchive, for a page of a mirrored archive, links each document to
// its other-language edition and reports links to pages the mirror lacks.
func linkArchive(t task, docs []*data.Document, links []string) []string {
	exists := func(k string) bool {
		file, _, _ := strings.Cut(k, "#")
		return t.exists(file)
	}
	for _, d := range docs {
		if cp, ok := archive.Counterpart(d.Source, exists); ok {
			d.Counterpart = data.DocumentID(cp)
		}
	}
	var warnings []string
	for _, l := range archive.DeadLinks(t.key, links, exists) {
		warnings = append(warnings, "dead link: "+l)
	}
	return warnings
}

// extract reads a file as records when a mapping matches its name, else
// by its content.
func (p *Pipeline) extract(name string, raw []byte) (*extract.Result, error) {
	if p.extractFn != nil {
		return p.extractFn(name, raw)
	}
	for _, m := range p.Mappings {
		if m.Matches(name) {
			return records.Extract(m, name, raw)
		}
	}
	return extract.File(name, raw)
}

func (p *Pipeline) fileDocument(key, name string, res *extract.Result) *data.Document {
	doc := newDocument(key, res)
	doc.Title = clean(res.Title)
	doc.Summary = clean(res.Summary)
	doc.Headings = cleanAll(res.Headings)
	doc.Body, doc.PageStarts = normalizePages(res.Body, res.PageStarts)
	doc.Kind = kindOf(key, res.Title, res.MediaType, res.Meta)
	doc.Issue = issueOf(key, res.Meta)
	if doc.Title == "" {
		doc.Title = path.Base(name)
	}
	p.finish(doc, res.Meta, res.Flags)
	return doc
}

func (p *Pipeline) partDocument(key string, res *extract.Result, part extract.Part) *data.Document {
	doc := newDocument(key+"#"+part.Key, res)
	doc.Part = part.Key
	doc.Title = clean(part.Title)
	doc.Summary = clean(part.Summary)
	doc.Headings = cleanAll(part.Headings)
	doc.Body = norm.NFKC.String(part.Body)
	if part.Lang != "" {
		doc.Lang = part.Lang
	}
	meta := mergeMeta(res.Meta, part.Meta)
	doc.Kind = partKind(res.MediaType, meta)
	if issue := issueOf(key, meta); issue != nil {
		issue.Position = part.Position
		doc.Issue = issue
	}
	if doc.Title == "" {
		doc.Title = fmt.Sprintf("%s, part %d", path.Base(key), part.Position)
	}
	p.finish(doc, meta, nil)
	return doc
}

func newDocument(source string, res *extract.Result) *data.Document {
	return &data.Document{
		ID:        data.DocumentID(source),
		Source:    source,
		Lang:      res.Lang,
		MediaType: res.MediaType,
		Charset:   res.Charset,
	}
}

// finish sets date, flags, extra metadata and tags.
func (p *Pipeline) finish(doc *data.Document, meta map[string][]string, flags []string) {
	if d := first(meta["date"]); d != "" {
		doc.Date = d
	}
	doc.Meta = extraMeta(meta)
	doc.Flags = append(doc.Flags, flags...)
	if strings.EqualFold(first(meta["published"]), "false") {
		doc.Flags = append(doc.Flags, data.FlagDraft)
	}
	if strings.TrimSpace(doc.Body) == "" && !doc.HasFlag(data.FlagNoText) {
		doc.Flags = append(doc.Flags, data.FlagNoText)
	}
	p.Enricher.Enrich(doc, meta)
}

// fieldMeta are metadata keys that become fields or tags of their own.
var fieldMeta = map[string]bool{
	"title": true, "summary": true, "description": true, "city": true, "cities": true,
	"country": true, "countries": true, "theme": true, "themes": true, "date": true,
	"year": true, "kind": true, "lang": true, "issue": true, "published": true,
	"layout": true, "permalink": true, "image": true, "file_url": true, "third_nav_title": true,
}

// extraMeta keeps the source metadata that is not a field or a tag: a
// case study's type, period and scope, a record's URL or topics.
func extraMeta(meta map[string][]string) map[string][]string {
	out := map[string][]string{}
	for k, v := range meta {
		if !fieldMeta[k] && len(v) > 0 && strings.TrimSpace(strings.Join(v, "")) != "" {
			out[k] = v
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func mergeMeta(file, part map[string][]string) map[string][]string {
	out := make(map[string][]string, len(file)+len(part))
	for k, v := range file {
		out[k] = v
	}
	for k, v := range part {
		out[k] = v
	}
	return out
}

// normalizePages NFKC-normalises body page by page, so that the page
// offsets still point at the starts of the pages afterwards.
func normalizePages(body string, starts []int) (string, []int) {
	if len(starts) == 0 {
		return norm.NFKC.String(body), nil
	}
	var b strings.Builder
	out := make([]int, 0, len(starts))
	for i, start := range starts {
		end := len(body)
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		if start > end || end > len(body) {
			return norm.NFKC.String(body), nil // offsets that do not fit: no pages
		}
		out = append(out, b.Len())
		b.WriteString(norm.NFKC.String(body[start:end]))
	}
	return b.String(), out
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

var kinds = []string{data.KindNewsletterArticle, data.KindNewsletterIssue, data.KindCaseStudy,
	data.KindReport, data.KindSpeech, data.KindPressRelease}

// kindWords tell a speech or a press release by the folder it sits in
// (an archive's "speeches/", "press-releases/") or its title.
var kindWords = []struct {
	kind          string
	folder, title []string
}{
	{data.KindSpeech, []string{"speech", "speeches"}, []string{"speech by", "speech at", "opening speech", "closing speech", "keynote speech", "opening remarks", "welcome address"}},
	{data.KindPressRelease, []string{"press-release", "press-releases", "press", "media-releases"}, []string{"press release", "media release"}},
}

// kindByWords is the kind that the source's folders or the title name.
func kindByWords(key, title string) (string, bool) {
	dirs := strings.Split(strings.ToLower(path.Dir(key)), "/")
	t := strings.ToLower(title)
	for _, k := range kindWords {
		for _, f := range k.folder {
			if slices.Contains(dirs, f) {
				return k.kind, true
			}
		}
		for _, w := range k.title {
			if strings.HasPrefix(t, w) {
				return k.kind, true
			}
		}
	}
	return "", false
}

// kindOf decides the kind: given by metadata, else from the source's shape.
func kindOf(key, title, mediaType string, meta map[string][]string) string {
	if k, ok := metaKind(meta); ok {
		return k
	}
	if kind, _, _ := archive.Classify(key); kind != "" {
		return kind
	}
	if k, ok := kindByWords(key, title); ok {
		return k
	}
	switch {
	case mediaType == extract.TypeMarkdown:
		return data.KindCaseStudy
	case mediaType == extract.TypeHTML && len(meta["issue"]) > 0:
		return data.KindNewsletterArticle
	}
	return data.KindReport
}

// partKind is the kind of a part: an article of an issue page, or a
// record (a case study unless the mapping says otherwise).
func partKind(mediaType string, meta map[string][]string) string {
	if k, ok := metaKind(meta); ok {
		return k
	}
	if mediaType == extract.TypeHTML {
		return data.KindNewsletterArticle
	}
	return data.KindCaseStudy
}

func metaKind(meta map[string][]string) (string, bool) {
	k := strings.ToLower(first(meta["kind"]))
	for _, known := range kinds {
		if k == known {
			return k, true
		}
	}
	return "", false
}

// issueOf places a newsletter page, or a part of one, in its issue: the
// issue's key and label, its number, and the id of the issue's own page.
func issueOf(key string, meta map[string][]string) *data.Issue {
	label := first(meta["issue"])
	kind, issueKey, pos := archive.Classify(key)
	if kind == "" && label == "" {
		return nil
	}
	issue := &data.Issue{Label: label, Number: archive.IssueNumber(label), Key: issueKey, Position: pos}
	if src := archive.IssueSource(key); src != "" {
		issue.ID = data.DocumentID(src)
	}
	return issue
}
