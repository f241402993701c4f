package main

import (
	"slices"
	"strings"
	"unicode/utf8"

	"casebook/indexer/enrich"
)

// divisions returns, by country code, the names of first-level divisions
// (states, provinces, prefectures) that can only mean that country, so
// that "Selangor" or "Kanagawa" says which country a text is about even
// where no city is named. A name is left out when it is a common word, a
// country's name, made of common words ("Central District"), a division
// of two countries ("Punjab") or the name of a gazetteer city: in another
// country it is a namesake ("Victoria"), in its own the city is meant
// ("Tokyo", "Bangkok"), and the city's country follows from the city.
func divisions(src *source, cities []*city, countries map[string]*country, ctx *context) map[string][]string {
	cityCountries := map[string]map[string]bool{}
	for _, c := range cities {
		for _, n := range c.names() {
			k := enrich.NameKey(n)
			if cityCountries[k] == nil {
				cityCountries[k] = map[string]bool{}
			}
			cityCountries[k][c.country] = true
		}
	}
	out := map[string][]string{}
	for code, name := range src.admin1 {
		cc, _, _ := strings.Cut(code, ".")
		if countries[cc] == nil {
			continue
		}
		for _, n := range []string{name, src.admin1ASCII[code]} {
			k := enrich.NameKey(n)
			if utf8.RuneCountInString(k) < 4 || ctx.allWords(k) || notDivisions[k] || slices.Contains(out[cc], n) {
				continue
			}
			if _, isCountry := ctx.countries[k]; isCountry || !onlyCountry(ctx.admin1[k], cc) {
				continue
			}
			if cityCountries[k] != nil {
				continue // a city's name: see the doc comment
			}
			out[cc] = append(out[cc], n)
		}
	}
	for cc := range out {
		slices.Sort(out[cc])
	}
	return out
}

// allWords reports whether every word of name key k is a common word:
// "Central District" could be anywhere.
func (ctx *context) allWords(k string) bool {
	for w := range strings.FieldsSeq(k) {
		if !ctx.words[w] && !divisionWords[w] {
			return false
		}
	}
	return true
}

// notDivisions are division names that are mostly something else: the
// division names that are lower-case words of SCOWL size 35 (the source
// of words.txt), and given names.
var notDivisions = map[string]bool{
	"plateau": true, "pool": true, "afar": true, "quiche": true, "northeast": true,
	"northwest": true, "oriental": true, "zeta": true, "bled": true, "store": true,
	"lakes": true, "unity": true, "maritime": true, "falcon": true,
	"paul": true, "diana": true,
}

// divisionWords are the words division names are made of.
var divisionWords = map[string]bool{
	"district": true, "region": true, "province": true, "state": true, "territory": true,
	"capital": true, "county": true, "prefecture": true, "metropolitan": true, "area": true,
	"autonomous": true, "special": true, "federal": true, "north": true, "south": true,
	"east": true, "west": true, "northern": true, "southern": true, "eastern": true,
	"western": true, "central": true, "upper": true, "lower": true, "greater": true,
	"of": true, "and": true, "the": true, "islands": true, "coast": true,
}

// onlyCountry reports whether every admin1 code ("US.NY") is in country cc.
func onlyCountry(codes map[string]bool, cc string) bool {
	for code := range codes {
		if !strings.HasPrefix(code, cc+".") {
			return false
		}
	}
	return true
}

// divisionAbbrevs are the abbreviations news style writes after a place
// ("Boulder, Colo."; AP style for US states, Canadian Press for provinces).
// Many are words too ("Mass.", "Wash."), so the enricher counts them only
// right after a place name and a comma.
var divisionAbbrevs = map[string][]string{
	"US": {"Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "D.C.", "Fla.", "Ga.",
		"Ill.", "Ind.", "Kan.", "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.",
		"Mont.", "Neb.", "Nev.", "N.H.", "N.J.", "N.M.", "N.Y.", "N.C.", "N.D.", "Okla.", "Ore.",
		"Pa.", "R.I.", "S.C.", "S.D.", "Tenn.", "Tex.", "Vt.", "Va.", "Wash.", "W.Va.", "Wis.", "Wyo."},
	"CA": {"Alta.", "B.C.", "Man.", "N.B.", "N.S.", "Ont.", "Que.", "Sask."},
}
