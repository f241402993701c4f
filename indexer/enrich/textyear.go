package enrich

import (
	"regexp"
	"slices"
	"strconv"
	"unicode/utf8"

	"casebook/data"
)

// Dates as newsletters write them: "February 16 to 20, 2009", "March 2013",
// "16 Feb. 2009", "2009年2月", "平成21年", "2009-02-16".
var (
	monthDate = regexp.MustCompile(`(?i)\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?` +
		`\s+(?:\d{1,2}(?:st|nd|rd|th)?(?:\s*(?:-|–|to|and)\s*(?:[a-z]+\.?\s+)?\d{1,2}(?:st|nd|rd|th)?)?,?\s+)?((?:19|20)\d{2})\b`)
	kanjiDate = regexp.MustCompile(`((?:19|20)\d{2})年\s*\d{1,2}月`)
	eraDate   = regexp.MustCompile(`(平成|令和)\s*(\d{1,2}|元)年`)
	numDate   = regexp.MustCompile(`\b((?:19|20)\d{2})[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])\b`)
)

// eraStart is the Gregorian year before year 1 of a Japanese era.
var eraStart = map[string]int{"平成": 1988, "令和": 2018}

// dateHit is one date found in the text.
type dateHit struct {
	pos  int
	year int
	text string
}

// textYear returns the most recent plausible year among the first dates in
// the summary and the start of the body.
func textYear(fs []field) (yearFind, bool) {
	var text string
	for _, f := range fs {
		if f.kind == kindSummary || f.kind == kindBody {
			text += truncate(f.text, textDateBytes) + "\n"
		}
	}
	dates := findDates(text)
	if len(dates) == 0 {
		return yearFind{}, false
	}
	best := dates[0]
	for _, d := range dates[1:min(len(dates), textDates)] {
		if d.year > best.year {
			best = d
		}
	}
	return yearFind{year: best.year, origin: data.OriginDetected, evidence: "text " + quote(best.text)}, true
}

// findDates returns the plausible dates in s in order of position.
func findDates(s string) []dateHit {
	var out []dateHit
	for _, re := range []*regexp.Regexp{monthDate, kanjiDate, numDate} {
		for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
			y, _ := strconv.Atoi(s[m[2]:m[3]])
			out = append(out, dateHit{pos: m[0], year: y, text: s[m[0]:m[1]]})
		}
	}
	for _, m := range eraDate.FindAllStringSubmatchIndex(s, -1) {
		n, err := strconv.Atoi(s[m[4]:m[5]])
		if err != nil {
			n = 1 // 元年, the era's first year
		}
		out = append(out, dateHit{pos: m[0], year: eraStart[s[m[2]:m[3]]] + n, text: s[m[0]:m[1]]})
	}
	out = slices.DeleteFunc(out, func(d dateHit) bool { return d.year < minYear || d.year > maxYear })
	slices.SortStableFunc(out, func(a, b dateHit) int { return a.pos - b.pos })
	return out
}

// maxEventYears bounds how many event years a document keeps.
const maxEventYears = 10

// setEventYears keeps the years of the events the text dates, apart from
// the publication year: "February 16 to 20, 2009" in a 2010 report. They
// are in doc.Meta["event_years"], most mentioned first.
func setEventYears(doc *data.Document, fs []field) {
	count := map[int]int{}
	for _, f := range fs {
		if f.kind == kindSummary || f.kind == kindBody {
			countDates(f.text, count)
		}
	}
	years := make([]int, 0, len(count))
	for y := range count {
		years = append(years, y)
	}
	slices.SortFunc(years, func(a, b int) int {
		if count[a] != count[b] {
			return count[b] - count[a]
		}
		return a - b
	})
	if doc.Meta != nil {
		delete(doc.Meta, "event_years")
	}
	if len(years) == 0 {
		return
	}
	out := make([]string, 0, min(len(years), maxEventYears))
	for _, y := range years[:min(len(years), maxEventYears)] {
		out = append(out, strconv.Itoa(y))
	}
	if doc.Meta == nil {
		doc.Meta = map[string][]string{}
	}
	doc.Meta["event_years"] = out
}

// yearLike finds four-digit years cheaply; the date patterns then run only
// on the text just before each, which keeps long bodies fast.
var yearLike = regexp.MustCompile(`\b(?:19|20)\d{2}\b`)

// dateWindow is how much text before a year a date can take up.
const dateWindow = 48

func countDates(s string, count map[int]int) {
	last := -1 // end of the last window, so that no date counts twice
	for _, m := range yearLike.FindAllStringIndex(s, -1) {
		start := max(m[0]-dateWindow, last, 0)
		for start > 0 && !utf8.RuneStart(s[start]) {
			start++
		}
		for _, d := range findDates(s[start:m[1]]) {
			count[d.year]++
		}
		last = m[1]
	}
}
