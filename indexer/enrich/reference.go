package enrich

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// City is one gazetteer entry.
type City struct {
	Name        string            `json:"name"`             // canonical English name, the facet value
	Country     string            `json:"country"`          // ISO 3166-1 alpha-2
	CountryName string            `json:"country_name"`     // the country's English name
	Region      string            `json:"region"`           // continent: "Asia", "Europe", ...
	Subregion   string            `json:"subregion"`        // UN sub-region: "South-Eastern Asia", ...
	Admin1      string            `json:"admin1,omitempty"` // first-level division: "British Columbia"
	Lat         float64           `json:"lat"`
	Lon         float64           `json:"lon"`
	Population  int               `json:"population"`
	Aliases     []string          `json:"aliases"`              // other names and scripts
	Ambiguous   bool              `json:"ambiguous"`            // a name of it also means something else
	AlsoMeans   map[string]string `json:"also_means,omitempty"` // name -> what else it means: "word", "US state"...
	Negative    []string          `json:"negative,omitempty"`   // phrases where a name is not the city
	GeonamesID  int               `json:"geonames_id,omitempty"`
}

// Names returns the city's canonical name followed by its aliases.
func (c City) Names() []string { return append([]string{c.Name}, c.Aliases...) }

// Country is one countries.json entry; Code is its key there.
type Country struct {
	Code      string   `json:"-"`
	Name      string   `json:"name"`
	Aliases   []string `json:"aliases"`
	Region    string   `json:"region"`
	Subregion string   `json:"subregion"`
	// Negative phrases contain a name without meaning the country:
	// "British Columbia", "Indian Ocean".
	Negative []string `json:"negative,omitempty"`
	// Divisions are first-level divisions that name only this country
	// ("Selangor"); Abbrevs are their news-style abbreviations ("Calif."),
	// which count only after a place and a comma ("Boulder, Colo.").
	Divisions []string `json:"divisions,omitempty"`
	Abbrevs   []string `json:"abbrevs,omitempty"`
}

// Theme is one entry of the theme taxonomy.
type Theme struct {
	ID       string   `json:"id"`
	Label    string   `json:"label"`    // English, the facet value
	LabelJA  string   `json:"label_ja"` // Japanese
	Parent   string   `json:"parent,omitempty"`
	Keywords []string `json:"keywords"` // English and Japanese words and phrases
	// Weak are words a document uses in passing as often as about its
	// subject ("parking", "visitor", "industrial"): each counts weakWeight.
	Weak     []string `json:"weak,omitempty"`
	Negative []string `json:"negative"` // phrases that mean it is not this theme
}

// reference is the parsed and checked reference data.
type reference struct {
	cities    []City
	countries []Country
	themes    []Theme
	senses    []map[string]nameSense // by city: how each name counts, see nameSenses
	index     map[string][]int       // see cityIndex
	regions   *matcher               // admin1 names of cities that need context
}

// NewFS is New for reference data read from fsys instead of the bundled
// data: cities.json, countries.json and themes.json at its root. The
// gazetteer generator uses it to check what it writes.
func NewFS(fsys fs.FS) (*Enricher, error) {
	ref, err := loadReferenceAt(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("enrich.NewFS: %w", err)
	}
	return newEnricher(ref), nil
}

func loadReference(fsys fs.FS) (*reference, error) { return loadReferenceAt(fsys, "reference") }

