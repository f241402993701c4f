package enrich

import (
	"slices"
	"testing"

	"casebook/data"
)

// TestCityContext: with the GeoNames gazetteer, names shared with other
// places, countries, regions and common words are taken only with context.
func TestCityContext(t *testing.T) {
	tests := []struct {
		name          string
		title, body   string
		wantCities    []string // sorted
		wantCountries []string // sorted; checked when set
	}{
		{"Georgia the country is no city", "Georgia opens a new port", "Georgia and Armenia signed a transit deal.", nil, nil},
		{"Georgia the US state is no city either", "Atlanta, Georgia plants trees", "Atlanta planted 5,000 trees.", []string{"Atlanta"}, []string{"United States"}},
		{"Victoria alone", "Victoria opens a new museum", "Victoria celebrated with music.", nil, nil},
		{"Victoria, British Columbia", "Victoria, British Columbia opens a museum", "", []string{"Victoria"}, []string{"Canada"}},
		{"Victoria, Canada", "A museum for Victoria, Canada", "", []string{"Victoria"}, []string{"Canada"}},
		{"Santiago alone", "Santiago builds bike lanes", "Santiago has new lanes.", nil, nil},
		{"Santiago de Chile", "Bike lanes in Santiago de Chile", "", []string{"Santiago"}, []string{"Chile"}},
		{"Hyderabad, Pakistan", "Flood defences in Hyderabad, Pakistan", "", []string{"Hyderabad, Pakistan"}, []string{"Pakistan"}},
		{"Hyderabad, Telangana", "IT parks in Hyderabad, Telangana", "", []string{"Hyderabad"}, []string{"India"}},
		{"Hyderabad, India", "Metro rail for Hyderabad, India", "", []string{"Hyderabad"}, []string{"India"}},
		{"Hyderabad alone", "Hyderabad opens a metro", "", nil, nil},
		{"Reading the report", "Reading the report", "Reading the report on the UK and London took a week.", nil, nil},
		{"Reading, England", "Reading, England cuts waste", "", []string{"Reading"}, []string{"United Kingdom"}},
		{"mobile phones", "Mobile phones for city staff", "Mobile phones and mobile apps help staff in Alabama.", nil, nil},
		{"Mobile, Alabama", "Port works in Mobile, Alabama", "", []string{"Mobile"}, []string{"United States"}},
		{"a dominant name: London", "Congestion charge in London", "", []string{"London"}, []string{"United Kingdom"}},
		{"the smaller London with its region", "Transit in London, Ontario", "", []string{"London, Canada"}, []string{"Canada"}},
		{"Suzhou, Anhui with its region", "Coal towns: Suzhou, Anhui", "", []string{"Suzhou, Anhui"}, []string{"China"}},
		{"Suzhou with its country: the bigger Suzhou", "Gardens of Suzhou, China", "", []string{"Suzhou"}, []string{"China"}},
		{"Toyota the company", "Toyota opens a plant", "Toyota builds cars in Japan.", nil, nil},
		{"Toyota the city", "Toyota, Aichi plans buses", "", []string{"Toyota"}, []string{"Japan"}},
		{"a person, not Matsumoto", "Interview with Mr. Matsumoto", "Mr Matsumoto explained the plan.", nil, nil},
	}
	e := testEnricher(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := data.Document{Title: tt.title, Body: tt.body}
			e.Enrich(&doc, nil)
			if got := tagsOf(&doc, data.FacetCity); !slices.Equal(got, tt.wantCities) {
				t.Errorf("cities = %q, want %q\ntags: %+v", got, tt.wantCities, doc.Tags)
			}
			if got := tagsOf(&doc, data.FacetCountry); tt.wantCountries != nil && !slices.Equal(got, tt.wantCountries) {
				t.Errorf("countries = %q, want %q", got, tt.wantCountries)
			}
		})
	}
}

// TestCityOtherScripts: names in other scripts tag their city, and do not
// inside longer words.
func TestCityOtherScripts(t *testing.T) {
	tests := []struct {
		title string
		want  []string
	}{
		{"ヤンゴンの水道事業", []string{"Yangon"}},
		{"서울시의 대중교통", []string{"Seoul"}},
		{"臺北市の都市計画", []string{"Taipei"}},
		{"臺北で研修", []string{"Taipei"}},
		{"กรุงเทพมหานครกับการจัดการน้ำท่วม", []string{"Bangkok"}},
		{"Hà Nội mở rộng tàu điện", []string{"Hanoi"}},
		{"北海道の観光", nil},    // not Beihai (北海)
		{"松本さんの報告", nil},   // a person, not Matsumoto
		{"リマインダーの設定", nil}, // not Lima (リマ)
		{"中山先生の講演", nil},   // a person, not Zhongshan
		{"北京市と上海市の交流", []string{"Beijing", "Shanghai"}},
	}
	e := testEnricher(t)
	for _, tt := range tests {
		doc := data.Document{Title: tt.title}
		e.Enrich(&doc, nil)
		if got := tagsOf(&doc, data.FacetCity); !slices.Equal(got, tt.want) {
			t.Errorf("%s: cities = %q, want %q", tt.title, got, tt.want)
		}
	}
	for alias, want := range map[string]string{"ヤンゴン": "Yangon", "서울": "Seoul", "臺北": "Taipei", "กรุงเทพมหานคร": "Bangkok", "Hà Nội": "Hanoi"} {
		if c, ok := e.City(alias); !ok || c.Name != want {
			t.Errorf("City(%q) = %q, %v; want %q", alias, c.Name, ok, want)
		}
	}
}

func TestNameSenses(t *testing.T) {
	e := testEnricher(t)
	tests := []struct {
		city, name string
		want       nameSense
	}{
		{"Tokyo", "Tokyo", senseSure},
		{"London", "London", senseDominant},
		{"London, Canada", "London", senseShared},
		{"Hyderabad", "Hyderabad", senseShared},
		{"Victoria", "Victoria", senseShared},
		{"Santiago", "Santiago", senseShared},
		{"Santiago", "Santiago de Chile", senseSure},
		{"Reading", "Reading", senseWord},
		{"New York City", "New York", senseShared},
		{"New York City", "New York City", senseSure},
		{"Singapore", "Singapore", senseSure}, // a city-state: its country is itself
	}
	ids := map[string]int{}
	for id, c := range e.ref.cities {
		ids[c.Name] = id
	}
	for _, tt := range tests {
		id, ok := ids[tt.city]
		if !ok {
			t.Errorf("no city %q", tt.city)
			continue
		}
		if got := e.ref.sense(id, tt.name); got != tt.want {
			t.Errorf("%s: sense of %q = %d, want %d", tt.city, tt.name, got, tt.want)
		}
	}
}
