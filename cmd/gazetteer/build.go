package main

import (
	"cmp"
	"fmt"
	"maps"
	"slices"

	"casebook/indexer/enrich"
)

const (
	// minPopulation is the size from which GeoNames cities are taken;
	// alwaysInclude adds the archive's own cities whatever their size.
	minPopulation = 100000
	// dominance: a name shared with cities at most 1/dominance as big
	// still means the big one (London, not London, Ontario). The enricher
	// applies the same rule.
	dominance = 10
)

// skipFeatures are GeoNames feature codes of places that are not cities
// of their own: sections of a city (PPLX: Shinjuku, Kowloon), historical,
// abandoned or destroyed places, and groups of places (Tri-Cities).
var skipFeatures = map[string]bool{"PPLX": true, "PPLH": true, "PPLQ": true, "PPLW": true, "PPLS": true, "PPLCH": true}

// city is a gazetteer entry being built.
type city struct {
	place
	name       string   // canonical
	admin1Name string   // "British Columbia"
	plain      string   // canonical before a qualifier was added
	aliases    []string // kept aliases, hand-curated first
	hand       keySet   // keys of the hand-curated aliases
	also       map[string]string
	ambiguous  bool
	ov         cityOverride
}

// gazetteer is the generator's result.
type gazetteer struct {
	cities    []*city // most populous first
	countries map[string]*country
	divisions map[string][]string // country code -> division names
}

func build(src *source) (*gazetteer, error) {
	cities, err := selectCities(src)
	if err != nil {
		return nil, err
	}
	countries, err := buildCountries(src, cities)
	if err != nil {
		return nil, err
	}
	ctx := newContext(src, countries)
	nameCities(cities, countries)
	chooseAliases(cities, ctx)
	markAmbiguous(cities, ctx)
	return &gazetteer{cities: cities, countries: countries, divisions: divisions(src, cities, countries, ctx)}, nil
}

// selectCities takes every city of minPopulation or more, and the cities
// of alwaysInclude, most populous first.
func selectCities(src *source) ([]*city, error) {
	var out []*city
	found := map[int]bool{}
	unused := maps.Clone(cityOverrides)
	for _, p := range src.places {
		_, always := alwaysInclude[p.id]
		if _, gone := excluded[p.id]; gone && !always {
			continue
		}
		if always || p.population >= minPopulation && !skipFeatures[p.featureCode] {
			out = append(out, &city{place: p, ov: cityOverrides[p.id], admin1Name: src.admin1[p.country+"."+p.admin1]})
			found[p.id] = true
		}
	}
	for id, name := range alwaysInclude {
		if !found[id] {
			return nil, fmt.Errorf("alwaysInclude: %s (%d) is not in cities15000", name, id)
		}
	}
	for _, c := range out {
		if of := c.ov.of; of != "" && of != c.place.name && of != c.ascii && of != c.ov.name {
			return nil, fmt.Errorf("cityOverrides: %d is %s in GeoNames, not %s", c.id, c.place.name, of)
		}
		delete(unused, c.id)
	}
	for id, ov := range unused {
		return nil, fmt.Errorf("cityOverrides: %s (%d) is not a selected city", ov.of, id)
	}
	slices.SortFunc(out, func(a, b *city) int {
		return cmp.Or(cmp.Compare(b.population, a.population), cmp.Compare(featureRank(a), featureRank(b)), cmp.Compare(a.id, b.id))
	})
	return dedupe(out), nil
}

// dedupe keeps one city of each name in one admin1 region, the most
// populous: GeoNames lists a few cities twice (as a town and as the seat
// of its municipality).
func dedupe(cities []*city) []*city {
	seen := map[string]bool{}
	return slices.DeleteFunc(cities, func(c *city) bool {
		k := c.admin1Code() + "/" + enrich.NameKey(c.place.name)
		dup := seen[k]
		seen[k] = true
		return dup && alwaysInclude[c.id] == ""
	})
}

var featureOrder = []string{"PPLC", "PPLG", "PPLA", "PPLA2", "PPLA3", "PPLA4"}

