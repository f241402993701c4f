package data_test

import (
	"errors"
	"slices"
	"testing"

	"casebook/data"
)

func tagged(source string, cities ...string) *data.Document {
	d := doc(source, "Flood report")
	d.Year = 2011
	for _, c := range cities {
		d.Tags = append(d.Tags, data.Tag{Facet: data.FacetCity, Value: c, Origin: data.OriginDetected})
	}
	return d
}

func TestCorrectionsSurviveReingest(t *testing.T) {
	s := mustOpen(t)
	d := tagged("r.txt", "Tokyo", "Bangkok")
	s.PutDocument(d, []byte("raw"))
	_, err := s.Correct(d.ID, []data.Correction{
		{Facet: data.FacetCity, Value: "Tokyo", Remove: true, By: "aiko"},
		{Facet: data.FacetCity, Value: "Hanoi", By: "aiko"},
		{Facet: data.FacetYear, Value: "2010", By: "aiko"},
	})
	if err != nil {
		t.Fatal(err)
	}
	check := func(when string) {
		t.Helper()
		got, _ := s.Document(d.ID)
		if cities := got.Cities(); !slices.Equal(cities, []string{"Bangkok", "Hanoi"}) || got.Year != 2010 {
			t.Errorf("%s: cities %v year %d", when, cities, got.Year)
		}
		for _, tag := range got.Tags {
			if tag.Value == "Hanoi" && (tag.Origin != data.OriginStaff || tag.Evidence == "") {
				t.Errorf("%s: staff tag %+v", when, tag)
			}
		}
	}
	check("after correcting")
	// Re-ingest brings the machine's tags back; the corrections win, and
	// since nothing else changed, the document is unchanged.
	if out, _ := s.PutDocument(tagged("r.txt", "Tokyo", "Bangkok"), []byte("raw")); out != data.Unchanged {
		t.Errorf("re-ingest: %s, want unchanged", out)
	}
	check("after re-ingest")
	// A changed file is re-tagged, and still corrected.
	if out, _ := s.PutDocument(tagged("r.txt", "Tokyo"), []byte("raw v2")); out != data.Updated {
		t.Errorf("changed file: %s", out)
	}
	got, _ := s.Document(d.ID)
	if cities := got.Cities(); !slices.Equal(cities, []string{"Hanoi"}) {
		t.Errorf("after change: %v", cities)
	}
	cs, _ := s.Corrections(d.ID)
	if len(cs) != 3 || cs[0].By != "aiko" || cs[0].At.IsZero() {
		t.Errorf("corrections = %+v", cs)
	}
}

func TestCorrectionErrors(t *testing.T) {
	s := mustOpen(t)
	d := tagged("r.txt")
	s.PutDocument(d, []byte("raw"))
	bad := []data.Correction{
		{Facet: "lang", Value: "en", By: "a"},
		{Facet: data.FacetYear, Value: "20x0", By: "a"},
		{Facet: data.FacetCity, Value: "Hanoi"},
	}
	for _, c := range bad {
		if _, err := s.Correct(d.ID, []data.Correction{c}); !errors.Is(err, data.ErrInvalid) {
			t.Errorf("%+v: %v", c, err)
		}
	}
	if _, err := s.Correct("nope", []data.Correction{{Facet: "city", Value: "Hanoi", By: "a"}}); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("unknown doc: %v", err)
	}
}
