package enrich

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"casebook/data"
)

func TestEnrichEvidence(t *testing.T) {
	tests := []struct {
		name                         string
		doc                          data.Document
		meta                         map[string][]string
		facet, value, origin, substr string
	}{
		{"headline quoted", data.Document{Title: "From Delhi: the Commonwealth Games"}, nil,
			data.FacetCity, "Delhi", data.OriginDetected, `title: "From Delhi: the Commonwealth Games"`},
		{"New Delhi counted once", data.Document{Title: "x", Body: "New Delhi. New Delhi and New Delhi again; Delhi."}, nil,
			data.FacetCity, "Delhi", data.OriginDetected, "body: New Delhi x3, Delhi x1"},
		{"body mentions in two scripts", data.Document{Title: "x", Body: "Bangkok Bangkok Bangkok Bangkok バンコク"}, nil,
			data.FacetCity, "Bangkok", data.OriginDetected, "body: Bangkok x4, バンコク x1"},
		{"theme keywords counted", data.Document{Title: "x", Body: "Recycling, recycling, recycling and recycling; a landfill and two landfills."}, nil,
			data.FacetTheme, "Waste and recycling", data.OriginDetected, "body: recycling x4, landfill x2"},
		{"country of the city", data.Document{Title: "From Hanoi: new buses"}, nil,
			data.FacetCountry, "Vietnam", data.OriginDetected, "city Hanoi"},
		{"country in the title", data.Document{Title: "Training officials from Mongolia"}, nil,
			data.FacetCountry, "Mongolia", data.OriginDetected, "title: Mongolia x1"},
		{"home country in the title", data.Document{Title: "Studying in Japan", Summary: "Japan welcomes students."}, nil,
			data.FacetCountry, "Japan", data.OriginDetected, "title: Japan x1"},
		{"front matter city", testDoc("x"), map[string][]string{"city": {"Rangoon"}},
			data.FacetCity, "Yangon", data.OriginSource, `front matter city "Rangoon"`},
		{"unknown front matter city", testDoc("x"), map[string][]string{"city": {" Gotham  "}},
			data.FacetCity, "Gotham", data.OriginSource, "not in the gazetteer"},
		{"country of a front matter city", testDoc("x"), map[string][]string{"city": {"Seoul"}},
			data.FacetCountry, "South Korea", data.OriginSource, "city Seoul"},
		{"front matter theme by Japanese label", testDoc("x"), map[string][]string{"theme": {"下水道"}},
			data.FacetTheme, "Sewerage and wastewater", data.OriginSource, "front matter theme"},
		{"front matter list", testDoc("x"), map[string][]string{"cities": {"Delhi, Hanoi"}},
			data.FacetCity, "Hanoi", data.OriginSource, "front matter city"},
	}
	e := testEnricher(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := tt.doc
			e.Enrich(&doc, tt.meta)
			tag, ok := tagFor(&doc, tt.facet, tt.value)
			if !ok {
				t.Fatalf("no %s tag %q in %+v", tt.facet, tt.value, doc.Tags)
			}
			if tag.Origin != tt.origin || !strings.Contains(tag.Evidence, tt.substr) {
				t.Errorf("tag %+v, want origin %q and evidence with %q", tag, tt.origin, tt.substr)
			}
		})
	}
}

func TestEnrichFrontMatterWinsPerFacet(t *testing.T) {
	e := testEnricher(t)
	doc := data.Document{Title: "From Bangkok: recycling drive", Body: "Bangkok recycling, recycling, landfill."}
	e.Enrich(&doc, map[string][]string{"city": {"Hanoi"}})
	if got := doc.Cities(); !slices.Equal(got, []string{"Hanoi"}) {
		t.Errorf("cities = %q, want only the front matter's", got)
	}
	if got := doc.Themes(); !slices.Contains(got, "Waste and recycling") {
		t.Errorf("themes = %q, want the detected theme kept when front matter gives none", got)
	}
}

func TestEnrichHomeCountryNeedsTheTitle(t *testing.T) {
	e := testEnricher(t)
	doc := data.Document{Title: "Trainees finish the course", Summary: "Trainees from Hanoi trained in Japan.", Body: "Japan, Japan."}
	e.Enrich(&doc, nil)
	if got := doc.Countries(); !slices.Equal(got, []string{"Vietnam"}) {
		t.Errorf("countries = %q, want only Vietnam", got)
	}
}

func TestEnrichNegativePhrases(t *testing.T) {
	e := testEnricher(t)
	doc := data.Document{Title: "Notes", Body: "A flood of tourists came. A flood of letters. A flood of calls."}
	e.Enrich(&doc, nil)
	if slices.Contains(doc.Themes(), "Disaster and crisis management") {
		t.Errorf("themes = %q: 'a flood of' is not a flood", doc.Themes())
	}
}

// TestEnrichWeakThemeWords: words a text uses in passing count half. Five
// mentions of parking beside four of public space are a public space
// story (Vienna's parklets), not a transport one; counted as keywords,
// parking would outscore public space. Bus and metro are transport.
func TestEnrichWeakThemeWords(t *testing.T) {
	e := testEnricher(t)
	const space = "Residents turned the street into public space. "
	doc := data.Document{Title: "Notes from a street", Body: strings.Repeat(space, 4) + strings.Repeat("Parking. ", 5)}
	e.Enrich(&doc, nil)
	if got := doc.Themes(); !slices.Equal(got, []string{"Urban planning and infrastructure"}) {
		t.Errorf("themes = %q, want only Urban planning and infrastructure", got)
	}
	doc = data.Document{Title: "Notes from a street", Body: strings.Repeat(space, 4) + strings.Repeat("The bus and the metro. ", 3)}
	e.Enrich(&doc, nil)
	if got := doc.Themes(); !slices.Contains(got, "Transport") {
		t.Errorf("themes = %q, want Transport too", got)
	}
}

func TestEnrichIsIdempotent(t *testing.T) {
	e := testEnricher(t)
	doc := data.Document{Title: "From Hanoi: flood control", Source: "201207/1.html", Body: "Hanoi built dikes. Tokyo helped.",
		Tags: []data.Tag{{Facet: "kind", Value: "x", Origin: "staff", Evidence: "kept"}}}
	e.Enrich(&doc, nil)
	first := slices.Clone(doc.Tags)
	e.Enrich(&doc, nil)
	if !slices.Equal(first, doc.Tags) {
		t.Errorf("second Enrich changed tags:\n%+v\n%+v", first, doc.Tags)
	}
	if first[0].Facet != "kind" {
		t.Errorf("tags of other facets were dropped: %+v", first)
	}
}

func TestEnrichConcurrently(t *testing.T) {
	e := testEnricher(t)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			doc := data.Document{Title: fmt.Sprintf("From Seoul: report %d", i), Body: "Seoul recycling 서울 재활용"}
			e.Enrich(&doc, nil)
			if got := doc.Cities(); !slices.Equal(got, []string{"Seoul"}) {
				t.Errorf("cities = %q", got)
			}
		})
	}
	wg.Wait()
}