// featureRank orders feature codes: capitals and seats of government
// first, then seats of divisions, then other places.
func featureRank(c *city) int {
	if i := slices.Index(featureOrder, c.featureCode); i >= 0 {
		return i
	}
	return len(featureOrder)
}

// nameCities sets canonical names: the override, else GeoNames' name.
// Cities that share a name keep it plain for the one with an override or
// else the most populous; the others are qualified by country ("Valencia,
// Venezuela") or, within one country, by admin1 ("Suzhou, Anhui"), and
// keep the plain name as an alias.
func nameCities(cities []*city, countries map[string]*country) {
	groups := map[string][]*city{}
	for _, c := range cities {
		c.name = cmp.Or(c.ov.name, c.place.name)
		c.plain = c.name
		k := enrich.NameKey(c.name)
		groups[k] = append(groups[k], c)
	}
	for _, g := range groups {
		if len(g) < 2 {
			continue
		}
		owner := g[0] // most populous
		for _, c := range g {
			if c.ov.name != "" {
				owner = c
				break
			}
		}
		for _, c := range g {
			if c != owner {
				c.name = qualified(c, g, countries)
			}
		}
	}
}

func qualified(c *city, group []*city, countries map[string]*country) string {
	sameCountry := 0
	for _, o := range group {
		if o.country == c.country {
			sameCountry++
		}
	}
	if sameCountry == 1 {
		return c.plain + ", " + countries[c.country].name
	}
	return c.plain + ", " + c.admin1Name
}

// chooseAliases keeps each city's hand-curated aliases and those GeoNames
// names that pass cleanName and are not a common word, a US state or a
// country, nor the name of another city (Jakarta's "Sakata" is Sakata). An
// alias several cities share stays with the most populous.
func chooseAliases(cities []*city, ctx *context) {
	names := map[string]*city{} // name key -> the city of that name
	for _, c := range cities {
		for _, n := range []string{c.name, c.plain} {
			if k := enrich.NameKey(n); names[k] == nil {
				names[k] = c
			}
		}
	}
	owner := map[string]*city{} // alias key -> most populous city keeping it
	for _, c := range cities {  // most populous first
		c.hand = keySet{}
		seen := keySet{}
		seen.add(c.name)
		keep := func(a string) {
			seen.add(a)
			c.aliases = append(c.aliases, a)
		}
		for _, a := range c.handAliases() {
			if !seen.has(a) {
				c.hand.add(a)
				keep(a)
			}
		}
		var auto []string
		for _, raw := range c.candidates() {
			a, ok := cleanName(raw)
			k := enrich.NameKey(a)
			if !ok || seen[k] || !scriptFits(a, c.country) || c.ov.drop.has(a) || ctx.reject(c, a) {
				continue
			}
			if b := names[k]; b != nil && b != c {
				if b.population >= c.population {
					ctx.clash(b, c, a)
				}
				continue
			}
			if o := owner[k]; o != nil && o != c {
				ctx.clash(o, c, a)
				continue
			}
			seen[k] = true
			owner[k] = c
			auto = append(auto, a)
		}
		slices.Sort(auto)
		for _, a := range auto {
			keep(a)
		}
	}
}

// handAliases: the override's aliases, and the plain name of a qualified city.
func (c *city) handAliases() []string {
	out := slices.Clone(c.ov.aliases)
	if c.name != c.plain {
		out = append([]string{c.plain}, out...)
	}
	if c.ov.name != "" && c.ov.name != c.place.name {
		out = append(out, c.place.name)
	}
	return out
}

// candidates are GeoNames' names for the city.
func (c *city) candidates() []string {
	return append([]string{c.place.name, c.ascii}, c.alternates...)
}

// names returns the canonical name and the aliases.
func (c *city) names() []string { return append([]string{c.name}, c.aliases...) }

func (c *city) admin1Code() string { return c.country + "." + c.admin1 }

func (c *city) String() string { return fmt.Sprintf("%s (%s, %d)", c.name, c.country, c.id) }
