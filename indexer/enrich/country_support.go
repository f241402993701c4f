package enrich

import (
	"slices"
	"strings"
)

// Context for a city named by a name that needs it, best first. A shared
// name goes to the city with the best context, then the most populous.
const (
	supportNone     = iota
	supportDominant // no context, but it is by far the biggest city of the name
	supportCountry  // its country is named, or given by the source
	supportCity     // another city of its country is named unambiguously
	supportRegion   // its first-level division is named: "Victoria, British Columbia"
	supportSure     // it is named by a name of its own
)

// regionMatcher finds the admin1 names of the cities that have names
// needing context.
func (ref *reference) regionMatcher() *matcher {
	m := newMatcher(false)
	for id, c := range ref.cities {
		if ref.senses[id] != nil && c.Admin1 != "" {
			m.add(c.Admin1, target{id: id})
		}
	}
	return m
}

// resolve drops the cities named only by names that need context and have
// none, then gives each name shared by the cities left to the one with
// the best context: a name of its own, its region, another city of its
// country, its country, or, with none of those, being by far the biggest.
func (e *Enricher) resolve(found map[int]*tally, named map[int]nameSense, fs []field, countries map[int]*tally, meta []string) {
	level := map[int]int{}
	var regions map[int]bool
	for id := range found {
		if named[id] == senseSure {
			level[id] = supportSure
			continue
		}
		if regions == nil {
			regions = e.regionSupport(fs)
		}
		l := e.support(id, named, countries, meta, regions)
		if named[id] == senseDominant {
			l = max(l, supportDominant)
		}
		if l == supportNone {
			delete(found, id)
			continue
		}
		level[id] = l
	}
	best := map[string]int{}
	keys := map[int][]string{}
	for id, t := range found {
		keys[id] = matchedKeys(t)
		for _, k := range keys[id] {
			if b, ok := best[k]; !ok || e.outranks(id, b, level) {
				best[k] = id
			}
		}
	}
	for id := range found {
		if !slices.ContainsFunc(keys[id], func(k string) bool { return best[k] == id }) {
			delete(found, id)
		}
	}
}

func (e *Enricher) outranks(a, b int, level map[int]int) bool {
	if level[a] != level[b] {
		return level[a] > level[b]
	}
	ca, cb := e.ref.cities[a], e.ref.cities[b]
	if ca.Population != cb.Population {
		return ca.Population > cb.Population
	}
	return a < b
}

// support returns the best context for city id.
func (e *Enricher) support(id int, named map[int]nameSense, countries map[int]*tally, meta []string, regions map[int]bool) int {
	c := e.ref.cities[id]
	if regions[id] {
		return supportRegion
	}
	for other, s := range named {
		if other != id && s <= senseDominant && e.ref.cities[other].Country == c.Country {
			return supportCity
		}
	}
	if cid, ok := e.countryID[c.Country]; ok && countries[cid] != nil && e.namedApart(id, countries[cid]) {
		return supportCountry
	}
	if slices.Contains(meta, c.Country) {
		return supportCountry
	}
	return supportNone
}

// namedApart reports whether t counted a phrase that is not one of city
// id's own names: "Djibouti" names the city and the country, and is no
// context for itself.
func (e *Enricher) namedApart(id int, t *tally) bool {
	own := e.ownKeys(id)
	for k := range numKinds {
		for _, pc := range t.phrases[k] {
			if !own[fastKey(pc.text)] {
				return true
			}
		}
	}
	return false
}

func (e *Enricher) ownKeys(id int) map[string]bool {
	own := map[string]bool{}
	for _, n := range e.ref.cities[id].Names() {
		own[fastKey(n)] = true
	}
	return own
}

// regionSupport returns the cities whose admin1 region the fields name.
func (e *Enricher) regionSupport(fs []field) map[int]bool {
	out := map[int]bool{}
	for i := range fs {
		for _, h := range e.ref.regions.find(&fs[i]) {
			for _, t := range h.p.targets {
				if !e.ownKeys(t.id)[fastKey(h.p.text)] {
					out[t.id] = true
				}
			}
		}
	}
	return out
}

// fieldContext holds the country and region names found in one field.
type fieldContext struct {
	f                  *field
	countries, regions []hit
}

func (e *Enricher) newFieldContext(f *field) *fieldContext {
	return &fieldContext{f: f, countries: e.countryMatch.find(f), regions: e.ref.regions.find(f)}
}

// placedElsewhere reports whether a mention h of city id is followed by
// the name, division or abbreviation of another country: "Vienna, Va.",
// "Burlington, Vt.". It is then a place of the same name there.
func (e *Enricher) placedElsewhere(f *field, h hit, id int) bool {
	c := e.ref.cities[id]
	own := fastKey(c.Admin1) // "Atlanta, Georgia": the state, not the country
	for _, s := range e.regionsNext(f.text[h.end:]) {
		if fastKey(s.p.text) == own {
			continue
		}
		for _, t := range s.p.targets {
			if !t.neg && e.ref.countries[t.id].Code != c.Country {
				return true
			}
		}
	}
	return false
}

// joinsPlace reports whether gap joins a place to the region after it:
// ", " as in "Vienna, Va.".
func joinsPlace(gap string) bool {
	return strings.TrimSpace(gap) == ","
}

// besideSupport reports whether a mention h of city id, through a name
// that is also a common word, is written with a capital (outside the dense
// scripts) and followed by its country or region: "Mobile, Alabama",
// "Reading (UK)", "Bath in England".
func (ctx *fieldContext) besideSupport(e *Enricher, h hit, id int) bool {
	text := ctx.f.text
	if h.p.dense == "" && !isUpperStart(text[h.start:h.end]) {
		return false
	}
	c := e.ref.cities[id]
	own := e.ownKeys(id)
	ok := func(s hit) bool {
		return s.start >= h.end && joinsSupport(text[h.end:s.start]) && !own[fastKey(s.p.text)]
	}
	for _, s := range ctx.countries {
		for _, t := range s.p.targets {
			if !t.neg && e.ref.countries[t.id].Code == c.Country && ok(s) {
				return true
			}
		}
	}
	for _, s := range ctx.regions {
		if slices.Contains(s.p.targets, target{id: id}) && ok(s) {
			return true
		}
	}
	return false
}

// joinsSupport reports whether gap joins a name to the country or region
// right after it: a comma, brackets, a dash or "in".
func joinsSupport(gap string) bool {
	if len(gap) > 16 {
		return false
	}
	rest := strings.Map(func(r rune) rune {
		if strings.ContainsRune(" \t\n,(-–、（", r) {
			return -1
		}
		return r
	}, gap)
	return rest == "" || strings.EqualFold(rest, "in")
}