// loadReferenceAt reads the reference files in dir. cities.json is either
// a list of cities or, as generated, {"source", "licence", "cities": [...]};
// countries.json is an object by country code, bare or under "countries".
func loadReferenceAt(fsys fs.FS, dir string) (*reference, error) {
	var ref reference
	var cities struct {
		Cities []City `json:"cities"`
	}
	if err := readJSONOr(fsys, path.Join(dir, "cities.json"), &cities, &ref.cities); err != nil {
		return nil, err
	}
	if cities.Cities != nil {
		ref.cities = cities.Cities
	}
	var byCode map[string]Country
	var wrapped struct {
		Countries map[string]Country `json:"countries"`
	}
	if err := readJSON(fsys, path.Join(dir, "countries.json"), &wrapped); err != nil {
		return nil, err
	}
	byCode = wrapped.Countries
	if byCode == nil {
		if err := readJSON(fsys, path.Join(dir, "countries.json"), &byCode); err != nil {
			return nil, err
		}
	}
	for code, c := range byCode {
		c.Code = code
		ref.countries = append(ref.countries, c)
	}
	slices.SortFunc(ref.countries, func(a, b Country) int { return strings.Compare(a.Code, b.Code) })
	if err := readJSON(fsys, path.Join(dir, "themes.json"), &ref.themes); err != nil {
		return nil, err
	}
	if err := ref.check(); err != nil {
		return nil, err
	}
	ref.senses = ref.nameSenses()
	ref.regions = ref.regionMatcher()
	return &ref, nil
}

// readJSONOr decodes the file into obj when it holds a JSON object, and
// into list otherwise.
func readJSONOr(fsys fs.FS, name string, obj, list any) error {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	v := list
	if t := bytes.TrimLeft(b, " \t\r\n"); len(t) > 0 && t[0] == '{' {
		v = obj
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("parse %s: %w", name, err)
	}
	return nil
}

func readJSON(fsys fs.FS, name string, v any) error {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("parse %s: %w", name, err)
	}
	return nil
}

var countryCode = regexp.MustCompile(`^[A-Z]{2}$`)

// check reports every inconsistency in the reference data at once.
func (ref *reference) check() error {
	var errs []error
	countries := map[string]Country{}
	for _, c := range ref.countries {
		if !countryCode.MatchString(c.Code) || c.Name == "" || c.Region == "" {
			errs = append(errs, fmt.Errorf("countries.json: %q: bad code, or no name or region", c.Code))
		}
		countries[c.Code] = c
	}
	names := map[string]bool{}
	for _, c := range ref.cities {
		k := lookupKey(c.Name)
		switch {
		case k == "" || names[k]:
			errs = append(errs, fmt.Errorf("cities.json: %q: empty or duplicate name", c.Name))
		case countries[c.Country].Name != c.CountryName:
			errs = append(errs, fmt.Errorf("cities.json: %q: country %q is not %q in countries.json", c.Name, c.Country, c.CountryName))
		case c.Lat < -90 || c.Lat > 90 || c.Lon < -180 || c.Lon > 180 || c.Region == "":
			errs = append(errs, fmt.Errorf("cities.json: %q: bad coordinates or no region", c.Name))
		}
		names[k] = true
	}
	errs = append(errs, ref.checkAliases()...)
	errs = append(errs, ref.checkCountryNames()...)
	errs = append(errs, ref.checkThemes()...)
	return errors.Join(errs...)
}

// checkAliases: a name shared by two cities, or naming a country other
// than the city's own, must be marked ambiguous on every city it names;
// a city with also_means is ambiguous, and its also_means are its names.
func (ref *reference) checkAliases() []error {
	var errs []error
	for key, ids := range ref.cityIndex() {
		if len(ids) < 2 {
			continue
		}
		for _, id := range ids {
			if !ref.cities[id].Ambiguous {
				errs = append(errs, fmt.Errorf("cities.json: %q names %d cities but %q is not ambiguous", key, len(ids), ref.cities[id].Name))
			}
		}
	}
	for key, id := range ref.countryNames(false) {
		for _, cid := range ref.cityIndex()[key] {
			if c := ref.cities[cid]; c.Country != ref.countries[id].Code && !c.Ambiguous {
				errs = append(errs, fmt.Errorf("cities.json: %q names the country %s but %q is not ambiguous", key, ref.countries[id].Code, c.Name))
			}
		}
	}
	for _, c := range ref.cities {
		for n := range c.AlsoMeans {
			if !slices.Contains(c.Names(), n) || !c.Ambiguous {
				errs = append(errs, fmt.Errorf("cities.json: %q: also_means %q is not one of its names, or the city is not ambiguous", c.Name, n))
			}
		}
	}
	return errs
}

