package enrich

import (
	"slices"
	"strings"
	"sync"
	"testing"

	"casebook/data"
)

var loadOnce = sync.OnceValues(New)

func testEnricher(tb testing.TB) *Enricher {
	tb.Helper()
	e, err := loadOnce()
	if err != nil {
		tb.Fatal(err)
	}
	return e
}

// tagsOf returns the sorted values of doc's tags in facet.
func tagsOf(doc *data.Document, facet string) []string {
	vs := doc.Values(facet)
	slices.Sort(vs)
	return vs
}

func tagFor(doc *data.Document, facet, value string) (data.Tag, bool) {
	for _, t := range doc.Tags {
		if t.Facet == facet && t.Value == value {
			return t, true
		}
	}
	return data.Tag{}, false
}

func TestEnrichCities(t *testing.T) {
	tests := []struct {
		name       string
		doc        data.Document
		meta       map[string][]string
		wantCities []string // sorted
		wantTheme  string   // one theme that must be among the tags, if set
		wantLang   string
	}{{
		name: "headline city wins over Tokyo and passing mentions",
		doc: data.Document{
			Title: "From Delhi: the Commonwealth Games",
			Body: "The Commonwealth Games opened in Delhi in October 2010 with athletes from 71 nations. " +
				"The Delhi government built new stadiums and a metro line for the event. " +
				"A delegation from Tokyo studied the preparations, since Tokyo is bidding for the Olympics. " +
				"Volunteers who had helped at the Asian Games in Bangkok also took part.",
		},
		wantCities: []string{"Delhi"},
		wantTheme:  "Sports and youth",
		wantLang:   "en",
	}, {
		name: "Japanese text about Bangkok sewerage",
		doc: data.Document{
			Title: "バンコクの下水道整備",
			Body: "バンコク都では下水処理場の建設が進んでいます。研修生は東京で下水道の維持管理を学び、" +
				"帰国後はバンコクの下水管の点検に取り組んでいます。汚泥の処理も課題です。",
		},
		wantCities: []string{"Bangkok"},
		wantTheme:  "Sewerage and wastewater",
		wantLang:   "ja",
	}, {
		name:       "old name Rangoon is Yangon",
		doc:        data.Document{Title: "A trainee from Rangoon", Body: "He returned to Rangoon to repair water mains."},
		wantCities: []string{"Yangon"},
	}, {
		name:       "New Delhi is Delhi",
		doc:        data.Document{Title: "Clean air in New Delhi", Body: "New Delhi switched its buses to natural gas."},
		wantCities: []string{"Delhi"},
		wantTheme:  "Air quality",
	}, {
		name:       "KL as a word",
		doc:        data.Document{Title: "KL opens a monorail", Body: "The weekly report from KL says ridership doubled."},
		wantCities: []string{"Kuala Lumpur"},
		wantTheme:  "Transport",
	}, {
		name:       "kl inside a word or in lower case is nothing",
		doc:        data.Document{Title: "Weekly notes", Body: "A weekly kl bulletin about parks, weekly again, weekly."},
		wantCities: nil,
	}, {
		name: "flood control in Tokyo and Kuala Lumpur",
		doc: data.Document{
			Title:   "Best Practices of Major Cities: Flood Control",
			Summary: "How two member cities keep heavy rain out of their streets.",
			Body: strings.Repeat("Tokyo stores storm water in underground tunnels to prevent flooding. ", 3) +
				strings.Repeat("Kuala Lumpur built the SMART tunnel, a road and flood control tunnel. ", 3) +
				"Tokyo and Kuala Lumpur exchange engineers. Tokyo also trains staff. Kuala Lumpur plans more. " +
				"Bangkok faces similar floods.",
		},
		wantCities: []string{"Kuala Lumpur", "Tokyo"},
		wantTheme:  "Disaster and crisis management",
	}, {
		name:       "Tokyo in passing is not a subject",
		doc:        data.Document{Title: "(2) From Hanoi: a new urban railway", Body: "Hanoi opened its line. Engineers trained in Tokyo helped. Tokyo sent advisers. Tokyo!"},
		wantCities: []string{"Hanoi"},
		wantTheme:  "Transport",
	}, {
		name:       "Tokyo dominating the body is a subject",
		doc:        data.Document{Title: "A day at the training centre", Body: strings.Repeat("Tokyo runs the course. ", 6) + "One trainee came from Hanoi."},
		wantCities: []string{"Tokyo"},
	}, {
		name:       "東京都 is Tokyo, not Kyoto",
		doc:        data.Document{Title: "東京都の防災訓練", Body: "東京都は毎年、地震に備えた避難訓練を行っています。"},
		wantCities: []string{"Tokyo"},
		wantTheme:  "Disaster and crisis management",
		wantLang:   "ja",
	}, {
		name:       "Kyoto Protocol is not Kyoto",
		doc:        data.Document{Title: "Beyond the Kyoto Protocol", Body: "Cities cut greenhouse gas emissions faster than the Kyoto Protocol asked."},
		wantCities: nil,
		wantTheme:  "Climate change and environment",
	}, {
		name:       "full-width letters are normalised",
		doc:        data.Document{Title: "ＫＬの渋滞対策", Body: "ＫＬでは交通渋滞とＣＯ２の削減が課題です。"},
		wantCities: []string{"Kuala Lumpur"},
		wantTheme:  "Transport",
		wantLang:   "ja",
	}, {
		name:       "Metro Manila is Manila, and not a metro",
		doc:        data.Document{Title: "Metro Manila tackles garbage", Body: "Metro Manila opened a recycling centre and closed a landfill."},
		wantCities: []string{"Manila"},
		wantTheme:  "Waste and recycling",
	}, {
		name:       "ambiguous Victoria without context",
		doc:        data.Document{Title: "Victoria opens a new museum", Body: "Victoria celebrated with a festival of music and dance."},
		wantCities: nil,
		wantTheme:  "Culture and performing arts",
	}, {
		name:       "ambiguous Victoria with its country named",
		doc:        data.Document{Title: "Victoria opens a new museum", Body: "The capital of British Columbia, Canada, celebrated."},
		wantCities: []string{"Victoria"},
	}, {
		name:       "ambiguous Hyderabad supported by another city of its country",
		doc:        data.Document{Title: "IT parks in Hyderabad and Bengaluru"},
		wantCities: []string{"Bengaluru", "Hyderabad"},
	}, {
		// Tbilisi joined the gazetteer with GeoNames; Georgia stays a country.
		name:       "Georgia is a country, not a city",
		doc:        data.Document{Title: "Tbilisi, Georgia hosts a forum"},
		wantCities: []string{"Tbilisi"},
	}, {
		name:       "front matter city wins",
		doc:        data.Document{Title: "From Bangkok: canals", Body: "Bangkok dredged its canals."},
		meta:       map[string][]string{"city": {"hanoi"}},
		wantCities: []string{"Hanoi"},
	}, {
		name:       "unknown front matter city is kept",
		doc:        data.Document{Title: "Notes", Body: "Nothing here."},
		meta:       map[string][]string{"city": {"  Gotham "}},
		wantCities: []string{"Gotham"},
	}}
	e := testEnricher(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := tt.doc
			e.Enrich(&doc, tt.meta)
			if got := tagsOf(&doc, data.FacetCity); !slices.Equal(got, tt.wantCities) {
				t.Errorf("cities = %q, want %q\ntags: %+v", got, tt.wantCities, doc.Tags)
			}
			if tt.wantTheme != "" && !slices.Contains(doc.Themes(), tt.wantTheme) {
				t.Errorf("themes = %q, want %q among them", doc.Themes(), tt.wantTheme)
			}
			if tt.wantLang != "" && doc.Lang != tt.wantLang {
				t.Errorf("lang = %q, want %q", doc.Lang, tt.wantLang)
			}
			for _, tag := range doc.Tags {
				if tag.Evidence == "" || tag.Origin == "" {
					t.Errorf("tag %+v lacks evidence or origin", tag)
				}
			}
		})
	}
}
