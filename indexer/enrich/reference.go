package enrich

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"
)

// City is one gazetteer entry.
type City struct {
	Name        string   `json:"name"`         // canonical English name, the facet value
	Country     string   `json:"country"`      // ISO 3166-1 alpha-2
	CountryName string   `json:"country_name"` // the country's English name
	Region      string   `json:"region"`       // continent: "Asia", "Europe", ...
	Subregion   string   `json:"subregion"`    // UN sub-region: "South-Eastern Asia", ...
	Lat         float64  `json:"lat"`
	Lon         float64  `json:"lon"`
	Population  int      `json:"population"`
	Aliases     []string `json:"aliases"`            // other names and scripts
	Ambiguous   bool     `json:"ambiguous"`          // the name also means other places
	Negative    []string `json:"negative,omitempty"` // phrases where a name is not the city
	GeonamesID  int      `json:"geonames_id,omitempty"`
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
}

// Theme is one entry of the theme taxonomy.
type Theme struct {
	ID       string   `json:"id"`
	Label    string   `json:"label"`    // English, the facet value
	LabelJA  string   `json:"label_ja"` // Japanese
	Parent   string   `json:"parent,omitempty"`
	Keywords []string `json:"keywords"` // English and Japanese words and phrases
	Negative []string `json:"negative"` // phrases that mean it is not this theme
}

// reference is the parsed and checked reference data.
type reference struct {
	cities    []City
	countries []Country
	themes    []Theme
}

func loadReference(fsys fs.FS) (*reference, error) {
	var ref reference
	if err := readJSON(fsys, "reference/cities.json", &ref.cities); err != nil {
		return nil, err
	}
	var byCode map[string]Country
	if err := readJSON(fsys, "reference/countries.json", &byCode); err != nil {
		return nil, err
	}
	for code, c := range byCode {
		c.Code = code
		ref.countries = append(ref.countries, c)
	}
	slices.SortFunc(ref.countries, func(a, b Country) int { return strings.Compare(a.Code, b.Code) })
	if err := readJSON(fsys, "reference/themes.json", &ref.themes); err != nil {
		return nil, err
	}
	if err := ref.check(); err != nil {
		return nil, err
	}
	return &ref, nil
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

// checkAliases: a name shared by two cities must be marked ambiguous on both.
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
	}
	for _, t := range ref.themes {
		if t.Parent != "" && !ids[t.Parent] {
			errs = append(errs, fmt.Errorf("themes.json: %q: unknown parent %q", t.ID, t.Parent))
		}
	}
	return errs
}

// cityIndex maps the lookup key of every name and alias to the cities it
// names, most populous first.
func (ref *reference) cityIndex() map[string][]int {
	idx := map[string][]int{}
	for id, c := range ref.cities {
		for _, n := range c.Names() {
			k := lookupKey(n)
			if k != "" && !slices.Contains(idx[k], id) {
				idx[k] = append(idx[k], id)
			}
		}
	}
	for _, ids := range idx {
		slices.SortStableFunc(ids, func(a, b int) int { return ref.cities[b].Population - ref.cities[a].Population })
	}
	return idx
}

// countryIndex maps codes, names and aliases to country indexes.
func (ref *reference) countryIndex() map[string]int {
	idx := map[string]int{}
	for id, c := range ref.countries {
		for _, n := range append([]string{c.Code, c.Name}, c.Aliases...) {
			if _, ok := idx[lookupKey(n)]; !ok {
				idx[lookupKey(n)] = id
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
