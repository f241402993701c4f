package enrich_test

import (
	"math"
	"slices"
	"testing"

	"casebook/data"
	"casebook/indexer/enrich"
)

// evalTagged returns a document tagged with facet/value pairs, e.g.
// evalTagged(0, "city", "Hanoi", "theme", "Transport").
func evalTagged(year int, pairs ...string) *data.Document {
	doc := &data.Document{Year: year}
	for i := 0; i+1 < len(pairs); i += 2 {
		doc.Tags = append(doc.Tags, data.Tag{Facet: pairs[i], Value: pairs[i+1], Evidence: "ev " + pairs[i+1]})
	}
	return doc
}

func TestEvalCounts(t *testing.T) {
	type counts struct{ docs, tp, fp, fn int }
	tests := []struct {
		name  string
		label enrich.Label
		doc   *data.Document
		city  counts
		ctry  counts
		theme counts
	}{
		{"all right", enrich.Label{Cities: []string{"Hanoi"}, Countries: []string{"Vietnam"}},
			evalTagged(0, "city", "Hanoi", "country", "Vietnam"), counts{1, 1, 0, 0}, counts{1, 1, 0, 0}, counts{}},
		{"one extra, one missing", enrich.Label{Cities: []string{"Hanoi", "Hue"}},
			evalTagged(0, "city", "Hanoi", "city", "Tokyo"), counts{1, 1, 1, 1}, counts{}, counts{}},
		{"nothing tagged", enrich.Label{Cities: []string{"Hanoi"}},
			evalTagged(0), counts{1, 0, 0, 1}, counts{}, counts{}},
		{"empty label: every tag is wrong", enrich.Label{Cities: []string{}},
			evalTagged(0, "city", "Tokyo"), counts{1, 0, 1, 0}, counts{}, counts{}},
		{"unlabelled facets are not scored", enrich.Label{Themes: []string{"Transport"}},
			evalTagged(0, "city", "Tokyo", "country", "Japan", "theme", "Transport"), counts{}, counts{}, counts{1, 1, 0, 0}},
		{"a repeated tag counts once", enrich.Label{Themes: []string{"Transport"}},
			evalTagged(0, "theme", "Transport", "theme", "Transport"), counts{}, counts{}, counts{1, 1, 0, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := enrich.NewReport()
			r.Add(tt.label, tt.doc)
			for facet, want := range map[string]counts{"city": tt.city, "country": tt.ctry, "theme": tt.theme} {
				c := r.Counts[facet]
				if got := (counts{c.Docs, c.TP, c.FP, c.FN}); got != want {
					t.Errorf("%s: got %+v, want %+v", facet, got, want)
				}
			}
		})
	}
}

func TestEvalFigures(t *testing.T) {
	tests := []struct {
		c       enrich.Counts
		p, r, f float64
	}{
		{enrich.Counts{TP: 8, FP: 2, FN: 0}, 0.8, 1, 2 * 0.8 / 1.8},
		{enrich.Counts{TP: 1, FP: 1, FN: 3}, 0.5, 0.25, 2 * 0.5 * 0.25 / 0.75},
		{enrich.Counts{TP: 0, FP: 0, FN: 4}, 1, 0, 0}, // nothing tagged: precision is vacuous
		{enrich.Counts{TP: 0, FP: 3, FN: 0}, 0, 1, 0}, // nothing labelled
		{enrich.Counts{}, 1, 1, 1},
		{enrich.Counts{TP: 0, FP: 2, FN: 2}, 0, 0, 0},
	}
	for _, tt := range tests {
		if p, r, f := tt.c.Precision(), tt.c.Recall(), tt.c.F1(); !evalNear(p, tt.p) || !evalNear(r, tt.r) || !evalNear(f, tt.f) {
			t.Errorf("%+v: P %.3f R %.3f F1 %.3f, want %.3f %.3f %.3f", tt.c, p, r, f, tt.p, tt.r, tt.f)
		}
	}
}

