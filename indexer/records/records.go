package records

import (
	"bytes"
	"errors"
	"fmt"

	"casebook/indexer/extract"
)

var (
	// ErrMapping means the mapping is invalid, or does not fit the file
	// (it names a CSV column the header lacks, or a JSON key that is not
	// there).
	ErrMapping = errors.New("invalid mapping")
	// ErrFormat means the file cannot be read as the mapping's format at
	// all: not CSV, not JSON, no JSON line valid, markup that breaks before
	// the first record.
	ErrFormat = errors.New("not readable as the mapping's format")
)

// maxWarnings is how many warnings one file keeps; the rest are counted.
const maxWarnings = 50

// Extract reads the records of one file with mapping m. name is used in
// errors only. The Result holds one Part per record, in file order, and
// warnings for records that were skipped or only partly read.
//
// Errors wrap ErrMapping, ErrFormat, or extract's ErrEmpty, ErrTooLarge
// and ErrNoText (no record with a title or body), with the file name.
func Extract(m *Mapping, name string, raw []byte) (*extract.Result, error) {
	res, err := extractRecords(m, raw)
	if err != nil {
		return nil, fmt.Errorf("records %s: %w", name, err)
	}
	return res, nil
}

func extractRecords(m *Mapping, raw []byte) (*extract.Result, error) {
	switch {
	case m == nil:
		return nil, fmt.Errorf("%w: no mapping", ErrMapping)
	case len(raw) > extract.MaxSize:
		return nil, fmt.Errorf("%w: %d bytes, the limit is %d", extract.ErrTooLarge, len(raw), extract.MaxSize)
	case len(bytes.TrimSpace(raw)) == 0:
		return nil, extract.ErrEmpty
	}
	declared := m.Charset
	if declared == "" && (m.Format == FormatJSON || m.Format == FormatJSONL) {
		declared = "utf-8" // as JSON requires; Decode still detects other bytes
	}
	text, charset, warnings, err := extract.Decode(raw, declared)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrFormat, err)
	}
	c := newCollector(m)
	c.res = &extract.Result{MediaType: mediaTypes[m.Format], Charset: charset, Warnings: warnings}
	switch m.Format {
	case FormatCSV:
		err = readCSV(c, text)
	case FormatJSON:
		err = readJSON(c, text)
	case FormatJSONL:
		err = readJSONL(c, text)
	case FormatXML, FormatSGML:
		err = readMarkup(c, text)
	default:
		err = fmt.Errorf("%w: format %q", ErrMapping, m.Format)
	}
	if err != nil {
		return nil, err
	}
	return c.finish()
}

// collector turns records into Parts and keeps the file's warnings.
type collector struct {
	m       *Mapping
	res     *extract.Result
	n       int             // records met so far, good or bad
	ids     map[string]int  // record number by id, to catch repeats
	hits    map[string]int  // records kept in which each field had a value
	found   map[string]bool // fields with a value in the current record
	split   map[string]bool
	dropped int // warnings beyond maxWarnings
	first   string
}

func newCollector(m *Mapping) *collector {
	c := &collector{m: m, ids: map[string]int{}, hits: map[string]int{}, found: map[string]bool{}, split: map[string]bool{}}
	if m.Separator != "" {
		for _, f := range m.Split {
			c.split[f] = true
		}
	}
	return c
}

// warn records a warning about the file, keeping at most maxWarnings.
func (c *collector) warn(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if c.first == "" {
		c.first = msg
	}
	if len(c.res.Warnings) >= maxWarnings {
		c.dropped++
		return
	}
	c.res.Warnings = append(c.res.Warnings, msg)
}

// bad counts a record that could not be read at all.
func (c *collector) bad(format string, args ...any) {
	c.n++
	c.warn("record %d: %s", c.n, fmt.Sprintf(format, args...))
}

// finish adds the file-level warnings and refuses a file without records.
func (c *collector) finish() (*extract.Result, error) {
	if len(c.res.Parts) > 0 {
		c.warnEmptyFields()
	}
	if c.dropped > 0 {
		c.res.Warnings = append(c.res.Warnings, fmt.Sprintf("%d more warnings not shown", c.dropped))
	}
	if len(c.res.Parts) == 0 {
		if c.n == 0 {
			return nil, fmt.Errorf("%w: no records found", extract.ErrNoText)
		}
		return nil, fmt.Errorf("%w: none of %d records has a title or body (first problem: %s)", extract.ErrNoText, c.n, c.first)
	}
	return c.res, nil
}

// warnEmptyFields names mapped fields that matched nothing in any record:
// usually a typo in the mapping.
func (c *collector) warnEmptyFields() {
	kept := len(c.res.Parts)
	if len(c.m.ID) > 0 && c.hits["id"] == 0 {
		c.res.Warnings = append(c.res.Warnings, fmt.Sprintf("id %q has no value in any of the %d records read; they are keyed by number", []string(c.m.ID), kept))
	}
	for _, name := range c.m.fieldNames() {
		if c.hits[name] == 0 {
			c.res.Warnings = append(c.res.Warnings, fmt.Sprintf("field %q (%q) has no value in any of the %d records read", name, []string(c.m.Fields[name]), kept))
		}
	}
}
