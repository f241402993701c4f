package enrich

import (
	"slices"
	"strings"

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
	maxCountries   = 4
	minCountryBody = 2 // a country named in the summary needs this many mentions in all
)

// homeCities publish the corpus and are named on nearly every page, so
// passing mentions of them say nothing about a document's subject.
var homeCities = []string{"Tokyo"}

// detectCities chooses the cities the document is about. countries are the
// countries named in the text and metaCountries the codes the source gave:
// both support ambiguous names.
func (e *Enricher) detectCities(fs []field, countries map[int]*tally, metaCountries []string) []pick {
	found := collect(e.cityMatch, fs)
	for id := range found {
		if e.ref.cities[id].Ambiguous && !e.supported(id, found, countries, metaCountries) {
			delete(found, id)
		}
	}
	var body bodyStats
	for _, t := range found {
		body.total += t.n[kindBody]
		body.top = max(body.top, t.n[kindBody])
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

// bodyStats sums up the city mentions in a document's body.
type bodyStats struct {
	total int // all mentions of all cities
	top   int // mentions of the most named city
}

// isSubject: named in a title, heading or summary, or often enough in the
// body and with a real share of all city mentions there. A home city must
// dominate the body: at least as often named as any other city.
func (e *Enricher) isSubject(id int, t *tally, body bodyStats) bool {
	if t.lead || t.n[kindTitle] > 0 || t.n[kindHeading] > 0 || t.n[kindSummary] > 0 {
		return true
	}
	n := t.n[kindBody]
	share := float64(n) / float64(max(body.total, 1))
	if e.home[id] {
		return n >= minBodyHome && share >= minShareHome && n >= body.top
	}
	return n >= minBodyCity && share >= minBodyShare
}

// supported reports whether an ambiguous city has context: its country is
// named in the text or the metadata, or another, unambiguous city of that
// country is named.
func (e *Enricher) supported(id int, found, countries map[int]*tally, metaCountries []string) bool {
	code := e.ref.cities[id].Country
	if cid, ok := e.countryID[code]; ok && countries[cid] != nil {
		return true
	}
	if slices.Contains(metaCountries, code) {
		return true
	}
	for other := range found {
		c := e.ref.cities[other]
		if other != id && !c.Ambiguous && c.Country == code {
			return true
		}
	}
	return false
}

// countryPicks returns the countries of the chosen cities, then countries
// named prominently: in the title, or in the summary and again elsewhere.
// The home country (Japan) needs the title.
func (e *Enricher) countryPicks(cities []pick, named map[int]*tally) []pick {
	var picks []pick
	via := map[int][]string{}
	for _, c := range cities {
		if c.id < 0 {
			continue
		}
		cid, ok := e.countryID[e.ref.cities[c.id].Country]
		if !ok {
			continue
		}
		if via[cid] == nil {
			picks = append(picks, pick{id: cid, value: e.ref.countries[cid].Name, origin: c.origin})
		}
		via[cid] = append(via[cid], c.value)
		picks[slices.IndexFunc(picks, func(p pick) bool { return p.id == cid })].score += c.score
	}
	for i, p := range picks {
		picks[i].evidence = cityEvidence(via[p.id])
	}
	var more []pick
	for cid, t := range named {
		if via[cid] == nil && e.prominent(cid, t) {
			more = append(more, pick{id: cid, value: e.ref.countries[cid].Name, score: t.score(cityBodyCap),
				origin: data.OriginDetected, evidence: t.evidence(false)})
		}
	}
	picks = append(picks, strongest(more, maxCountries)...)
	return picks[:min(len(picks), maxCountries)]
}

func cityEvidence(names []string) string {
	if len(names) == 1 {
		return "city " + names[0]
	}
	return "cities " + strings.Join(names, ", ")
}

func (e *Enricher) prominent(cid int, t *tally) bool {
	if t.n[kindTitle] > 0 {
		return true
	}
	return !e.homeCountry[cid] && t.n[kindSummary] > 0 && t.total() >= minCountryBody
}
