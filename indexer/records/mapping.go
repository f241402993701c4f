package records

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/ianaindex"
)

// Formats a mapping can name.
const (
	FormatCSV   = "csv"
	FormatJSON  = "json"
	FormatJSONL = "jsonl"
	FormatXML   = "xml"
	FormatSGML  = "sgml"
)

// mediaTypes gives the media type Extract reports for each format.
var mediaTypes = map[string]string{
	FormatCSV:   "text/csv",
	FormatJSON:  "application/json",
	FormatJSONL: "application/x-ndjson",
	FormatXML:   "application/xml",
	FormatSGML:  "application/sgml",
}

// formatAliases are other names accepted for a format.
var formatAliases = map[string]string{"ndjson": FormatJSONL, "json-lines": FormatJSONL, "jsonlines": FormatJSONL}

// Field names with a place of their own in a Part; every other field goes
// to Part.Meta under its name.
const (
	fieldTitle   = "title"
	fieldBody    = "body"
	fieldSummary = "summary"
	fieldLang    = "lang"
	fieldDate    = "date"
	fieldYear    = "year"
)

// defaultSplit lists the fields a separator splits when the mapping does
// not say.
var defaultSplit = []string{"city", "country", "theme"}

// Mapping says how to read one kind of record file: its format, which
// element, key or row is a record, and where each field is. The package
// documentation describes the JSON it is loaded from.
type Mapping struct {
	Format      string            `json:"format"`
	Record      string            `json:"record,omitempty"`
	ID          Paths             `json:"id,omitempty"`
	Fields      map[string]Paths  `json:"fields"`
	DateLayouts []string          `json:"date_layouts,omitempty"`
	Charset     string            `json:"charset,omitempty"`
	Match       string            `json:"match,omitempty"`
	Delimiter   string            `json:"delimiter,omitempty"`
	Separator   string            `json:"separator,omitempty"`
	Split       []string          `json:"split,omitempty"`
	Constants   map[string]string `json:"constants,omitempty"`
}

// Paths is where one field's value is: a single path, or alternatives of
// which the first that gives a value wins. In JSON it is a string or a
// list of strings.
type Paths []string

// UnmarshalJSON accepts "a/b" as well as ["a/b", "a"].
func (p *Paths) UnmarshalJSON(b []byte) error {
	var one string
	if err := json.Unmarshal(b, &one); err == nil {
		*p = Paths{one}
		return nil
	}
	var many []string
	if err := json.Unmarshal(b, &many); err != nil {
		return errors.New("a path must be a string or a list of strings")
	}
	*p = many
	return nil
}

// LoadMapping parses and checks a mapping file. Errors wrap ErrMapping and
// name every problem found.
func LoadMapping(raw []byte) (*Mapping, error) {
	var m Mapping
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("%w: not a mapping object: %v", ErrMapping, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("%w: text after the mapping object", ErrMapping)
	}
	m.normalize()
	if err := m.validate(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrMapping, err)
	}
	return &m, nil
}

