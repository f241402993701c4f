package enrich

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"casebook/data"
)

// How a city is judged to be a document's subject. See the package doc.
const (
	maxCities      = 4
	cityBodyCap    = 10   // body mentions that count towards the score
	leadBonus      = 10   // a headline "From Delhi: ..." is about the city
	minBodyCity    = 3    // body mentions needed without other evidence
	minBodyShare   = 0.25 // ... and their share of all city mentions in the body
	minBodyHome    = 5    // the same for a home city (the publisher's own), which
	minShareHome   = 0.4  // must also be named in the body at least as often as any other
	maxCountries   = 8
	minCountryBody = 2 // a country named in the summary needs this many mentions in all
	// minCountryMentions: a country named only in the body needs this many
	// mentions there.
	minCountryMentions = 2
)

// homeCities publish the corpus and are named on nearly every page, so
// passing mentions of them say nothing about a document's subject.
var homeCities = []string{"Tokyo"}

// detectCities chooses the cities the document is about. countries are the
// countries named in the text and metaCountries the codes the source gave:
// both support ambiguous names (see resolve).
func (e *Enricher) detectCities(fs []field, countries map[int]*tally, metaCountries []string) []pick {
	found, named := e.collectCities(fs)
	e.resolve(found, named, fs, countries, metaCountries)
	var body bodyStats
	for id, t := range found {
		body.total += t.n[kindBody]
		body.top = max(body.top, t.n[kindBody])
		body.otherLead = body.otherLead || !e.home[id] && (t.lead || t.n[kindTitle] > 0)
	}
	var picks []pick
	for id, t := range found {
		if !e.isSubject(id, t, body) {
			continue
		}
		score := t.score(cityBodyCap)
		if t.lead {
			score += leadBonus
		}
		picks = append(picks, pick{id: id, value: e.ref.cities[id].Name, score: score,
			origin: data.OriginDetected, evidence: t.evidence(true)})
	}
	return strongest(picks, maxCities)
}

// collectCities tallies the city mentions that count, and notes for each
// city the surest way it was named (see nameSense): senseSure, if any
// mention needs no more context, else senseDominant or senseShared. A
// mention through a name that is a common word ("Reading", "Mobile")
// counts only written with a capital and followed by its country or
// region ("Mobile, Alabama"). A name in Latin or another cased script
// counts only capitalised ("tempe", "pre-war" are no cities), and after a
// personal title ("Mr Ota") it is a person's.
func (e *Enricher) collectCities(fs []field) (found map[int]*tally, named map[int]nameSense) {
	found, named = map[int]*tally{}, map[int]nameSense{}
	for i := range fs {
		f := &fs[i]
		var ctx *fieldContext
		for _, h := range e.cityMatch.find(f) {
			if h.p.dense == "" && (!isUpperStart(f.text[h.start:h.end]) || afterTitle(f.text[:h.start])) {
				continue
			}
			if f.dateline && !wholePlace(f.text, h) {
				continue
			}
			for _, t := range h.p.targets {
				if t.neg {
					continue
				}
				if e.placedElsewhere(f, h, t.id) {
					continue
				}
				s := e.ref.sense(t.id, h.p.text)
				if f.dateline && !hasLetter(f.text[:h.start]) {
					// A place line starts with a city ("NEW YORK, April 8"):
					// not the state, word or person the name may also be.
					s = min(s, senseDominant)
				}
				if s == senseWord {
					if ctx == nil {
						ctx = e.newFieldContext(f)
					}
					if !ctx.besideSupport(e, h, t.id) {
						continue
					}
				}
				if found[t.id] == nil {
					found[t.id] = &tally{}
					named[t.id] = senseShared
				}
				found[t.id].add(f, h, false)
				if s == senseWord { // it passed besideSupport
					s = senseSure
				}
				named[t.id] = min(named[t.id], s)
			}
		}
	}
	return found, named
}

// wholePlace reports whether h, in a news story's place line, is its
// place: all of the text before the first comma ("NEWPORT BEACH, Calif."
// is not Newport).
func wholePlace(line string, h hit) bool {
	place, _, _ := strings.Cut(line, ",")
	return strings.TrimSpace(line[:h.start]) == "" && strings.TrimSpace(line[h.end:len(place)]) == ""
}

