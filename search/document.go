package search

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"casebook/data"
)

// indexDoc is what bleve sees of a document: the mapped fields only.
type indexDoc struct {
	Title     string   `json:"title"`
	Summary   string   `json:"summary,omitempty"`
	Headings  []string `json:"headings,omitempty"`
	Body      any      `json:"body,omitempty"` // a string, or one string per page (PDF) so hits know their page
	City      []string `json:"city,omitempty"`
	Country   []string `json:"country,omitempty"`
	Region    []string `json:"region,omitempty"`
	Theme     []string `json:"theme,omitempty"`
	Kind      string   `json:"kind"`
	Lang      string   `json:"lang,omitempty"`
	Year      float64  `json:"year,omitempty"`
	YearKey   string   `json:"year_k,omitempty"`
	TitleSort string   `json:"title_sort"`
	Source    string   `json:"source"`
	Lead      string   `json:"lead,omitempty"`
	// Visibility is "public" or "internal", never empty (see visibility).
	Visibility string `json:"visibility"`
}

func toIndexDoc(d *data.Document) *indexDoc {
	x := &indexDoc{
		Title:      nfkc(d.Title),
		Summary:    nfkc(d.Summary),
		Headings:   nfkcAll(d.Headings),
		Body:       body(d),
		City:       d.Cities(),
		Country:    d.Countries(),
		Region:     d.Regions(),
		Theme:      d.Themes(),
		Kind:       d.Kind,
		Lang:       d.Lang,
		TitleSort:  strings.ToLower(strings.TrimSpace(d.Title)),
		Source:     d.Source,
		Lead:       lead(d),
		Visibility: visibility(d),
	}
	if d.Year != 0 {
		x.Year = float64(d.Year)
		x.YearKey = strconv.Itoa(d.Year)
	}
	return x
}

// leadLen is the length of the fallback snippet, in runes.
const leadLen = 240

// lead is the opening of the summary or body, cut on a word boundary.
func lead(d *data.Document) string {
	s := d.Summary
	if s == "" {
		s = d.Body
	}
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= leadLen {
		return s
	}
	r := []rune(s)[:leadLen]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > leadLen/2 {
		cut = cut[:i]
	}
	return cut + " …"
}

func nfkcAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = nfkc(s)
	}
	return out
}

// body is the document's text, split into pages when it has them: bleve
// then records each page's array position, which the highlighter turns
// into the page a snippet comes from.
func body(d *data.Document) any {
	if len(d.PageStarts) == 0 {
		return nfkc(d.Body)
	}
	pages := make([]string, len(d.PageStarts))
	for i, start := range d.PageStarts {
		end := len(d.Body)
		if i+1 < len(d.PageStarts) {
			end = d.PageStarts[i+1]
		}
		if start > end || end > len(d.Body) {
			return nfkc(d.Body) // offsets that do not fit: index as one text
		}
		pages[i] = nfkc(d.Body[start:end])
	}
	return pages
}
