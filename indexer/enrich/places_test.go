package enrich

import (
	"slices"
	"testing"

	"casebook/data"
)

// TestPlacesAndDatelines: a news story's place line, first-level
// divisions and their abbreviations say where a text is, and a place
// followed by another country's region is a namesake there.
func TestPlacesAndDatelines(t *testing.T) {
	tests := []struct {
		name           string
		dateline       string
		title, body    string
		cities, countr []string // sorted; nil means none
	}{
		{"a dateline names the city", "ST. LOUIS, April 8 -", "ACME CORP 1ST QTR NET", "Shr 33 cts vs 20 cts", []string{"St. Louis"}, []string{"United States"}},
		{"a dateline city, the state's namesake", "NEW YORK, April 8 -", "BANK RAISES PRIME RATE", "The bank raised its rate.", []string{"New York City"}, []string{"United States"}},
		{"a dateline beats the home-city rule", "TOKYO, April 8 -", "NEC SUES OVER COPYRIGHT", "NEC filed suit.", []string{"Tokyo"}, []string{"Japan"}},
		{"a town with its state", "BOULDER, Colo., April 8 -", "FIBERS UNIT SETS RESEARCH", "Hauser said it completed the first phase.", []string{"Boulder"}, []string{"United States"}},
		{"a small town with its state", "JOHNSTOWN, Pa., April 8 -", "SAVINGS BANK 1ST QTR NET", "Shr 33 cts", nil, []string{"United States"}},
		{"part of a place is no city", "NEWPORT BEACH, Calif., Oct 19 -", "SPECTRAMED 3RD QTR NET", "Net 1.2 mln", nil, []string{"United States"}},
		{"a namesake in another country", "VIENNA, Va., June 29 -", "UNITED BANK FILES FOR OFFER", "The bank filed.", nil, []string{"United States"}},
		{"a namesake in the body", "", "Rail freight", "Burlington, Vt. and Burlington, Vt. again and Burlington, Vt. once more.", nil, []string{"United States"}},
		{"a division in the title", "", "Selangor opens flood retention ponds", "The ponds hold water.", nil, []string{"Malaysia"}},
		{"a division starting a name", "", "Southland Corp sells stores", "Southland Corp and Southland Corp shares rose.", nil, nil},
		{"abbreviations only after a place", "", "A mass of data", "Mass. General and a mass of people; Wash. the car.", nil, nil},
		{"another country's divisions in the body", "", "Medellín's UVA parks", "In Medellín the UVA in La Libertad and La Libertad again, near Santa Elena and Santa Elena.", []string{"Medellín"}, []string{"Colombia"}},
		{"a given name", "", "Talks in Moscow", "Secretary of State George Shultz met George Shultz's hosts in Moscow.", []string{"Moscow"}, []string{"Russia"}},
	}
	e := testEnricher(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := data.Document{Title: tt.title, Body: tt.body}
			var meta map[string][]string
			if tt.dateline != "" {
				meta = map[string][]string{"dateline": {tt.dateline}}
			}
			e.Enrich(&doc, meta)
			if got := tagsOf(&doc, data.FacetCity); !slices.Equal(got, tt.cities) {
				t.Errorf("cities = %q, want %q\ntags: %+v", got, tt.cities, doc.Tags)
			}
			if got := tagsOf(&doc, data.FacetCountry); !slices.Equal(got, tt.countr) {
				t.Errorf("countries = %q, want %q\ntags: %+v", got, tt.countr, doc.Tags)
			}
		})
	}
}