// personTitles are words before a name that make it a person's.
var personTitles = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "professor": true, "sir": true}

// afterTitle reports whether before ends with a personal title ("Mr. ").
func afterTitle(before string) bool {
	word := lastWord(strings.TrimRight(before, " ."))
	return len(word) <= 9 && personTitles[strings.ToLower(word)]
}

// nameSense says how a mention through one name of a city counts.
type nameSense uint8

const (
	senseSure     nameSense = iota // the name means this city
	senseDominant                  // it also names much smaller cities: this one unless context says otherwise
	senseShared                    // it also means another place: take it only with context
	senseWord                      // it is also a common word (see strictMeanings): see collectCities
)

// strictMeanings are the other meanings (see City.AlsoMeans) so much more
// common than the city that a mention counts only as a common word's does:
// capitalised and followed by the city's country or region.
var strictMeanings = map[string]bool{"word": true, "company": true, "mountain": true}

// dominance: a name shared with cities at most 1/dominance as populous
// still means the big one ("London", not London, Ontario), unless it has
// other meanings too. The gazetteer generator uses the same factor.
const dominance = 10

// nameSenses works out, for every city, the names that need context: those
// its also_means lists, those shared with another city it does not
// dominate, and those of a country other than its own.
func (ref *reference) nameSenses() []map[string]nameSense {
	idx := ref.cityIndex()
	countries := ref.countryNames(false)
	out := make([]map[string]nameSense, len(ref.cities))
	for id, c := range ref.cities {
		if !c.Ambiguous {
			continue
		}
		senses := map[string]nameSense{}
		for _, n := range c.Names() {
			k := fastKey(n)
			cid, isCountry := countries[k]
			switch {
			case strictMeanings[c.AlsoMeans[n]]:
				senses[k] = senseWord
			case c.AlsoMeans[n] != "",
				len(idx[k]) > 1 && !ref.dominates(id, idx[k]),
				isCountry && ref.countries[cid].Code != c.Country:
				senses[k] = max(senses[k], senseShared)
			case len(idx[k]) > 1:
				senses[k] = max(senses[k], senseDominant)
			}
		}
		out[id] = senses
	}
	return out
}

// dominates reports whether city id is the most populous of ids and at
// least dominance times as populous as the next.
func (ref *reference) dominates(id int, ids []int) bool {
	if ids[0] != id {
		return false
	}
	return ref.cities[id].Population >= dominance*ref.cities[ids[1]].Population
}

// sense returns how a mention of city id through name counts.
func (ref *reference) sense(id int, name string) nameSense {
	if ref.senses[id] == nil {
		return senseSure
	}
	return ref.senses[id][fastKey(name)]
}

// bodyStats sums up the city mentions in a document's body.
type bodyStats struct {
	total     int  // all mentions of all cities
	top       int  // mentions of the most named city
	otherLead bool // a city other than a home city is in the title or headline
}

// isSubject: named in a title, heading or summary, or often enough in the
// body and with a real share of all city mentions there. A home city (the
// publisher's, named on nearly every page: "a trainee from Delhi studied
// in Tokyo") needs its title or headline, or to dominate the body (at
// least as often named as any other city) of a text whose title names no
// other city.
func (e *Enricher) isSubject(id int, t *tally, body bodyStats) bool {
	n := t.n[kindBody]
	share := float64(n) / float64(max(body.total, 1))
	if e.home[id] {
		if t.lead || t.n[kindTitle] > 0 {
			return true
		}
		return !body.otherLead && n >= minBodyHome && share >= minShareHome && n >= body.top
	}
	if t.lead || t.n[kindTitle] > 0 || t.n[kindHeading] > 0 || t.n[kindSummary] > 0 {
		return true
	}
	return n >= minBodyCity && share >= minBodyShare
}

// isUpperStart reports whether s starts with a capital letter.
func isUpperStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// matchedKeys returns the lookup keys of the names t counted.
func matchedKeys(t *tally) []string {
	var out []string
	for k := range numKinds {
		for _, pc := range t.phrases[k] {
			if key := fastKey(pc.text); !slices.Contains(out, key) {
				out = append(out, key)
			}
		}
	}
	return out
}
