package data

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// OriginStaff marks a tag set by a person; it survives re-ingest and
// re-tagging.
const OriginStaff = "staff"

// Fields a correction can set besides tags.
const (
	FieldTitle      = "title"
	FieldSummary    = "summary"
	FieldKind       = "kind"
	FieldVisibility = "visibility"
)

// Correction is a staff change to one tag of a document: add a value, or
// take one away. A correction of the year or of a field (FieldTitle...)
// sets it.
type Correction struct {
	Facet  string    `json:"facet"` // city, country, theme, year or a field
	Value  string    `json:"value"`
	Remove bool      `json:"remove,omitempty"`
	By     string    `json:"by"`
	At     time.Time `json:"at"`
}

// maxFieldLen bounds a corrected title or summary, in bytes.
const maxFieldLen = 4000

// Validate reports what makes a correction unusable.
func (c Correction) Validate() error {
	if c.Remove && single(c.Facet) {
		return fmt.Errorf("%w: %s can be set, not removed", ErrInvalid, c.Facet)
	}
	if err := c.validValue(); err != nil {
		return err
	}
	if c.Value == "" && c.Facet != FieldSummary || c.By == "" {
		return fmt.Errorf("%w: a correction needs a value and who made it", ErrInvalid)
	}
	return nil
}

func (c Correction) validValue() error {
	switch c.Facet {
	case FacetCity, FacetCountry, FacetTheme:
	case FacetYear:
		if y, err := strconv.Atoi(c.Value); err != nil || y < 1900 || y > 2100 {
			return fmt.Errorf("%w: year %q", ErrInvalid, c.Value)
		}
	case FieldTitle, FieldSummary:
		if len(c.Value) > maxFieldLen || c.Facet == FieldTitle && strings.TrimSpace(c.Value) == "" {
			return fmt.Errorf("%w: %s empty or longer than %d bytes", ErrInvalid, c.Facet, maxFieldLen)
		}
	case FieldKind:
		if !slices.Contains(Kinds, c.Value) {
			return fmt.Errorf("%w: kind %q", ErrInvalid, c.Value)
		}
	case FieldVisibility:
		if c.Value != VisibilityPublic && c.Value != VisibilityInternal {
			return fmt.Errorf("%w: visibility %q", ErrInvalid, c.Value)
		}
	default:
		return fmt.Errorf("%w: facet %q cannot be corrected", ErrInvalid, c.Facet)
	}
	return nil
}

// single reports whether facet holds one value, which a correction sets.
func single(facet string) bool {
	switch facet {
	case FacetYear, FieldTitle, FieldSummary, FieldKind, FieldVisibility:
		return true
	}
	return false
}

func (c Correction) evidence() string {
	verb := "added"
	if c.Remove {
		verb = "removed"
	}
	return fmt.Sprintf("%s by %s on %s", verb, c.By, c.At.UTC().Format("2006-01-02"))
}

// merge adds cs to have: a later correction of the same facet and value
// (for years and fields: of the same facet) replaces the earlier one.
func merge(have, cs []Correction) []Correction {
	for _, c := range cs {
		have = slices.DeleteFunc(have, func(h Correction) bool {
			return h.Facet == c.Facet && (h.Value == c.Value || single(c.Facet))
		})
		have = append(have, c)
	}
	return have
}

// applyCorrections rewrites doc's tags and year by cs. It is idempotent,
// so it can run on every write.
func applyCorrections(doc *Document, cs []Correction) {
	for _, c := range cs {
		if setField(doc, c) {
			continue
		}
		doc.Tags = slices.DeleteFunc(doc.Tags, func(t Tag) bool {
			return t.Facet == c.Facet && (t.Value == c.Value || c.Facet == FacetYear)
		})
		if c.Remove {
			continue
		}
		doc.Tags = append(doc.Tags, Tag{Facet: c.Facet, Value: c.Value, Origin: OriginStaff, Evidence: c.evidence()})
		if c.Facet == FacetYear {
			doc.Year, _ = strconv.Atoi(c.Value)
		}
	}
}

// setField applies a correction of a field, and reports whether c was one.
func setField(doc *Document, c Correction) bool {
	switch c.Facet {
	case FieldTitle:
		doc.Title = c.Value
	case FieldSummary:
		doc.Summary = c.Value
	case FieldKind:
		doc.Kind = c.Value
	case FieldVisibility:
		doc.Visibility = c.Value
	default:
		return false
	}
	return true
}
