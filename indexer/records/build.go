package records

import (
	"slices"
	"strconv"
	"strings"

	"casebook/indexer/extract"
)

// getter returns the values at one path of the current record, as found
// in the source (not yet cleaned).
type getter func(path string) []string

// Length limits, in characters, as package extract keeps them.
const (
	titleMax   = 200
	derivedMax = 120 // a title taken from the body
	summaryMax = 300
)

// record turns one record into a Part, or skips it with a warning when it
// has neither title nor body.
func (c *collector) record(get getter) {
	c.n++
	n := c.n
	clear(c.found)
	body := c.body(get)
	title := first(c.values(get, fieldTitle))
	if title == "" && body == "" {
		c.warn("record %d: no title or body", n)
		return
	}
	lead, _, _ := strings.Cut(body, "\n\n")
	if title == "" {
		title = truncate(lead, derivedMax)
	}
	summary := first(c.values(get, fieldSummary))
	if summary == "" && lead != title {
		summary = lead
	}
	c.res.Parts = append(c.res.Parts, extract.Part{
		Key:      c.key(get, n),
		Position: n,
		Title:    truncate(title, titleMax),
		Summary:  truncate(summary, summaryMax),
		Body:     body,
		Lang:     language(first(c.values(get, fieldLang))),
		Meta:     c.meta(get, n),
	})
	for f := range c.found {
		c.hits[f]++
	}
}

// values returns the cleaned values of a field from the first of its
// paths that gives any, split by the separator when the field is a list.
func (c *collector) values(get getter, field string) []string {
	for _, p := range c.m.Fields[field] {
		var out []string
		for _, v := range get(p) {
			out = c.appendValue(out, field, v)
		}
		if len(out) > 0 {
			c.found[field] = true
			return out
		}
	}
	return nil
}

func (c *collector) appendValue(out []string, field, v string) []string {
	parts := []string{v}
	if c.split[field] {
		parts = strings.Split(v, c.m.Separator)
	}
	for _, p := range parts {
		if p = inline(p); p != "" && !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}

// body joins the body values as paragraphs.
func (c *collector) body(get getter) string {
	for _, p := range c.m.Fields[fieldBody] {
		var paras []string
		for _, v := range get(p) {
			if t := paragraphs(v); t != "" {
				paras = append(paras, t)
			}
		}
		if len(paras) > 0 {
			c.found[fieldBody] = true
			return strings.Join(paras, "\n\n")
		}
	}
	return ""
}

// key is the record's id, or its number when it has none. An id met
// before gets the number appended, so that keys stay unique in the file.
func (c *collector) key(get getter, n int) string {
	id := ""
	for _, p := range c.m.ID {
		if id = first(cleanAll(get(p))); id != "" {
			c.found["id"] = true
			break
		}
	}
	if id == "" {
		return strconv.Itoa(n)
	}
	if prev, ok := c.ids[id]; ok {
		c.warn("record %d: id %q already used by record %d; keyed as %q", n, id, prev, id+"#"+strconv.Itoa(n))
		return id + "#" + strconv.Itoa(n)
	}
	c.ids[id] = n
	return id
}

// meta gathers every field without a place of its own in the Part, the
// date normalised, and the mapping's constants.
func (c *collector) meta(get getter, n int) map[string][]string {
	meta := map[string][]string{}
	for _, name := range c.m.fieldNames() {
		switch name {
		case fieldTitle, fieldBody, fieldSummary, fieldLang, fieldDate, fieldYear:
			continue
		}
		if vs := c.values(get, name); len(vs) > 0 {
			meta[name] = vs
		}
	}
	c.dates(meta, get, n)
	for k, v := range c.m.Constants {
		if _, ok := meta[k]; !ok && v != "" {
			meta[k] = []string{v}
		}
	}
	if len(meta) == 0 {
		return nil
	}
	return meta
}

// dates fills "date" (YYYY-MM-DD or YYYY-MM) and "year" from the date and
// year fields. A date that cannot be read gives a warning; a year found in
// it is still kept.
func (c *collector) dates(meta map[string][]string, get getter, n int) {
	var year string
	for _, v := range c.values(get, fieldDate) {
		d, y, ok := parseDate(v, c.m.DateLayouts)
		if !ok {
			c.warn("record %d: date %q not understood", n, v)
		}
		if d != "" && !slices.Contains(meta[fieldDate], d) {
			meta[fieldDate] = append(meta[fieldDate], d)
		}
		if year == "" {
			year = y
		}
	}
	for _, v := range c.values(get, fieldYear) {
		if y := findYear(v); y != "" {
			year = y
			break
		}
	}
	if year != "" {
		meta[fieldYear] = []string{year}
	}
}

// language reduces a language tag to its primary subtag: "ja-JP" → "ja".
func language(tag string) string {
	tag, _, _ = strings.Cut(strings.ToLower(tag), "-")
	tag, _, _ = strings.Cut(tag, "_")
	return tag
}

func first(vs []string) string {
	if len(vs) == 0 {
		return ""
	}
	return vs[0]
}

func cleanAll(vs []string) []string {
	out := vs[:0:0]
	for _, v := range vs {
		if v = inline(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}
