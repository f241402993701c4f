package main

import (
	"cmp"
	"fmt"
	"slices"
	"unicode/utf8"

	"casebook/indexer/enrich"
)

// country is a countries.json entry being built.
type country struct {
	code, name        string
	aliases           []string
	region, subregion string
}

func (c *country) names() []string { return append([]string{c.name}, c.aliases...) }

// translationLangs are the languages whose country names become aliases:
// English (formal names), Japanese, Chinese, Korean, Thai, Vietnamese,
// Indonesian and Malay.
var translationLangs = []string{"en", "ja", "zh", "ko", "th", "vi", "id", "ms"}

// buildCountries builds the countries of the given cities, and every
// country of Asia, whether or not it has a city in the gazetteer: the English
// name (GeoNames', or the override), hand aliases and translations. A
// translation two countries share is dropped from both.
func buildCountries(src *source, cities []*city) (map[string]*country, error) {
	subs := subregions()
	codes := map[string]string{} // code -> why it is needed
	for _, ci := range cities {
		codes[ci.country] = ci.String()
	}
	for code, sub := range subs {
		if regionOf(sub) == "Asia" {
			codes[code] = "Asia"
		}
	}
	out := map[string]*country{}
	for code, why := range codes {
		row, ok := src.countries[code]
		if !ok || subs[code] == "" {
			return nil, fmt.Errorf("%s: country %q is not in countryInfo.tsv or the M49 table", why, code)
		}
		ov := countryOverrides[code]
		c := &country{code: code, name: cmp.Or(ov.name, row.name), subregion: subs[code]}
		c.region = regionOf(c.subregion)
		c.aliases = append(slices.Clone(ov.aliases), demonyms[code]...)
		if ov.name != "" && ov.name != row.name {
			c.aliases = append(c.aliases, row.name)
		}
		c.aliases = append(c.aliases, translations(src.translations[row.geonameID], ov)...)
		out[code] = c
	}
	return out, dedupeCountryNames(out)
}

// translations returns the usable names of a country in translationLangs,
// sorted. Korean names of one or two syllables are left out: GeoNames'
// are often fragments (대한 for 대한민국) that occur inside other words.
func translations(byLang map[string]string, ov countryOverride) []string {
	var out []string
	for _, lang := range translationLangs {
		n, ok := cleanName(byLang[lang])
		if !ok || ov.drop.has(n) || lang == "ko" && utf8.RuneCountInString(n) <= 2 {
			continue
		}
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

// dedupeCountryNames drops aliases that repeat a country's own names, and
// translations that name two countries. Hand aliases that clash are an
// error.
func dedupeCountryNames(cs map[string]*country) error {
	owners := map[string]map[string]bool{}
	for code, c := range cs {
		for _, n := range c.names() {
			k := enrich.NameKey(n)
			if owners[k] == nil {
				owners[k] = map[string]bool{}
			}
			owners[k][code] = true
		}
	}
	hands := map[string]keySet{}
	handOwners := map[string]int{}
	for code, c := range cs {
		hands[code] = keySet{}
		hands[code].add(c.name)
		hands[code].add(countryOverrides[code].aliases...)
		hands[code].add(demonyms[code]...)
		for k := range hands[code] {
			handOwners[k]++
		}
	}
	for code, c := range cs {
		seen := keySet{}
		seen.add(c.name)
		var kept []string
		for _, a := range c.aliases {
			k := enrich.NameKey(a)
			switch {
			case seen[k]:
				continue
			case handOwners[k] > 1:
				return fmt.Errorf("country name %q is hand-listed for %d countries", a, handOwners[k])
			case len(owners[k]) > 1 && !hands[code][k]:
				continue
			}
			seen[k] = true
			kept = append(kept, a)
		}
		c.aliases = kept
	}
	return nil
}
