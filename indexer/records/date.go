package records

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// commonLayouts are tried after a mapping's own date layouts.
var commonLayouts = []string{
	time.RFC3339,
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05",
	time.DateOnly,
	"2006-1-2",
	"2006/1/2",
	"2006.1.2",
	"2 January 2006",
	"2 Jan 2006",
	"January 2, 2006",
	"Jan 2, 2006",
	"Jan. 2, 2006",
	"2-Jan-2006",
	"2-Jan-06",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"2006-01",
	"2006/01",
	"January 2006",
	"Jan 2006",
}

var (
	yearOnlyRE = regexp.MustCompile(`^\d{4}$`)
	yearRE     = regexp.MustCompile(`(?:^|\D)(1[5-9]\d\d|2[01]\d\d)(?:\D|$)`)
)

// parseDate reads a date with the mapping's layouts, then the common
// ones. It returns the date as "YYYY-MM-DD" (or "YYYY-MM" when the layout
// has no day, "" for a bare year), its year, and whether it was read. When
// a layout with a time fails, its date part alone is tried on the first
// word of s, so that "27-MAR-1987 605:13:12.19" still gives 1987-03-27.
// A date not read may still give a year.
func parseDate(s string, layouts []string) (date, year string, ok bool) {
	s = strings.Join(strings.Fields(s), " ")
	if yearOnlyRE.MatchString(s) {
		return "", s, true
	}
	all := append(layouts[:len(layouts):len(layouts)], commonLayouts...)
	for _, l := range all {
		if t, err := time.Parse(l, s); err == nil {
			return formatDate(t, l)
		}
	}
	word, _, _ := strings.Cut(s, " ")
	for _, l := range all {
		lw, _, cut := strings.Cut(l, " ")
		if !cut || !strings.Contains(lw, "06") {
			continue
		}
		if t, err := time.Parse(lw, word); err == nil {
			return formatDate(t, lw)
		}
	}
	return "", findYear(s), false
}

// formatDate writes t to the precision its layout has.
func formatDate(t time.Time, layout string) (date, year string, ok bool) {
	if t.Year() < 1000 || t.Year() > 9999 {
		return "", "", false
	}
	year = strconv.Itoa(t.Year())
	if !hasDay(layout) {
		return t.Format("2006-01"), year, true
	}
	return t.Format(time.DateOnly), year, true
}

// hasDay reports whether a layout writes the day of the month.
func hasDay(layout string) bool {
	a := time.Date(2001, 2, 3, 0, 0, 0, 0, time.UTC)
	return a.Format(layout) != a.AddDate(0, 0, 1).Format(layout)
}

// findYear returns the first plausible year (1500-2199) written in s.
func findYear(s string) string {
	if m := yearRE.FindStringSubmatch(s); m != nil {
		return m[1]
	}
	return ""
}
