package web

import (
	"strconv"

	"casebook/search"
)

var facetLabels = map[string]string{
	search.FacetCity:    "City",
	search.FacetCountry: "Country",
	search.FacetRegion:  "Region",
	search.FacetTheme:   "Theme",
	search.FacetYear:    "Year",
	search.FacetKind:    "Type",
	search.FacetLang:    "Language",
}

var kindLabels = map[string]string{
	"newsletter-article": "Newsletter article",
	"newsletter-issue":   "Newsletter issue",
	"case-study":         "Case study",
	"report":             "Report",
	"speech":             "Speech",
	"press-release":      "Press release",
}

var langLabels = map[string]string{
	"en":    "English",
	"ja":    "Japanese",
	"zh":    "Chinese",
	"ko":    "Korean",
	"th":    "Thai",
	"other": "Other",
	"vi":    "Vietnamese",
	"id":    "Indonesian",
}

// facetLabel is the name a user sees for a facet.
func facetLabel(name string) string {
	if l, ok := facetLabels[name]; ok {
		return l
	}
	return name
}

// valueLabel is the text a user sees for a facet value: kinds and
// languages in words, year ranges with a dash or an open end.
func valueLabel(facet, value string) string {
	switch facet {
	case search.FacetKind:
		return lookup(kindLabels, value)
	case search.FacetLang:
		return lookup(langLabels, value)
	case search.FacetYear:
		return yearLabel(value)
	}
	return value
}

func lookup(m map[string]string, key string) string {
	if l, ok := m[key]; ok {
		return l
	}
	return key
}

func yearLabel(value string) string {
	lo, hi, isRange := splitRange(value)
	switch {
	case !isRange:
		return value
	case lo == minYear:
		return "up to " + strconv.Itoa(hi)
	case hi == maxYear:
		return strconv.Itoa(lo) + " and later"
	}
	return strconv.Itoa(lo) + "–" + strconv.Itoa(hi)
}
