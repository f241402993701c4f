package enrich

import (
	"slices"
	"strings"

	"casebook/data"
)

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
	regions := map[string]bool{}
	for _, c := range cities {
		if c.id >= 0 && e.ref.cities[c.id].Admin1 != "" {
			regions[fastKey(e.ref.cities[c.id].Admin1)] = true
		}
	}
	var more []pick
	for cid, t := range named {
		if via[cid] == nil && e.prominent(cid, t) && !onlyRegions(t, regions) {
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
	if t.n[kindTitle] > 0 || t.n[kindHeading] > 0 {
		return true
	}
	if e.homeCountry[cid] {
		return false
	}
	return t.n[kindSummary] > 0 && t.total() >= minCountryBody || t.n[kindBody] >= minCountryMentions
}

// onlyRegions reports whether every name t counted is one of regions, the
// first-level regions of the chosen cities: in "Atlanta, Georgia" Georgia
// is the state, not the country.
func onlyRegions(t *tally, regions map[string]bool) bool {
	for k := range numKinds {
		for _, pc := range t.phrases[k] {
			if !regions[fastKey(pc.text)] {
				return false
			}
		}
	}
	return true
}
