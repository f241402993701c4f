package search

import (
	"strings"
	"unicode"
)

// Query is a parsed user query: every positive term must match somewhere
// in the text, no negated term may.
type Query struct {
	Terms []Term
}

// Term is a word or a quoted phrase, possibly negated with a leading "-",
// possibly for one field: city:Bangkok, theme:"waste", year:2009..2012,
// title:flood.
type Term struct {
	Text   string
	Phrase bool
	Not    bool
	Field  string // "" for the text; else one of QueryFields
}

// QueryFields are the field prefixes a query may use.
var QueryFields = []string{FacetCity, FacetCountry, FacetRegion, FacetTheme, FacetKind, FacetLang, FacetYear, "title"}

// ParseQuery reads words, "quoted phrases" and -exclusions. Nothing in the
// input has special meaning to the engine: *, ?, ~ and / are plain text
// and fall away in analysis. It never fails; an unclosed quote runs to
// the end of the input.
func ParseQuery(s string) Query {
	var q Query
	rs := []rune(s)
	for i := 0; i < len(rs); {
		if unicode.IsSpace(rs[i]) {
			i++
			continue
		}
		not := false
		if rs[i] == '-' && i+1 < len(rs) && !unicode.IsSpace(rs[i+1]) {
			not = true
			i++
		}
		var t Term
		t, i = readTerm(rs, i)
		t.Not = not
		if strings.TrimSpace(t.Text) != "" {
			q.Terms = append(q.Terms, t)
		}
	}
	return q
}

// readTerm reads one word, quoted phrase or field:value starting at i.
func readTerm(rs []rune, i int) (Term, int) {
	if field, n := fieldPrefix(rs[i:]); field != "" && i+n < len(rs) && !unicode.IsSpace(rs[i+n]) {
		t, j := readPlain(rs, i+n)
		t.Field = field
		return t, j
	}
	return readPlain(rs, i)
}

// fieldPrefix returns the field named by "name:" at the start of rs, and
// the prefix's length; "" when rs starts with no known field.
func fieldPrefix(rs []rune) (string, int) {
	for _, f := range QueryFields {
		p := []rune(f + ":")
		if len(rs) >= len(p) && strings.EqualFold(string(rs[:len(p)]), string(p)) {
			return f, len(p)
		}
	}
	return "", 0
}

// readPlain reads one word or quoted phrase starting at i.
func readPlain(rs []rune, i int) (Term, int) {
	if rs[i] == '"' {
		j := i + 1
		for j < len(rs) && rs[j] != '"' {
			j++
		}
		t := Term{Text: string(rs[i+1 : j]), Phrase: true}
		return t, j + 1
	}
	j := i
	for j < len(rs) && !unicode.IsSpace(rs[j]) && rs[j] != '"' {
		j++
	}
	return Term{Text: string(rs[i:j])}, j
}
