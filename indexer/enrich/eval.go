package enrich

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"casebook/data"
)

// Splits of a labelled set: rules are tuned on one half and judged on the
// other.
const (
	SplitTuning  = "tuning"
	SplitHeldOut = "heldout"
)

// Label is one labelled document of an evaluation set: the document, and
// the cities, countries, themes and year a careful reader would tag it
// with. A labels file is JSON Lines, one Label a line; blank lines and
// lines starting with "//" are skipped:
//
//	{"path": "../shared/corpora/lkywcp-case-studies/pages/case-studies/seoul-cheonggyecheon.md",
//	 "cities": ["Seoul"], "countries": ["South Korea"], "themes": ["Urban planning and infrastructure"],
//	 "split": "heldout"}
//	{"path": "../shared/corpora/reuters21578/reut2-014.sgm#14830", "countries": ["Japan", "Mexico"], "year": 1987}
//	{"text": "Hanoi opened its second recycling plant in March 2012.", "title": "From Hanoi", "cities": ["Hanoi"]}
//
// A line names its document in one of two ways:
//
//   - "path": a file, read through the same extraction as ingest (records
//     with a mapping when one matches the file name, else by content). A
//     relative path is resolved against the labels file's folder, then
//     against each folder above it, the first that has the file: so a
//     labels file inside a repository may name files relative to the
//     repository root. "file#KEY" picks one part of a file that holds
//     several: a record (its id, e.g. a Reuters NEWID) or an article of an
//     issue page.
//   - "text": the document's text, with an optional "title".
//
// Facets are scored only when their key is present: "cities": [] says the
// document is about no city (every city tagged is wrong), while a line
// without "cities" does not score cities at all. Values are canonicalised
// through the reference data (see CanonicalLabels), so aliases may be
// used. "year" is the publication year (0 or absent: not scored). "split"
// is SplitTuning or SplitHeldOut, or absent for a set that is not split.
//
// The source's own metadata for the labelled facets (a case study's City
// and Type table, front matter, a record's places and date) is hidden
// from tagging (see Evaluate), so that the tags are detected from the
// text and not read back from the labels.
type Label struct {
	Path      string   `json:"path,omitempty"`
	Text      string   `json:"text,omitempty"`
	Title     string   `json:"title,omitempty"`
	Cities    []string `json:"cities,omitzero"`
	Countries []string `json:"countries,omitzero"`
	Themes    []string `json:"themes,omitzero"`
	Year      int      `json:"year,omitempty"`
	Split     string   `json:"split,omitempty"`

	Line int `json:"-"` // 1-based line in the labels file, set by ReadLabels
}

// Name is how reports refer to the labelled document: its path, or the
// line of the labels file that holds its text.
func (l Label) Name() string {
	if l.Path != "" {
		return l.Path
	}
	return fmt.Sprintf("line %d: %s", l.Line, quote(cmp.Or(l.Title, l.Text)))
}

// Expected returns the labelled values of a facet and whether the label
// scores that facet at all.
func (l Label) Expected(facet string) ([]string, bool) {
	switch facet {
	case data.FacetCity:
		return l.Cities, l.Cities != nil
	case data.FacetCountry:
		return l.Countries, l.Countries != nil
	case data.FacetTheme:
		return l.Themes, l.Themes != nil
	}
	return nil, false
}

// ErrLabels means a labels file is malformed; the error names the line.
var ErrLabels = errors.New("bad labels file")

// ReadLabels reads a labels file in the format Label describes. Unknown
// keys are errors, so that a misspelt facet ("city" for "cities") does not
// silently go unscored. Errors wrap ErrLabels and name the line.
func ReadLabels(r io.Reader) ([]Label, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
	var out []Label
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 || bytes.HasPrefix(line, []byte("//")) {
			continue
		}
		l, err := parseLabel(line)
		if err != nil {
			return nil, fmt.Errorf("%w: line %d: %w", ErrLabels, n, err)
		}
		l.Line = n
		out = append(out, l)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrLabels, err)
	}
	return out, nil
}

func parseLabel(line []byte) (Label, error) {
	var l Label
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&l); err != nil {
		return l, err
	}
	if dec.More() {
		return l, errors.New("more than one JSON value on the line")
	}
	return l, l.validate()
}

func (l Label) validate() error {
	switch {
	case (l.Path == "") == (l.Text == ""):
		return errors.New(`give exactly one of "path" and "text"`)
	case l.Path != "" && l.Title != "":
		return errors.New(`"title" goes with "text" only; a file has its own`)
	case l.Year != 0 && (l.Year < minMetaYear || l.Year > maxMetaYear):
		return fmt.Errorf("year %d out of range", l.Year)
	case l.Split != "" && l.Split != SplitTuning && l.Split != SplitHeldOut:
		return fmt.Errorf("split %q: want %q or %q", l.Split, SplitTuning, SplitHeldOut)
	case l.Cities == nil && l.Countries == nil && l.Themes == nil && l.Year == 0:
		return errors.New("no facet labelled: give cities, countries, themes or year")
	}
	return nil
}

// CanonicalLabels replaces label values by their canonical form in the
// reference data ("Rangoon" by "Yangon", "japan" by "Japan") and drops
// duplicates. It returns a warning for each value the reference data does
// not know: the enricher can never tag it, so it can only be a false
// negative.
func (e *Enricher) CanonicalLabels(labels []Label) []string {
	var warnings []string
	for i := range labels {
		l := &labels[i]
		for _, f := range []struct {
			vs     *[]string
			facet  string
			lookup lookupFunc
		}{
			{&l.Cities, data.FacetCity, e.lookupCity},
			{&l.Countries, data.FacetCountry, e.lookupCountry},
			{&l.Themes, data.FacetTheme, e.lookupTheme},
		} {
			var unknown []string
			*f.vs, unknown = evalCanonical(*f.vs, f.lookup)
			for _, v := range unknown {
				warnings = append(warnings, fmt.Sprintf("%s: %s %q is not in the reference data", l.Name(), f.facet, v))
			}
		}
	}
	return warnings
}

// evalCanonical maps vs through lookup, keeping unknown values as given.
// A nil slice stays nil: the facet is not labelled.
func evalCanonical(vs []string, lookup lookupFunc) (out, unknown []string) {
	if vs == nil {
		return nil, nil
	}
	out = []string{}
	for _, v := range vs {
		v = strings.TrimSpace(v)
		if _, c, ok := lookup(v); ok {
			v = c
		} else {
			unknown = append(unknown, v)
		}
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out, unknown
}
