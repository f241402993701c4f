package enrich

import (
	"slices"
	"strings"
	"unicode/utf8"

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
		if via[cid] == nil && e.prominent(cid, t) && !onlyRegions(t, regions) && !e.outvoted(t, len(picks) > 0) {
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

// outvoted reports whether a country is named only by its divisions in
// the body of a text whose cities are elsewhere: in a case study of
// Medellín, "La Libertad" is a neighbourhood, not the Peruvian region.
func (e *Enricher) outvoted(t *tally, haveCities bool) bool {
	if !haveCities || t.n[kindTitle]+t.n[kindHeading]+t.n[kindSummary] > 0 {
		return false
	}
	for _, pc := range t.phrases[kindBody] {
		if !e.divisionKeys[fastKey(pc.text)] {
			return false
		}
	}
	return true
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

// notInName reports whether a country mention is not a division's name
// starting a longer name: "Southland Corp", "Piedmont Aviation", "New
// York Stock Exchange". Country names count wherever they are ("Japan
// Airlines" is Japanese).
func (e *Enricher) notInName(f *field, h hit) bool {
	if !e.divisionKeys[fastKey(h.p.text)] {
		return true
	}
	after := f.text[h.end:]
	rest := strings.TrimLeft(after, " -")
	if !f.dateline && len(rest) < len(after) && isUpperStart(rest) {
		return false
	}
	return !e.regionNext(after, h.p.targets)
}

// regionNext reports whether after starts with a comma and a country,
// division or abbreviation other than those of targets: "Vienna, Va." is
// not the Austrian state.
func (e *Enricher) regionNext(after string, targets []target) bool {
	for _, h := range e.regionsNext(after) {
		for _, t := range h.p.targets {
			if !t.neg && !slices.Contains(targets, t) {
				return true
			}
		}
	}
	return false
}

// regionsNext returns the country names, divisions and abbreviations
// right after a comma at the start of after: "Va." in ", Va., June 29".
func (e *Enricher) regionsNext(after string) []hit {
	rest, ok := strings.CutPrefix(after, ",")
	if !ok {
		return nil
	}
	rest = strings.TrimLeft(rest, " ")
	f := newField(kindBody, rest[:min(len(rest), 40)])
	var out []hit
	for _, m := range []*matcher{e.countryMatch, e.abbrevMatch} {
		if hs := m.find(&f); len(hs) > 0 && hs[0].start == 0 {
			out = append(out, hs[0])
		}
	}
	return out
}

// lastWord returns the word s ends with.
func lastWord(s string) string {
	i := strings.LastIndexFunc(s, func(r rune) bool { return !isWordRune(r) })
	if i < 0 {
		return s
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	return s[i+size:]
}

// collectAbbrevs adds to named the division abbreviations written right
// after a capitalised place name and a comma: "Boulder, Colo." names the
// United States, "a mass of" and "Mass. General" do not.
func (e *Enricher) collectAbbrevs(fs []field, named map[int]*tally) {
	for i := range fs {
		f := &fs[i]
		for _, h := range e.abbrevMatch.find(f) {
			if !strings.HasPrefix(f.text[h.end:], ".") || !isUpperStart(f.text[h.start:h.end]) || !afterPlace(f.text[:h.start]) {
				continue
			}
			for _, t := range h.p.targets {
				if named[t.id] == nil {
					named[t.id] = &tally{}
				}
				named[t.id].add(f, h, false)
			}
		}
	}
}

// afterPlace reports whether before ends with a capitalised word and a
// comma: "Boulder, " or "SANTA MONICA, ".
func afterPlace(before string) bool {
	rest, ok := strings.CutSuffix(strings.TrimRight(before, " "), ",")
	if !ok {
		return false
	}
	word := lastWord(rest)
	return word != "" && isUpperStart(word)
}
