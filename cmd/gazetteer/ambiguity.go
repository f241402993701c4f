package main

import (
	"strings"

	"casebook/indexer/enrich"
)

// Reasons a name is ambiguous, as written in a city's also_means.
const (
	meansWord    = "word"     // a common English word: Reading, Mobile
	meansState   = "US state" // New York
	meansCountry = "country"  // a country's name: Armenia (Colombia), Djibouti
	meansRegion  = "region"   // another first-level division: Victoria (Australia)
	meansPlace   = "place"    // short for another city's name: Newcastle (upon Tyne)
)

// placeDominance: a name that is the short form of another city's name
// ("Newcastle" for Newcastle upon Tyne, "Porto" for Porto Alegre) makes a
// city ambiguous when that city is at least 1/placeDominance as populous.
const placeDominance = 3

// context holds the names that make a city name ambiguous.
type context struct {
	words     map[string]bool
	states    keySet
	countries map[string]string          // name key -> country code
	admin1    map[string]map[string]bool // name key -> admin1 codes ("CA.02")
	clashes   map[*city]map[string][]*city
}

func newContext(src *source, countries map[string]*country) *context {
	ctx := &context{
		words:     commonWords(),
		states:    keySet{},
		countries: map[string]string{},
		admin1:    map[string]map[string]bool{},
		clashes:   map[*city]map[string][]*city{},
	}
	for code, name := range src.admin1 {
		if strings.HasPrefix(code, "US.") {
			ctx.states.add(name)
		}
		for _, n := range []string{name, src.admin1ASCII[code]} {
			k := enrich.NameKey(n)
			if ctx.admin1[k] == nil {
				ctx.admin1[k] = map[string]bool{}
			}
			ctx.admin1[k][code] = true
		}
	}
	for code, row := range src.countries {
		ctx.countries[enrich.NameKey(row.name)] = code
	}
	for code, c := range countries {
		for _, n := range c.names() {
			ctx.countries[enrich.NameKey(n)] = code
		}
	}
	return ctx
}

// reject reports whether a GeoNames alias of c is a common word, a
// first-level region (a US state, a prefecture: Okazaki's "Aichi") or a
// country (other than c's own, for a city-state).
func (ctx *context) reject(c *city, alias string) bool {
	k := enrich.NameKey(alias)
	code, isCountry := ctx.countries[k]
	return ctx.words[k] || ctx.states[k] || ctx.admin1[k] != nil || isCountry && !(code == c.country && cityStates[code])
}

// clash records that small gave up alias a, which big keeps (as a name or
// an alias).
func (ctx *context) clash(big, small *city, a string) {
	k := enrich.NameKey(a)
	if ctx.clashes[big] == nil {
		ctx.clashes[big] = map[string][]*city{}
	}
	ctx.clashes[big][k] = append(ctx.clashes[big][k], small)
}

// markAmbiguous fills in each city's also_means for its own names (its
// canonical name and the hand-curated aliases; all names of a city named
// like a common word), and sets ambiguous when it has any, or shares a
// name with another gazetteer city. The enricher sees shared names for
// itself.
func markAmbiguous(cities []*city, ctx *context) {
	owners := map[string]int{}
	for _, c := range cities {
		ks := keySet{}
		ks.add(c.names()...)
		for k := range ks {
			owners[k]++
		}
	}
	for _, c := range cities {
		c.also = map[string]string{}
		word := c.isWord(ctx)
		other := otherMeanings[enrich.NameKey(c.plain)]
		for _, n := range c.names() {
			switch {
			case other != "" && !word:
				c.also[n] = other // its other names may mean the same: トヨタ
			case !word && n != c.name && n != c.plain && !c.hand.has(n):
				// GeoNames' other names were filtered already
			default:
				if why := ctx.meaning(c, n, word); why != "" {
					c.also[n] = why
				}
			}
		}
		for n, why := range c.ov.also {
			c.also[n] = why
		}
		c.ambiguous = len(c.also) > 0
		for _, n := range c.names() {
			c.ambiguous = c.ambiguous || owners[enrich.NameKey(n)] > 1
		}
	}
}

// isWord: the city is named like a common English word, so every name it
// has may be that word (モバイル is mobile too).
func (c *city) isWord(ctx *context) bool {
	for _, n := range []string{c.plain, c.ascii} {
		k := enrich.NameKey(n)
		if ctx.words[k] && !notWords[k] {
			return true
		}
	}
	return false
}

// meaning returns what else name n of city c means, or "".
func (ctx *context) meaning(c *city, n string, word bool) string {
	k := enrich.NameKey(n)
	switch {
	case word:
		return meansWord
	case ctx.states[k]:
		return meansState
	}
	if code, ok := ctx.countries[k]; ok && !(code == c.country && cityStates[code]) {
		return meansCountry
	}
	for code := range ctx.admin1[k] {
		if !strings.HasPrefix(code, c.country+".") {
			return meansRegion
		}
	}
	for _, small := range ctx.clashes[c][k] {
		short := strings.HasPrefix(enrich.NameKey(small.plain), k+" ")
		if short && small.population*placeDominance >= c.population {
			return meansPlace
		}
	}
	return ""
}