// Matches reports whether the mapping's "match" glob matches the base
// name of name, ignoring case. A mapping without one matches every file.
func (m *Mapping) Matches(name string) bool {
	if m.Match == "" {
		return true
	}
	base := path.Base(strings.ReplaceAll(name, `\`, "/"))
	ok, err := path.Match(strings.ToLower(m.Match), strings.ToLower(base))
	return ok && err == nil
}

// normalize lower-cases names and trims paths, so that the rest of the
// package compares them directly.
func (m *Mapping) normalize() {
	m.Format = strings.ToLower(strings.TrimSpace(m.Format))
	if f, ok := formatAliases[m.Format]; ok {
		m.Format = f
	}
	m.Record = strings.Trim(strings.TrimSpace(m.Record), "/")
	m.ID = trimPaths(m.ID)
	fields := make(map[string]Paths, len(m.Fields))
	for name, p := range m.Fields {
		fields[strings.ToLower(strings.TrimSpace(name))] = trimPaths(p)
	}
	m.Fields = fields
	if m.Split == nil {
		m.Split = slices.Clone(defaultSplit)
	}
	for i, s := range m.Split {
		m.Split[i] = strings.ToLower(strings.TrimSpace(s))
	}
	constants := make(map[string]string, len(m.Constants))
	for k, v := range m.Constants {
		constants[strings.ToLower(strings.TrimSpace(k))] = strings.TrimSpace(v)
	}
	m.Constants = constants
}

func trimPaths(p Paths) Paths {
	out := make(Paths, 0, len(p))
	for _, s := range p {
		out = append(out, strings.TrimSpace(s))
	}
	return out
}

// validate lists every problem of a normalized mapping.
func (m *Mapping) validate() error {
	errs := []error{m.checkFormat()}
	errs = append(errs, m.checkFields()...)
	errs = append(errs, m.checkLayouts()...)
	errs = append(errs, m.checkOptions()...)
	return errors.Join(errs...)
}

func (m *Mapping) checkFormat() error {
	switch m.Format {
	case FormatXML, FormatSGML:
		if m.Record == "" {
			return fmt.Errorf(`"record" must name the element that holds one record (for example "REUTERS" or "items/item")`)
		}
	case FormatCSV:
		if m.Record != "" {
			return fmt.Errorf(`"record" has no meaning for csv, where every row is a record; remove it`)
		}
	case FormatJSON, FormatJSONL:
	case "":
		return errors.New(`"format" is missing; use csv, json, jsonl, xml or sgml`)
	default:
		return fmt.Errorf(`"format" %q is not known; use csv, json, jsonl, xml or sgml`, m.Format)
	}
	return nil
}

func (m *Mapping) checkFields() []error {
	var errs []error
	if len(m.Fields[fieldTitle]) == 0 && len(m.Fields[fieldBody]) == 0 {
		errs = append(errs, errors.New(`"fields" must map at least "title" or "body"`))
	}
	if _, ok := m.Fields["id"]; ok {
		errs = append(errs, errors.New(`put the record id in "id", not in "fields"`))
	}
	if err := m.checkPaths("id", m.ID, true); err != nil {
		errs = append(errs, err)
	}
	for _, name := range sortedKeys(m.Fields) {
		if name == "" {
			errs = append(errs, errors.New(`"fields" has an empty field name`))
		}
		if err := m.checkPaths(name, m.Fields[name], false); err != nil {
			errs = append(errs, err)
		}
	}
	return errs
}

// checkPaths checks the paths of one field; the id may have none.
func (m *Mapping) checkPaths(field string, paths Paths, optional bool) error {
	if len(paths) == 0 && !optional {
		return fmt.Errorf("field %q has no path", field)
	}
	for _, p := range paths {
		if p == "" {
			return fmt.Errorf("field %q has an empty path", field)
		}
		if m.Format != FormatXML && m.Format != FormatSGML {
			continue
		}
		steps := strings.Split(strings.Trim(p, "/"), "/")
		for i, s := range steps {
			switch {
			case s == "":
				return fmt.Errorf("field %q: path %q has an empty step", field, p)
			case strings.HasPrefix(s, "@") && (i < len(steps)-1 || len(s) == 1):
				return fmt.Errorf("field %q: path %q: an attribute (@name) can only be the last step", field, p)
			}
		}
	}
	return nil
}

// checkLayouts makes sure every date layout can read back a date it wrote.
func (m *Mapping) checkLayouts() []error {
	var errs []error
	ref := time.Date(2009, 11, 17, 20, 34, 58, 0, time.UTC)
	for _, l := range m.DateLayouts {
		t, err := time.Parse(l, ref.Format(l))
		if err != nil || t.Year() != ref.Year() {
			errs = append(errs, fmt.Errorf("date layout %q does not read a year; write it with Go's reference date, like \"2-Jan-2006 15:04:05.00\"", l))
		}
	}
	return errs
}

// checkOptions checks charset, match, delimiter, separator and split.
func (m *Mapping) checkOptions() []error {
	var errs []error
	if m.Charset != "" && !knownCharset(m.Charset) {
		errs = append(errs, fmt.Errorf("charset %q is not known", m.Charset))
	}
	if _, err := path.Match(m.Match, ""); err != nil {
		errs = append(errs, fmt.Errorf("match %q is not a valid glob: %v", m.Match, err))
	}
	if m.Delimiter != "" {
		r, n := utf8.DecodeRuneInString(m.Delimiter)
		switch {
		case m.Format != FormatCSV:
			errs = append(errs, errors.New(`"delimiter" is for csv only`))
		case n != len(m.Delimiter) || r == '"' || r == '\r' || r == '\n' || r == utf8.RuneError:
			errs = append(errs, fmt.Errorf(`"delimiter" %q must be one character, not a quote or a line break`, m.Delimiter))
		}
	}
	for _, s := range m.Split {
		if _, ok := m.Fields[s]; !ok && !slices.Contains(defaultSplit, s) {
			errs = append(errs, fmt.Errorf(`"split" names %q, which is not in "fields"`, s))
		}
		if s == fieldTitle || s == fieldBody || s == fieldSummary {
			errs = append(errs, fmt.Errorf(`"split" cannot split %q`, s))
		}
	}
	return errs
}

func knownCharset(label string) bool {
	label = strings.ToLower(strings.TrimSpace(label))
	if _, err := htmlindex.Get(label); err == nil {
		return true
	}
	enc, err := ianaindex.IANA.Encoding(label)
	return err == nil && enc != nil
}

// fieldNames returns the mapping's field names in order.
func (m *Mapping) fieldNames() []string { return sortedKeys(m.Fields) }

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
