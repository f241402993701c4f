package main

import (
	"strings"
	"unicode"
)

// Scripts an alias may be written in. Latin (English, Vietnamese,
// Indonesian, Malay and the local names of most of the world), Chinese,
// Japanese, Korean and Thai are kept for every city: they are the
// languages of the archive. Other scripts are kept for the cities of the
// countries that write them, so a city keeps its local name (Томск, ঢাকা,
// ရန်ကုန်) but not its name in every other language.
var corpusScripts = []*unicode.RangeTable{unicode.Latin, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Thai}

var localScripts = map[*unicode.RangeTable]string{
	unicode.Cyrillic:   "AZ BA BG BY KG KZ ME MK MN RS RU TJ TM UA UZ",
	unicode.Arabic:     "AE AF BH DZ EG EH IQ IR JO KW LB LY MA MR OM PK PS QA SA SD SY TN YE",
	unicode.Devanagari: "IN NP",
	unicode.Bengali:    "BD IN",
	unicode.Tamil:      "IN LK",
	unicode.Telugu:     "IN",
	unicode.Kannada:    "IN",
	unicode.Malayalam:  "IN",
	unicode.Gujarati:   "IN",
	unicode.Gurmukhi:   "IN",
	unicode.Oriya:      "IN",
	unicode.Sinhala:    "LK",
	unicode.Myanmar:    "MM",
	unicode.Khmer:      "KH",
	unicode.Lao:        "LA",
	unicode.Georgian:   "GE",
	unicode.Armenian:   "AM",
	unicode.Hebrew:     "IL",
	unicode.Greek:      "CY GR",
	unicode.Ethiopic:   "ER ET",
	unicode.Tibetan:    "BT",
	unicode.Thaana:     "MV",
}

// scriptFits reports whether every letter of alias is in a corpus script
// or a script of country.
func scriptFits(alias, country string) bool {
	for _, r := range alias {
		if !unicode.IsLetter(r) || unicode.In(r, unicode.Common, unicode.Inherited) || unicode.In(r, corpusScripts...) {
			continue
		}
		ok := false
		for table, codes := range localScripts {
			if unicode.Is(table, r) {
				ok = strings.Contains(codes, country)
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}