func evalNear(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestEvalMicroAverage(t *testing.T) {
	r := enrich.NewReport()
	// A document with many tags weighs more than one with few: 3 of 4
	// right overall, not the mean of 1/1 and 2/3.
	r.Add(enrich.Label{Cities: []string{"Hanoi"}}, evalTagged(0, "city", "Hanoi"))
	r.Add(enrich.Label{Cities: []string{"Delhi", "Hue"}}, evalTagged(0, "city", "Delhi", "city", "Hue", "city", "Tokyo"))
	c := r.Counts["city"]
	if !evalNear(c.Precision(), 0.75) || c.Docs != 2 {
		t.Errorf("micro precision %.3f over %d docs, want 0.75 over 2", c.Precision(), c.Docs)
	}
	if v, ok := r.Figure("city"); !ok || !evalNear(v, c.F1()) {
		t.Errorf("Figure(city) = %v, %v", v, ok)
	}
	if _, ok := r.Figure("theme"); ok {
		t.Error("Figure(theme) reported with no theme labels")
	}
}

func TestEvalYear(t *testing.T) {
	r := enrich.NewReport()
	right := r.Add(enrich.Label{Year: 2012}, evalTagged(2012))
	wrong := r.Add(enrich.Label{Year: 2012}, &data.Document{Year: 2009, Tags: []data.Tag{{Facet: "year", Value: "2009", Evidence: `text "March 2009"`}}})
	none := r.Add(enrich.Label{Year: 2012}, evalTagged(0))
	r.Add(enrich.Label{Cities: []string{}}, evalTagged(1999)) // no year label: not scored
	if got := r.Year; got != (enrich.YearScore{Docs: 3, Right: 1, Missing: 1}) {
		t.Errorf("year score %+v", got)
	}
	if v, _ := r.Figure("year"); !evalNear(v, 1.0/3) {
		t.Errorf("year accuracy %.3f, want 1/3", v)
	}
	if len(right.Mistakes) != 0 || none.Wrong("year") != 1 {
		t.Errorf("mistakes: right %v, none %v", right.Mistakes, none.Mistakes)
	}
	want := []enrich.Mistake{
		{Facet: "year", Value: "2009", Extra: true, Evidence: `text "March 2009"`},
		{Facet: "year", Value: "2012"},
	}
	if !slices.Equal(wrong.Mistakes, want) {
		t.Errorf("wrong year mistakes %+v, want %+v", wrong.Mistakes, want)
	}
}

func TestEvalMistakesCarryEvidence(t *testing.T) {
	r := enrich.NewReport()
	o := r.Add(enrich.Label{Path: "a.md", Cities: []string{"Hue"}, Themes: []string{"Transport"}},
		evalTagged(0, "city", "Tokyo", "theme", "Transport"))
	want := []enrich.Mistake{
		{Facet: "city", Value: "Tokyo", Extra: true, Evidence: "ev Tokyo"},
		{Facet: "city", Value: "Hue"},
	}
	if !slices.Equal(o.Mistakes, want) {
		t.Errorf("mistakes %+v, want %+v", o.Mistakes, want)
	}
	if got := o.Got["city"]; !slices.Equal(got, []string{"Tokyo"}) {
		t.Errorf("Got[city] = %v", got)
	}
}

func TestEvalWorstOrder(t *testing.T) {
	r := enrich.NewReport()
	add := func(path string, doc *data.Document) {
		r.Add(enrich.Label{Path: path, Cities: []string{"Hanoi"}, Themes: []string{"Transport"}}, doc)
	}
	add("right", evalTagged(0, "city", "Hanoi", "theme", "Transport"))
	add("one", evalTagged(0, "city", "Hanoi"))                                            // theme missing
	add("three", evalTagged(0, "city", "Tokyo", "theme", "Transport", "theme", "Sports")) // city wrong twice, theme extra
	add("also-one", evalTagged(0, "city", "Hanoi", "city", "Hue", "theme", "Transport"))
	add("two-themes", evalTagged(0, "city", "Hanoi", "theme", "Sports"))

	names := func(os []*enrich.Outcome) []string {
		var out []string
		for _, o := range os {
			out = append(out, o.Label.Path)
		}
		return out
	}
	tests := []struct {
		n     int
		facet string
		want  []string
	}{
		{10, "", []string{"three", "two-themes", "one", "also-one"}}, // most first; ties in the order added
		{2, "", []string{"three", "two-themes"}},
		{10, "city", []string{"three", "also-one"}},
		{10, "theme", []string{"two-themes", "one", "three"}},
		{10, "year", nil},
	}
	for _, tt := range tests {
		if got := names(r.Worst(tt.n, tt.facet)); !slices.Equal(got, tt.want) {
			t.Errorf("Worst(%d, %q) = %v, want %v", tt.n, tt.facet, got, tt.want)
		}
	}
}
