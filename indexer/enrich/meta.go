package enrich

import (
	"slices"
	"strings"

	"casebook/data"
)

// sourceTags are the facet values the source's own metadata gives.
type sourceTags struct {
	cities, countries, themes []pick
	countryCodes              []string // of the countries given, for ambiguous cities
}

// lookupFunc resolves a value to its reference index and canonical value.
type lookupFunc func(string) (id int, canonical string, ok bool)

// fromMeta resolves meta["city"], meta["country"] and meta["theme"] (and
// their plurals) against the reference data. Unknown values are kept as
// given, trimmed, and say so in their evidence.
func (e *Enricher) fromMeta(meta map[string][]string) sourceTags {
	st := sourceTags{
		cities:    metaPicks(meta, "city", "gazetteer", e.lookupCity),
		countries: metaPicks(meta, "country", "country list", e.lookupCountry),
		themes:    metaPicks(meta, "theme", "taxonomy", e.lookupTheme),
	}
	for _, p := range st.countries {
		if p.id >= 0 {
			st.countryCodes = append(st.countryCodes, e.ref.countries[p.id].Code)
		}
	}
	return st
}

// metaPicks resolves the values of meta[facet] and meta[facet+"s"] (plural
// "cities" too); list names the reference list for unknown values.
func metaPicks(meta map[string][]string, facet, list string, lookup lookupFunc) []pick {
	plural := facet + "s"
	if facet == "city" {
		plural = "cities"
	}
	var ps []pick
	for _, v := range metaValues(meta, facet, plural) {
		for _, part := range splitList(v, lookup) {
			p := metaPick(part, facet, list, lookup)
			if !slices.ContainsFunc(ps, func(q pick) bool { return q.value == p.value }) {
				ps = append(ps, p)
			}
		}
	}
	return ps
}

func metaPick(v, facet, list string, lookup lookupFunc) pick {
	p := pick{id: -1, value: v, origin: data.OriginSource, evidence: "front matter " + facet}
	id, canon, ok := lookup(v)
	if !ok {
		p.evidence += " (not in the " + list + ")"
		return p
	}
	p.id, p.value = id, canon
	if canon != v {
		p.evidence += " " + quote(v)
	}
	return p
}

// metaValues returns the trimmed values under keys, split at ";", "|"
// and "、".
func metaValues(meta map[string][]string, keys ...string) []string {
	var out []string
	for _, k := range keys {
		for _, v := range meta[k] {
			for _, part := range strings.FieldsFunc(v, isListSep) {
				if part = strings.TrimSpace(part); part != "" {
					out = append(out, part)
				}
			}
		}
	}
	return out
}

func isListSep(r rune) bool { return r == ';' || r == '|' || r == '、' || r == '；' }

// splitList splits "Delhi, Hanoi" at its commas when the whole is unknown
// and every part is known; otherwise v stays whole.
func splitList(v string, lookup lookupFunc) []string {
	if !strings.Contains(v, ",") {
		return []string{v}
	}
	if _, _, ok := lookup(v); ok {
		return []string{v}
	}
	var parts []string
	for p := range strings.SplitSeq(v, ",") {
		p = strings.TrimSpace(p)
		if _, _, ok := lookup(p); !ok {
			return []string{v}
		}
		parts = append(parts, p)
	}
	return parts
}

func (e *Enricher) lookupCity(v string) (int, string, bool) {
	ids := e.cityKeys[lookupKey(v)]
	if len(ids) == 0 {
		return -1, "", false
	}
	return ids[0], e.ref.cities[ids[0]].Name, true
}

func (e *Enricher) lookupCountry(v string) (int, string, bool) {
	id, ok := e.countryKeys[lookupKey(v)]
	if !ok {
		return -1, "", false
	}
	return id, e.ref.countries[id].Name, true
}

func (e *Enricher) lookupTheme(v string) (int, string, bool) {
	id, ok := e.themeKeys[lookupKey(v)]
	if !ok {
		return -1, "", false
	}
	return id, e.ref.themes[id].Label, true
}
