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
	Body      string   `json:"body,omitempty"`
	City      []string `json:"city,omitempty"`
	Country   []string `json:"country,omitempty"`
	Theme     []string `json:"theme,omitempty"`
	Kind      string   `json:"kind"`
	Lang      string   `json:"lang,omitempty"`
	Year      float64  `json:"year,omitempty"`
	YearKey   string   `json:"year_k,omitempty"`
	TitleSort string   `json:"title_sort"`
	Source    string   `json:"source"`
	Lead      string   `json:"lead,omitempty"`
}

func toIndexDoc(d *data.Document) *indexDoc {
	x := &indexDoc{
		Title:     nfkc(d.Title),
		Summary:   nfkc(d.Summary),
		Headings:  nfkcAll(d.Headings),
		Body:      nfkc(d.Body),
		City:      d.Cities(),
		Country:   d.Countries(),
		Theme:     d.Themes(),
		Kind:      d.Kind,
		Lang:      d.Lang,
		TitleSort: strings.ToLower(strings.TrimSpace(d.Title)),
		Source:    d.Source,
		Lead:      lead(d),
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
