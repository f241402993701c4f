package extract

import (
	"regexp"
	"strings"
	"time"
	"unicode"
)

// factKeys maps the first-column labels of a case study's fact table
// ("| **City** | [Tokyo](/tokyo/) |") to the Meta key they fill.
var factKeys = map[string]string{
	"city": "city", "cities": "city",
	"country": "country", "countries": "country",
	"type": "type", "period": "period", "scope": "scope",
	"year": "year", "date": "date",
	"theme": "theme", "themes": "theme",
	"programme": "programme", "program": "programme",
	"location": "location", "size": "size",
}

// placeKeys are the facts whose cell may list several places; listKeys
// those whose values a semicolon separates.
var (
	placeKeys = map[string]bool{"city": true, "country": true}
	listKeys  = map[string]bool{"theme": true, "programme": true}
)

// Limits on what counts as a label in a fact table's first column.
const (
	factLabelMaxChars = 40
	factLabelMaxWords = 5
)

var (
	mdLinkTextRE = regexp.MustCompile(`\[([^\]]+)\]\([^)]*\)`)
	listSplitRE  = regexp.MustCompile(`\s*(?:,|;|\band\b|&)\s*`)
	factDates    = []string{time.DateOnly, "2 January 2006", "January 2, 2006", "2 Jan 2006", "Jan 2, 2006"}
)

// fact is one row of a fact table: the Meta key (empty for a label not
// known) and the raw Markdown of its value cell.
type fact struct {
	key, cell string
}

// isTableLine reports a line that belongs to a pipe table: a row starting
// with "|" or a delimiter row such as "|---|---|".
func isTableLine(line string) bool {
	return strings.HasPrefix(strings.TrimSpace(line), "|") || isTableRule(line)
}

func isTableRule(line string) bool {
	return strings.Contains(line, "|") && mdTableRuleRE.MatchString(line)
}

// factTable reads the lines of a pipe table as a key/value table of facts.
// It returns nil unless every row has two cells with a short label first
// (an empty header row "| | |" aside) and more than half the labels are
// known fact keys: a table of data is left as text.
func factTable(rows []string) []fact {
	var facts []fact
	known := 0
	for _, line := range rows {
		if isTableRule(line) {
			continue
		}
		cells := splitCells(strings.Trim(strings.TrimSpace(line), "|"))
		if len(cells) != 2 {
			return nil
		}
		label := stripInline(cells[0])
		if label == "" && stripInline(cells[1]) == "" {
			continue
		}
		if !isLabel(label) {
			return nil
		}
		key := factKeys[strings.ToLower(strings.TrimRight(label, ":："))]
		if key != "" {
			known++
		}
		facts = append(facts, fact{key: key, cell: cells[1]})
	}
	if known*2 <= len(facts) {
		return nil
	}
	return facts
}

// isLabel reports a short label with a letter in it, not a number or a
// sentence.
func isLabel(s string) bool {
	return s != "" && len([]rune(s)) <= factLabelMaxChars &&
		len(strings.Fields(s)) <= factLabelMaxWords &&
		strings.IndexFunc(s, unicode.IsLetter) >= 0 &&
		!strings.ContainsAny(s[len(s)-1:], ".!?")
}

// addFacts puts a fact table's values into meta; a key already set (by an
// earlier table) keeps its values.
func addFacts(meta map[string][]string, facts []fact) {
	for _, f := range facts {
		if f.key == "" || meta[f.key] != nil {
			continue
		}
		if vs := factValues(f.key, f.cell); len(vs) > 0 {
			meta[f.key] = vs
		}
	}
}

// factValues reads a value cell. Places are the link texts when the cell
// has links ("[Tokyo](/tokyo/) – 2018 Laureate" gives "Tokyo"), else the
// cell split when it is clearly a list; themes and programmes split at
// semicolons; other facts are the cell's text, a date as YYYY-MM-DD when
// it reads as one.
func factValues(key, cell string) []string {
	if placeKeys[key] {
		if links := mdLinkTextRE.FindAllStringSubmatch(cell, -1); links != nil {
			var vs []string
			for _, l := range links {
				vs = appendDistinct(vs, stripInline(l[1]))
			}
			return vs
		}
		return placeList(key, stripInline(cell))
	}
	text := stripInline(cell)
	switch {
	case key == "date":
		text = factDate(text)
	case listKeys[key] && strings.Contains(text, ";"):
		var vs []string
		for _, v := range strings.Split(text, ";") {
			vs = appendDistinct(vs, strings.TrimSpace(v))
		}
		return vs
	}
	return nonEmpty(text)
}

// placeList splits "Tokyo, Osaka and Kyoto" or "Tokyo; Osaka" into names,
// but only when the cell is clearly a list: a semicolon, three items or
// more, or two cities joined by "and"; and every item looks like a name.
// "Hong Kong, China" (a city and its country) and "Trinidad and Tobago"
// stay whole.
func placeList(key, text string) []string {
	items := listSplitRE.Split(text, -1)
	seps := listSplitRE.FindAllString(text, -1)
	if text == "" || len(items) < 2 {
		return nonEmpty(text)
	}
	joined := strings.TrimSpace(seps[0])
	clearly := strings.Contains(text, ";") || len(items) >= 3 ||
		key == "city" && (joined == "and" || joined == "&")
	if !clearly {
		return nonEmpty(text)
	}
	var vs []string
	for _, it := range items {
		if it == "" {
			continue
		}
		if !isPlaceName(it) {
			return nonEmpty(text)
		}
		vs = appendDistinct(vs, it)
	}
	return vs
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

// isPlaceName reports one to four capitalised words without digits.
func isPlaceName(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 4 || strings.IndexFunc(s, unicode.IsDigit) >= 0 {
		return false
	}
	first := []rune(words[0])[0]
	return unicode.IsUpper(first) || !unicode.Is(unicode.Latin, first)
}

// factDate writes a date as YYYY-MM-DD when it is one, else leaves it.
func factDate(s string) string {
	for _, layout := range factDates {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format(time.DateOnly)
		}
	}
	return s
}

func appendDistinct(vs []string, v string) []string {
	for _, have := range vs {
		if have == v {
			return vs
		}
	}
	if v == "" {
		return vs
	}
	return append(vs, v)
}
