package enrich

import (
	"slices"
	"strings"
)

// caseStudyTypes maps the parts of a case study's Type (the "| **Type** |"
// row of the world city prize case studies, e.g. "Urban regeneration/
// social programmes") to the theme labels of data/reference/themes.json.
// It is how the lkywcp labelled set gets its themes; the Type is a label,
// not text, so extraction removes it and evaluation hides it.
//
// A part maps to the themes a reader of the taxonomy would file the case
// under. Climate change adaptation is both climate and disaster: in these
// cases it is flood defence, and flood control is a disaster keyword. A part with no theme (nil) is known but has no counterpart in the
// taxonomy: there is no social-policy theme, and "International networks
// and governance" means networks between cities, not a city's own
// institutions. A case whose every part has no theme labels no themes, so
// its themes are not scored.
var caseStudyTypes = map[string][]string{
	"urban regeneration":                      {"Urban planning and infrastructure"},
	"urban planning":                          {"Urban planning and infrastructure"},
	"public space activation":                 {"Urban planning and infrastructure"},
	"public space activation and enhancement": {"Urban planning and infrastructure"},
	"transportation":                          {"Transport"},
	"transport & mobility":                    {"Transport"},
	"environmental project":                   {"Climate change and environment"},
	"environmental projects":                  {"Climate change and environment"},
	"climate change adaptation":               {"Climate change and environment", "Disaster and crisis management"},
	"disaster risk management":                {"Disaster and crisis management"},
	"economic development":                    {"Industry and SMEs"},
	"smart city initiative":                   {"Technology and innovation"},
	"sports and health infrastructure":        {"Sports and youth", "Infectious disease and public health"},
	"social programmes":                       nil,
	"social inclusion":                        nil,
	"governance":                              nil,
	"governance and institutional frameworks": nil,
}

// caseStudyThemes returns the themes a case study's Type stands for, in
// order of mention, and the parts caseStudyTypes does not
// know. Parts are separated by "/" or ",".
func caseStudyThemes(typ string) (themes, unknown []string) {
	themes = []string{}
	parts := strings.FieldsFunc(strings.ToLower(typ), func(r rune) bool { return r == '/' || r == ',' })
	for _, p := range parts {
		p = strings.Join(strings.Fields(p), " ")
		ts, ok := caseStudyTypes[p]
		if !ok {
			unknown = append(unknown, p)
			continue
		}
		for _, t := range ts {
			if !slices.Contains(themes, t) {
				themes = append(themes, t)
			}
		}
	}
	return themes, unknown
}
