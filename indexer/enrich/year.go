package enrich

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"casebook/data"
)

// Years found in paths, labels and text must be plausible for the corpus;
// a year the metadata gives need only pass data.Document.Validate.
const (
	minYear, maxYear         = 1990, 2030
	minMetaYear, maxMetaYear = 1900, 2100
	textDates                = 3       // how many of the first dates in the text to consider
	textDateBytes            = 8 << 10 // how far into the text to look for them
)

// yearFind is a publication year and where it came from.
type yearFind struct {
	year     int
	date     string // YYYY-MM or YYYY-MM-DD when known
	origin   string
	evidence string
}

func (y yearFind) tag() data.Tag {
	return data.Tag{Facet: data.FacetYear, Value: strconv.Itoa(y.year), Origin: y.origin, Evidence: y.evidence}
}

// findYear tries, in order: meta["year"], meta["date"], the source path
// or URL, the issue label or key and the title, then the first dates in
// the summary and body.
func findYear(doc *data.Document, meta map[string][]string, fs []field) (yearFind, bool) {
	for _, v := range meta["year"] {
		if y, err := strconv.Atoi(strings.TrimSpace(v)); err == nil && y >= minMetaYear && y <= maxMetaYear {
			return yearFind{year: y, origin: data.OriginSource, evidence: "front matter year"}, true
		}
	}
	for _, v := range meta["date"] {
		if y, date, ok := parseDate(v); ok {
			return yearFind{year: y, date: date, origin: data.OriginSource, evidence: "front matter date " + quote(v)}, true
		}
	}
	if y, ok := pathYear(doc.Source); ok {
		return y, true
	}
	if y, ok := labelYear(doc, meta); ok {
		return y, true
	}
	return textYear(fs)
}

var isoDate = regexp.MustCompile(`^\s*((?:19|20)\d{2})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?`)

// parseDate reads YYYY, YYYY-MM or YYYY-MM-DD (also with / or .) at the
// start of s, ignoring any time after it.
func parseDate(s string) (int, string, bool) {
	m := isoDate.FindStringSubmatch(s)
	if m == nil {
		return 0, "", false
	}
	y, _ := strconv.Atoi(m[1])
	mon, _ := strconv.Atoi(m[2])
	day, _ := strconv.Atoi(m[3])
	switch {
	case y < minMetaYear || y > maxMetaYear:
		return 0, "", false
	case m[2] == "" || mon < 1 || mon > 12:
		return y, "", true
	case m[3] == "" || day < 1 || day > 31:
		return y, fmt.Sprintf("%04d-%02d", y, mon), true
	}
	return y, fmt.Sprintf("%04d-%02d-%02d", y, mon, day), true
}

var (
	pathYearMonth = regexp.MustCompile(`^((?:19|20)\d{2})(0[1-9]|1[0-2])$`)                                  // 200905, 201207
	pathFullDate  = regexp.MustCompile(`^((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?:[-_.]|$)`) // 2018-07-19-slug
	pathYearOnly  = regexp.MustCompile(`^((?:19|20)\d{2})(?:[-_]|$)`)                                        // 2012-slug, 2012
)

// pathYear finds the year in the file name, then in the folders above it:
// `/200905.html`, `/201207/1.html`, `2018-07-19-x.md`, `2012-slug.md`.
func pathYear(src string) (yearFind, bool) {
	src, _, _ = strings.Cut(src, "#")
	src, _, _ = strings.Cut(src, "?")
	segs := strings.FieldsFunc(src, func(r rune) bool { return r == '/' || r == '\\' })
	for _, seg := range slices.Backward(segs) {
		stem := seg
		if i := strings.LastIndexByte(seg, '.'); i > 0 {
			stem = seg[:i]
		}
		if y, ok := segmentYear(stem); ok {
			y.evidence = "source path " + quote(seg)
			return y, true
		}
	}
	return yearFind{}, false
}

func segmentYear(stem string) (yearFind, bool) {
	var y yearFind
	if m := pathFullDate.FindStringSubmatch(stem); m != nil {
		y.date = m[1] + "-" + m[2] + "-" + m[3]
		y.year, _ = strconv.Atoi(m[1])
	} else if m := pathYearMonth.FindStringSubmatch(stem); m != nil {
		y.date = m[1] + "-" + m[2]
		y.year, _ = strconv.Atoi(m[1])
	} else if m := pathYearOnly.FindStringSubmatch(stem); m != nil {
		y.year, _ = strconv.Atoi(m[1])
	}
	y.origin = data.OriginDetected
	return y, y.year >= minYear && y.year <= maxYear
}

var yearWord = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)\d{2})(?:[^0-9]|$)`)

// labelYear finds a year in meta["issue"], the issue's key or label, or
// the title.
func labelYear(doc *data.Document, meta map[string][]string) (yearFind, bool) {
	labels := slices.Clone(meta["issue"])
	if doc.Issue != nil {
		if y, ok := segmentYear(doc.Issue.Key); ok {
			y.evidence = "issue key " + quote(doc.Issue.Key)
			return y, true
		}
		labels = append(labels, doc.Issue.Label)
	}
	for i, s := range append(labels, doc.Title) {
		for _, m := range yearWord.FindAllStringSubmatch(s, -1) {
			if y, _ := strconv.Atoi(m[1]); y >= minYear && y <= maxYear {
				what := "issue "
				if i == len(labels) {
					what = "title "
				}
				return yearFind{year: y, origin: data.OriginDetected, evidence: what + quote(s)}, true
			}
		}
	}
	return yearFind{}, false
}