// checkCountryNames: every code, name and alias names one country.
func (ref *reference) checkCountryNames() []error {
	var errs []error
	seen := map[string]string{}
	for _, c := range ref.countries {
		for _, n := range append([]string{c.Code, c.Name}, c.Aliases...) {
			k := lookupKey(n)
			if other, ok := seen[k]; ok && other != c.Code {
				errs = append(errs, fmt.Errorf("countries.json: %q names both %s and %s", n, other, c.Code))
			}
			seen[k] = c.Code
		}
	}
	return errs
}

func (ref *reference) checkThemes() []error {
	var errs []error
	ids, labels := map[string]bool{}, map[string]bool{}
	for _, t := range ref.themes {
		if t.ID == "" || t.Label == "" || t.LabelJA == "" || len(t.Keywords) == 0 {
			errs = append(errs, fmt.Errorf("themes.json: %q: needs id, label, label_ja and keywords", t.ID))
		}
		if ids[t.ID] || labels[lookupKey(t.Label)] {
			errs = append(errs, fmt.Errorf("themes.json: %q: duplicate id or label", t.ID))
		}
		ids[t.ID], labels[lookupKey(t.Label)] = true, true
		for _, w := range t.Weak {
			if slices.ContainsFunc(t.Keywords, func(k string) bool { return lookupKey(k) == lookupKey(w) }) {
				errs = append(errs, fmt.Errorf("themes.json: %q: %q is both a keyword and weak", t.ID, w))
			}
		}
	}
	for _, t := range ref.themes {
		if t.Parent != "" && !ids[t.Parent] {
			errs = append(errs, fmt.Errorf("themes.json: %q: unknown parent %q", t.ID, t.Parent))
		}
	}
	return errs
}

// cityIndex maps the lookup key of every name and alias to the cities it
// names, most populous first. It is computed once, while loading, and
// shared.
func (ref *reference) cityIndex() map[string][]int {
	if ref.index != nil {
		return ref.index
	}
	n := 0
	for _, c := range ref.cities {
		n += 1 + len(c.Aliases)
	}
	idx := make(map[string][]int, n)
	for id, c := range ref.cities {
		for _, name := range c.Names() {
			k := fastKey(name)
			if ids := idx[k]; k != "" && (len(ids) == 0 || ids[len(ids)-1] != id) {
				idx[k] = append(ids, id)
			}
		}
	}
	for _, ids := range idx {
		if len(ids) > 1 {
			slices.SortStableFunc(ids, func(a, b int) int { return ref.cities[b].Population - ref.cities[a].Population })
		}
	}
	ref.index = idx
	return idx
}

// countryIndex maps codes, names and aliases to country indexes.
func (ref *reference) countryIndex() map[string]int { return ref.countryNames(true) }

// countryNames maps names and aliases, and the codes if codes is set, to
// country indexes.
func (ref *reference) countryNames(codes bool) map[string]int {
	idx := map[string]int{}
	for id, c := range ref.countries {
		names := append([]string{c.Name}, c.Aliases...)
		if codes {
			names = append(names, c.Code)
		}
		for _, n := range names {
			if _, ok := idx[fastKey(n)]; !ok {
				idx[fastKey(n)] = id
			}
		}
	}
	return idx
}

// themeIndex maps ids and English and Japanese labels to theme indexes.
func (ref *reference) themeIndex() map[string]int {
	idx := map[string]int{}
	for id, t := range ref.themes {
		for _, n := range []string{t.ID, t.Label, t.LabelJA} {
			idx[lookupKey(n)] = id
		}
	}
	return idx
}

// NameKey returns the form under which names are looked up and compared:
// NFKC, lower case, and every run of spaces and punctuation as one space.
// Two names with the same key are the same name.
func NameKey(s string) string { return fastKey(s) }

// fastKey is lookupKey with a short cut for ASCII text, which NFKC leaves
// as it is: most names are.
func fastKey(s string) string {
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return lookupKey(s)
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		default:
			space = true
			continue
		}
		if space && len(b) > 0 {
			b = append(b, ' ')
		}
		b = append(b, c)
		space = false
	}
	return string(b)
}
