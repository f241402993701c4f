package enrich

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"

	"casebook/data"
)

// EvalFacets are the facets scored by precision, recall and F1, in report
// order. The year is scored by accuracy (see YearScore).
var EvalFacets = []string{data.FacetCity, data.FacetCountry, data.FacetTheme}

// Counts are the micro-averaged counts of one facet over the documents
// that label it: each (document, value) pair the enricher tagged and the
// label has is a true positive, each one only tagged a false positive,
// each one only labelled a false negative.
type Counts struct {
	Docs, TP, FP, FN int
}

// Precision is TP / (TP + FP), or 1 when nothing was tagged.
func (c Counts) Precision() float64 { return evalRatio(c.TP, c.TP+c.FP) }

// Recall is TP / (TP + FN), or 1 when nothing was labelled.
func (c Counts) Recall() float64 { return evalRatio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func evalRatio(n, d int) float64 {
	if d == 0 {
		return 1
	}
	return float64(n) / float64(d)
}

// YearScore counts the documents with a labelled year: how many got that
// year, and how many got none at all.
type YearScore struct {
	Docs, Right, Missing int
}

// Accuracy is Right / Docs, or 1 when no document labels a year.
func (y YearScore) Accuracy() float64 { return evalRatio(y.Right, y.Docs) }

// Mistake is one wrong tag: a value tagged but not labelled (Extra, a
// false positive) or labelled but not tagged (a false negative). A wrong
// year is one of each.
type Mistake struct {
	Facet    string
	Value    string
	Extra    bool
	Evidence string // the tag's evidence, for an extra tag
}

// Outcome is one labelled document after tagging.
type Outcome struct {
	Label    Label
	Got      map[string][]string // tagged values of each scored facet, and "year" when the label has one
	Mistakes []Mistake           // in facet order: city, country, theme, year
}

// Wrong counts the mistakes in facet, or in all facets when facet is "".
func (o *Outcome) Wrong(facet string) int {
	n := 0
	for _, m := range o.Mistakes {
		if facet == "" || m.Facet == facet {
			n++
		}
	}
	return n
}

// Report is the score of an evaluation.
type Report struct {
	Counts map[string]*Counts // by facet, for EvalFacets
	Year   YearScore
	Docs   []*Outcome // in the order added
}

// NewReport returns an empty report.
func NewReport() *Report {
	r := &Report{Counts: map[string]*Counts{}}
	for _, f := range EvalFacets {
		r.Counts[f] = &Counts{}
	}
	return r
}

// Add scores a tagged document against its label. Only the facets the
// label has are counted. Label values must be canonical (see
// CanonicalLabels) to match the tags.
func (r *Report) Add(l Label, doc *data.Document) *Outcome {
	o := &Outcome{Label: l, Got: map[string][]string{}}
	for _, facet := range EvalFacets {
		want, ok := l.Expected(facet)
		if !ok {
			continue
		}
		got := doc.Values(facet)
		o.Got[facet] = got
		c := r.Counts[facet]
		c.Docs++
		for _, v := range got {
			if slices.Contains(want, v) {
				c.TP++
				continue
			}
			c.FP++
			o.Mistakes = append(o.Mistakes, Mistake{Facet: facet, Value: v, Extra: true, Evidence: evalEvidence(doc, facet, v)})
		}
		for _, v := range want {
			if !slices.Contains(got, v) {
				c.FN++
				o.Mistakes = append(o.Mistakes, Mistake{Facet: facet, Value: v})
			}
		}
	}
	if l.Year != 0 {
		r.addYear(o, l.Year, doc)
	}
	r.Docs = append(r.Docs, o)
	return o
}

func (r *Report) addYear(o *Outcome, want int, doc *data.Document) {
	r.Year.Docs++
	if doc.Year != 0 {
		o.Got[data.FacetYear] = []string{strconv.Itoa(doc.Year)}
	}
	switch {
	case doc.Year == want:
		r.Year.Right++
		return
	case doc.Year == 0:
		r.Year.Missing++
	default:
		v := strconv.Itoa(doc.Year)
		o.Mistakes = append(o.Mistakes, Mistake{Facet: data.FacetYear, Value: v, Extra: true, Evidence: evalEvidence(doc, data.FacetYear, v)})
	}
	o.Mistakes = append(o.Mistakes, Mistake{Facet: data.FacetYear, Value: strconv.Itoa(want)})
}

func evalEvidence(doc *data.Document, facet, value string) string {
	for _, t := range doc.Tags {
		if t.Facet == facet && t.Value == value {
			return t.Evidence
		}
	}
	return ""
}

// Worst returns up to n documents with mistakes in facet (all facets when
// facet is ""), those with the most first; ties keep the order added.
func (r *Report) Worst(n int, facet string) []*Outcome {
	var out []*Outcome
	for _, o := range r.Docs {
		if o.Wrong(facet) > 0 {
			out = append(out, o)
		}
	}
	slices.SortStableFunc(out, func(a, b *Outcome) int { return cmp.Compare(b.Wrong(facet), a.Wrong(facet)) })
	return out[:min(n, len(out))]
}

// Figure is the headline figure of a facet: F1 for city, country and
// theme, accuracy for the year. ok is false when no document labels the
// facet, or the facet is unknown.
func (r *Report) Figure(facet string) (v float64, ok bool) {
	if facet == data.FacetYear {
		return r.Year.Accuracy(), r.Year.Docs > 0
	}
	c, known := r.Counts[facet]
	if !known || c.Docs == 0 {
		return 0, false
	}
	return c.F1(), true
}

// String sums the report up in one line, e.g. for test logs.
func (r *Report) String() string {
	s := fmt.Sprintf("%d docs", len(r.Docs))
	for _, f := range EvalFacets {
		if c := r.Counts[f]; c.Docs > 0 {
			s += fmt.Sprintf("; %s P %.3f R %.3f F1 %.3f (%d docs, TP %d FP %d FN %d)",
				f, c.Precision(), c.Recall(), c.F1(), c.Docs, c.TP, c.FP, c.FN)
		}
	}
	if r.Year.Docs > 0 {
		s += fmt.Sprintf("; year accuracy %.3f (%d of %d, %d without a year)", r.Year.Accuracy(), r.Year.Right, r.Year.Docs, r.Year.Missing)
	}
	return s
}
