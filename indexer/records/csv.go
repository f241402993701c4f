package records

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// readCSV reads a header row and then one record per row. Quoted cells
// may hold line breaks. A row that does not parse gives a warning and
// reading goes on with the next.
func readCSV(c *collector, text string) error {
	r := csv.NewReader(strings.NewReader(text))
	r.FieldsPerRecord = -1
	if c.m.Delimiter != "" {
		r.Comma, _ = utf8.DecodeRuneInString(c.m.Delimiter)
	}
	header, err := r.Read()
	if err != nil {
		return fmt.Errorf("%w: no CSV header row: %v", ErrFormat, err)
	}
	cols := columns(header)
	if err := checkColumns(c.m, cols, header); err != nil {
		return err
	}
	for {
		before := r.InputOffset()
		row, err := r.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			c.bad("%v", err)
			if r.InputOffset() == before {
				return nil
			}
			continue
		}
		if len(row) != len(header) {
			line, _ := r.FieldPos(0)
			c.warn("record %d (line %d): %d cells, the header has %d", c.n+1, line, len(row), len(header))
		}
		c.record(func(col string) []string {
			i, ok := cols[columnKey(col)]
			if !ok || i >= len(row) {
				return nil
			}
			return row[i : i+1]
		})
	}
}

// columns maps each header name (see columnKey) to its index; the first of
// two equal names wins.
func columns(header []string) map[string]int {
	cols := make(map[string]int, len(header))
	for i, h := range header {
		if k := columnKey(h); k != "" {
			if _, dup := cols[k]; !dup {
				cols[k] = i
			}
		}
	}
	return cols
}

// columnKey compares column names without case and surrounding space.
func columnKey(name string) string {
	return strings.ToLower(strings.TrimSpace(strings.TrimPrefix(name, "\ufeff")))
}

// checkColumns fails when a field (or the id) names no column the header
// has: the mapping was written for another file.
func checkColumns(m *Mapping, cols map[string]int, header []string) error {
	var missing []string
	check := func(field string, paths Paths) {
		for _, p := range paths {
			if _, ok := cols[columnKey(p)]; ok {
				return
			}
		}
		missing = append(missing, fmt.Sprintf("%s %q", field, []string(paths)))
	}
	if len(m.ID) > 0 {
		check("id", m.ID)
	}
	for _, name := range m.fieldNames() {
		check(name, m.Fields[name])
	}
	if len(missing) == 0 {
		return nil
	}
	return fmt.Errorf("%w: the CSV header has no column for %s; its columns are %q",
		ErrMapping, strings.Join(missing, ", "), header)
}
