package data

import (
	"fmt"
	"slices"
	"strconv"
	"time"
)

// OriginStaff marks a tag set by a person; it survives re-ingest and
// re-tagging.
const OriginStaff = "staff"

// Correction is a staff change to one tag of a document: add a value, or
// take one away. A year correction sets the year.
type Correction struct {
	Facet  string    `json:"facet"` // city, country, theme or year
	Value  string    `json:"value"`
	Remove bool      `json:"remove,omitempty"`
	By     string    `json:"by"`
	At     time.Time `json:"at"`
}

// Validate reports what makes a correction unusable.
func (c Correction) Validate() error {
	switch c.Facet {
	case FacetCity, FacetCountry, FacetTheme:
	case FacetYear:
		y, err := strconv.Atoi(c.Value)
		if err != nil || y < 1900 || y > 2100 {
			return fmt.Errorf("%w: year %q", ErrInvalid, c.Value)
		}
		if c.Remove {
			return fmt.Errorf("%w: a year can be set, not removed", ErrInvalid)
		}
	default:
		return fmt.Errorf("%w: facet %q cannot be corrected", ErrInvalid, c.Facet)
	}
	if c.Value == "" || c.By == "" {
		return fmt.Errorf("%w: a correction needs a value and who made it", ErrInvalid)
	}
	return nil
}

func (c Correction) evidence() string {
	verb := "added"
	if c.Remove {
		verb = "removed"
	}
	return fmt.Sprintf("%s by %s on %s", verb, c.By, c.At.UTC().Format("2006-01-02"))
}

// merge adds cs to have: a later correction of the same facet and value
// (for years: of the year) replaces the earlier one.
func merge(have, cs []Correction) []Correction {
	for _, c := range cs {
		have = slices.DeleteFunc(have, func(h Correction) bool {
			return h.Facet == c.Facet && (h.Value == c.Value || c.Facet == FacetYear)
		})
		have = append(have, c)
	}
	return have
}

// applyCorrections rewrites doc's tags and year by cs. It is idempotent,
// so it can run on every write.
func applyCorrections(doc *Document, cs []Correction) {
	for _, c := range cs {
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
