package enrich

import (
	"fmt"
	"slices"
	"strings"

	"casebook/data"
)

// Enricher tags documents using the bundled reference data. It is
// read-only after New and safe for concurrent use.
type Enricher struct {
	ref          *reference
	cityKeys     map[string][]int // lookup key of every name and alias
	countryKeys  map[string]int
	countryID    map[string]int // ISO code to index
	themeKeys    map[string]int
	cityMatch    *matcher
	countryMatch *matcher
	abbrevMatch  *matcher // division abbreviations: see Country.Abbrevs
	divisionKeys map[string]bool
	themeMatch   *matcher
	home         map[int]bool // the publisher's cities, see homeCities
	homeCountry  map[int]bool
}

// New loads the bundled reference data from data.Reference. It fails if
// the data is malformed or inconsistent.
func New() (*Enricher, error) {
	ref, err := loadReference(data.Reference)
	if err != nil {
		return nil, fmt.Errorf("enrich.New: %w", err)
	}
	return newEnricher(ref), nil
}

func newEnricher(ref *reference) *Enricher {
	e := &Enricher{
		ref:          ref,
		cityKeys:     ref.cityIndex(),
		countryKeys:  ref.countryIndex(),
		countryID:    map[string]int{},
		themeKeys:    ref.themeIndex(),
		cityMatch:    newMatcher(false),
		countryMatch: newMatcher(false),
		abbrevMatch:  newMatcher(false),
		divisionKeys: map[string]bool{},
		themeMatch:   newMatcher(true),
		home:         map[int]bool{},
		homeCountry:  map[int]bool{},
	}
	for id, c := range ref.countries {
		e.countryID[c.Code] = id
		addAll(e.countryMatch, id, slices.Concat([]string{c.Name}, c.Aliases, c.Divisions), c.Negative)
		addAll(e.abbrevMatch, id, c.Abbrevs, nil)
		for _, d := range c.Divisions {
			e.divisionKeys[fastKey(d)] = true
		}
	}
	for id, c := range ref.cities {
		addAll(e.cityMatch, id, c.Names(), c.Negative)
	}
	for id, t := range ref.themes {
		addAll(e.themeMatch, id, append([]string{t.Label}, t.Keywords...), t.Negative)
		for _, w := range t.Weak {
			e.themeMatch.add(w, target{id: id, weak: true})
		}
	}
	for _, name := range homeCities {
		for _, id := range e.cityKeys[lookupKey(name)] {
			e.home[id] = true
			e.homeCountry[e.countryID[ref.cities[id].Country]] = true
		}
	}
	return e
}

func addAll(m *matcher, id int, names, negative []string) {
	for _, n := range names {
		m.add(n, target{id: id})
	}
	for _, n := range negative {
		m.add(n, target{id: id, neg: true})
	}
}

// Enrich sets doc.Tags (city, country, theme), doc.Year (when zero) and
// doc.Lang (when empty) from the document's Title, Summary, Headings, Body
// and Source, and from meta: source metadata such as front matter, with
// lower-case keys: "city", "country", "theme" (or their plurals), "year",
// "date" (YYYY-MM-DD) and "issue". Values the metadata gives have Origin
// data.OriginSource and replace detected values of the same facet. When it
// sets the year, Enrich also sets doc.Date if it is empty and the year came
// with a month, and adds a year tag saying where the year came from.
//
// Tags of other facets are kept; city, country and theme tags are replaced,
// so enriching a document twice gives the same tags.
func (e *Enricher) Enrich(doc *data.Document, meta map[string][]string) {
	fs := documentFields(doc)
	if dl := meta["dateline"]; len(dl) > 0 {
		// "WASHINGTON, April 9 -": a news story's place line says where it
		// comes from, as strongly as a headline "From Delhi".
		f := newField(kindHeading, strings.Join(dl, "\n"))
		f.dateline = true
		fs = append(fs, f)
	}
	src := e.fromMeta(meta)
	named := collectIf(e.countryMatch, fs, e.notInName)
	e.collectAbbrevs(fs, named)

	cities := src.cities
	if len(cities) == 0 {
		cities = e.detectCities(fs, named, src.countryCodes)
	}
	countries := src.countries
	if len(countries) == 0 {
		countries = e.countryPicks(cities, named)
	}
	themes := src.themes
	if len(themes) == 0 {
		themes = e.detectThemes(fs)
	}

	tags, years := splitTags(doc.Tags)
	tags = appendPicks(tags, data.FacetCity, cities)
	tags = appendPicks(tags, data.FacetCountry, countries)
	tags = appendPicks(tags, data.FacetRegion, e.regionPicks(countries))
	tags = appendPicks(tags, data.FacetTheme, themes)
	if doc.Year == 0 {
		if y, ok := findYear(doc, meta, fs); ok {
			doc.Year = y.year
			if doc.Date == "" {
				doc.Date = y.date
			}
			years = []data.Tag{y.tag()}
		}
	}
	tags = append(tags, years...)
	doc.Tags = tags
	if doc.Lang == "" {
		doc.Lang = detectLang(fs)
	}
	setEventYears(doc, fs)
}

// regionPicks are the UN sub-regions ("South-Eastern Asia") of the
// document's countries, so that facets roll up region > country > city.
func (e *Enricher) regionPicks(countries []pick) []pick {
	var out []pick
	for _, c := range countries {
		if c.id < 0 || c.id >= len(e.ref.countries) {
			continue
		}
		sub := e.ref.countries[c.id].Subregion
		if sub == "" || slices.ContainsFunc(out, func(p pick) bool { return p.value == sub }) {
			continue
		}
		out = append(out, pick{id: -1, value: sub, origin: c.origin, evidence: "country " + c.value})
	}
	return out
}

// splitTags returns the tags Enrich keeps: those of other facets, then
// year tags, which stay unless Enrich sets the year.
func splitTags(tags []data.Tag) (other, years []data.Tag) {
	for _, t := range tags {
		switch t.Facet {
		case data.FacetCity, data.FacetCountry, data.FacetTheme, data.FacetRegion:
		case data.FacetYear:
			years = append(years, t)
		default:
			other = append(other, t)
		}
	}
	return other, years
}

func appendPicks(tags []data.Tag, facet string, ps []pick) []data.Tag {
	for _, p := range ps {
		tags = append(tags, p.tag(facet))
	}
	return tags
}

// City returns the gazetteer entry a name or alias stands for, in any
// script and case ("rangoon", "ヤンゴン"). A name shared by ambiguous
// cities returns the most populous.
func (e *Enricher) City(nameOrAlias string) (City, bool) {
	ids := e.cityKeys[lookupKey(nameOrAlias)]
	if len(ids) == 0 {
		return City{}, false
	}
	return e.ref.cities[ids[0]], true
}

// Cities returns the gazetteer in file order. The slices inside each City
// are shared and must not be modified.
func (e *Enricher) Cities() []City { return slices.Clone(e.ref.cities) }

// Themes returns the theme taxonomy in file order. The slices inside each
// Theme are shared and must not be modified.
func (e *Enricher) Themes() []Theme { return slices.Clone(e.ref.themes) }
