package web

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"casebook/data"
)

// kindOptions lists the kinds of document with their labels.
func kindOptions() []option {
	out := make([]option, 0, len(data.Kinds))
	for _, k := range data.Kinds {
		out = append(out, option{Value: k, Label: valueLabel("kind", k)})
	}
	return out
}

// themeLabels lists the themes of the taxonomy, the values staff choose.
func (st *Staff) themeLabels() []string {
	var out []string
	for _, t := range st.Pipeline.Enricher.Themes() {
		out = append(out, t.Label)
	}
	return out
}

// cityValue is the gazetteer name of a city typed by staff, in any of its
// names or scripts ("Saigon" is Ho Chi Minh City).
func (st *Staff) cityValue(typed string) (string, error) {
	c, ok := st.Pipeline.Enricher.City(typed)
	if !ok {
		return "", fmt.Errorf("%q is not a city the gazetteer knows; check the spelling", typed)
	}
	return c.Name, nil
}

// cityValues splits a comma-separated list of cities and names each.
func (st *Staff) cityValues(list string) ([]string, []string) {
	var out, problems []string
	for _, typed := range strings.Split(list, ",") {
		if typed = strings.TrimSpace(typed); typed == "" {
			continue
		}
		name, err := st.cityValue(typed)
		if err != nil {
			problems = append(problems, err.Error())
			continue
		}
		if !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	return out, problems
}

// checkTheme refuses a theme the taxonomy lacks.
func (st *Staff) checkTheme(theme string) error {
	if !slices.Contains(st.themeLabels(), theme) {
		return fmt.Errorf("%q is not a theme of the taxonomy", theme)
	}
	return nil
}

// yearField reads a year field: "" is none.
func yearField(v string) (int, error) {
	if v == "" {
		return 0, nil
	}
	y, err := strconv.Atoi(v)
	if err != nil || y < 1900 || y > 2100 {
		return 0, fmt.Errorf("the year must be between 1900 and 2100, not %q", v)
	}
	return y, nil
}

func checkKind(kind string) error {
	if !slices.Contains(data.Kinds, kind) {
		return fmt.Errorf("%q is not a kind of document", kind)
	}
	return nil
}

func checkVisibility(v string) error {
	if v != data.VisibilityPublic && v != data.VisibilityInternal {
		return fmt.Errorf("visibility must be public or internal, not %q", v)
	}
	return nil
}

// batchCorrections turns the metadata of an upload into corrections by
// actor, which the store records for every document of the batch.
func (st *Staff) batchCorrections(f map[string]string, actor string) ([]data.Correction, []string) {
	var cs []data.Correction
	var problems []string
	add := func(facet, value string) {
		cs = append(cs, data.Correction{Facet: facet, Value: value, By: actor})
	}
	if k := f["kind"]; k != "" {
		if err := checkKind(k); err != nil {
			problems = append(problems, err.Error())
		} else {
			add(data.FieldKind, k)
		}
	}
	cities, bad := st.cityValues(f["city"])
	problems = append(problems, bad...)
	for _, c := range cities {
		add(data.FacetCity, c)
	}
	if t := f["theme"]; t != "" {
		if err := st.checkTheme(t); err != nil {
			problems = append(problems, err.Error())
		} else {
			add(data.FacetTheme, t)
		}
	}
	if y, err := yearField(f["year"]); err != nil {
		problems = append(problems, err.Error())
	} else if y != 0 {
		add(data.FacetYear, strconv.Itoa(y))
	}
	switch v := f["visibility"]; v {
	case "", data.VisibilityPublic:
	case data.VisibilityInternal:
		add(data.FieldVisibility, v)
	default:
		problems = append(problems, checkVisibility(v).Error())
	}
	return cs, problems
}
