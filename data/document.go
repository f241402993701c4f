package data

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Kinds of document.
const (
	KindNewsletterArticle = "newsletter-article"
	KindNewsletterIssue   = "newsletter-issue"
	KindCaseStudy         = "case-study"
	KindReport            = "report"
	KindSpeech            = "speech"
	KindPressRelease      = "press-release"
)

// Facets that tags can belong to.
const (
	FacetCity    = "city"
	FacetCountry = "country"
	FacetRegion  = "region" // UN sub-region of the countries: "South-Eastern Asia"
	FacetTheme   = "theme"
	FacetYear    = "year"
)

// Origins of a tag: who said it.
const (
	OriginDetected = "detected" // found by enrichment in the text
	OriginSource   = "source"   // given by the source's own metadata (front matter, a column)
)

// Visibility of a document: who may find and read it.
const (
	VisibilityPublic   = "public"   // anyone; also a document stored without a visibility
	VisibilityInternal = "internal" // logged-in readers, staff and admins only
)

// Kinds lists every kind of document.
var Kinds = []string{KindNewsletterArticle, KindNewsletterIssue, KindCaseStudy, KindReport, KindSpeech, KindPressRelease}

// Flags on a document that staff should know about.
const (
	FlagNoText = "no-text" // nothing searchable could be extracted
	FlagDraft  = "draft"   // the source did not publish it (front matter published: false)
)

// Tag is one facet value on a document together with why it is there.
type Tag struct {
	Facet    string  `json:"facet"`
	Value    string  `json:"value"`
	Score    float64 `json:"score,omitempty"`
	Origin   string  `json:"origin"`
	Evidence string  `json:"evidence"` // words or field that set it, e.g. `title: "From Delhi"`
}

// Document is one searchable unit: an article, a case study, a report.
type Document struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	Summary  string   `json:"summary,omitempty"`
	Headings []string `json:"headings,omitempty"`
	Body     string   `json:"body"`
	Kind     string   `json:"kind"`
	Lang     string   `json:"lang"`
	Year     int      `json:"year,omitempty"`
	Date     string   `json:"date,omitempty"` // YYYY-MM or YYYY-MM-DD when known
	Tags     []Tag    `json:"tags,omitempty"`
	Flags    []string `json:"flags,omitempty"`
	Issue    *Issue   `json:"issue,omitempty"`
	// Visibility is VisibilityPublic or VisibilityInternal; empty means
	// public, so records stored before it existed stay public.
	Visibility string `json:"visibility,omitempty"`
	// Meta holds source metadata that is not a facet: a case study's
	// Period and Scope, a record's URL, event dates.
	Meta map[string][]string `json:"meta,omitempty"`
	// PageStarts, for paged originals (PDF), is the byte offset in Body
	// where each page starts: page n is Body[PageStarts[n-1]:PageStarts[n]].
	PageStarts  []int     `json:"page_starts,omitempty"`
	Counterpart string    `json:"counterpart,omitempty"` // id of the same article in the other language edition
	Source      string    `json:"source"`                // path or URL it was ingested from, plus "#" and Part for a part
	Part        string    `json:"part,omitempty"`        // key of the part within its file (an anchor, a record id)
	Sources     []string  `json:"sources,omitempty"`     // other sources with the same bytes
	Hash        string    `json:"hash"`                  // SHA-256 of the original file, hex
	MediaType   string    `json:"media_type"`            // detected type of the original
	Charset     string    `json:"charset,omitempty"`
	Created     time.Time `json:"created"`
	Updated     time.Time `json:"updated"`
}

// Issue places a newsletter article in its issue.
type Issue struct {
	ID       string `json:"id,omitempty"`     // id of the issue's own document (its contents page), when there is one
	Label    string `json:"label,omitempty"`  // "Inaugural Issue", "21st Issue"
	Number   int    `json:"number,omitempty"` // 1 for "Inaugural Issue", 21 for "21st Issue"
	Key      string `json:"key,omitempty"`    // "200901", from the URL: year and month
	Position int    `json:"position,omitempty"`
}

// DocumentID derives a stable id from the source key (path or URL, plus
// "#n" for the n-th part of a split page), so re-ingest finds the same id.
func DocumentID(sourceKey string) string {
	sum := sha256.Sum256([]byte(sourceKey))
	return hex.EncodeToString(sum[:8])
}

// Values returns the distinct values of a facet, in tag order.
func (d *Document) Values(facet string) []string {
	var out []string
	for _, t := range d.Tags {
		if t.Facet == facet && !slices.Contains(out, t.Value) {
			out = append(out, t.Value)
		}
	}
	return out
}

// Cities, Countries and Themes are the document's facet values.
func (d *Document) Cities() []string    { return d.Values(FacetCity) }
func (d *Document) Countries() []string { return d.Values(FacetCountry) }
func (d *Document) Regions() []string   { return d.Values(FacetRegion) }
func (d *Document) Themes() []string    { return d.Values(FacetTheme) }

// Internal reports whether only logged-in users may see the document.
func (d *Document) Internal() bool { return d.Visibility == VisibilityInternal }

// HasFlag reports whether the document carries flag f.
func (d *Document) HasFlag(f string) bool { return slices.Contains(d.Flags, f) }

// Validate reports what makes a document unfit to store.
func (d *Document) Validate() error {
	var errs []error
	if d.ID == "" {
		errs = append(errs, errors.New("id is empty"))
	}
	if d.Source == "" {
		errs = append(errs, errors.New("source is empty"))
	}
	if d.Kind == "" {
		errs = append(errs, errors.New("kind is empty"))
	}
	if strings.TrimSpace(d.Title) == "" {
		errs = append(errs, errors.New("title is empty"))
	}
	if d.Visibility != "" && d.Visibility != VisibilityPublic && d.Visibility != VisibilityInternal {
		errs = append(errs, fmt.Errorf("visibility %q is not public or internal", d.Visibility))
	}
	if d.Year != 0 && (d.Year < 1900 || d.Year > 2100) {
		errs = append(errs, fmt.Errorf("year %d out of range", d.Year))
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	return nil
}
