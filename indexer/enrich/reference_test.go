package enrich

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func TestEveryAliasResolves(t *testing.T) {
	e := testEnricher(t)
	owners := map[string][]City{}
	for _, c := range e.Cities() {
		for _, n := range c.Names() {
			got, ok := e.City(n)
			if !ok {
				t.Errorf("City(%q) not found, want %q", n, c.Name)
				continue
			}
			if k := lookupKey(n); !slices.ContainsFunc(owners[k], func(o City) bool { return o.Name == c.Name }) {
				owners[k] = append(owners[k], c)
			}
			if got.Name != c.Name && !c.Ambiguous {
				t.Errorf("City(%q) = %q, want %q", n, got.Name, c.Name)
			}
		}
	}
	for key, cs := range owners {
		if len(cs) < 2 {
			continue
		}
		for _, c := range cs {
			if !c.Ambiguous {
				t.Errorf("%q names %d cities, and %q is not marked ambiguous", key, len(cs), c.Name)
			}
		}
	}
}

func TestGazetteerCoversTheArchive(t *testing.T) {
	e := testEnricher(t)
	want := map[string][]string{
		"Bangkok":          {"กรุงเทพมหานคร", "กรุงเทพฯ", "バンコク"},
		"Delhi":            {"New Delhi", "デリー"},
		"Hanoi":            {"Hà Nội", "ハノイ"},
		"Jakarta":          {"ジャカルタ"},
		"Kuala Lumpur":     {"KL", "クアラルンプール"},
		"Manila":           {"Metro Manila", "Metropolitan Manila", "マニラ"},
		"Seoul":            {"서울", "ソウル"},
		"Singapore":        {"シンガポール"},
		"Taipei":           {"臺北", "台北", "タイペイ"},
		"Tokyo":            {"東京", "東京都"},
		"Yangon":           {"Rangoon", "ヤンゴン", "仰光"},
		"Tomsk":            {"Томск", "トムスク"},
		"Ulaanbaatar":      {"Ulan Bator", "ウランバートル"},
		"Beijing":          {"Peking", "北京"},
		"Ho Chi Minh City": {"Saigon", "ホーチミン"},
		"Mumbai":           {"Bombay"},
		"Bengaluru":        {"Bangalore"},
	}
	for name, aliases := range want {
		for _, a := range append(aliases, name) {
			if c, ok := e.City(a); !ok || c.Name != name {
				t.Errorf("City(%q) = %q, %v; want %q", a, c.Name, ok, name)
			}
		}
	}
	if n := len(e.Cities()); n < len(want)+40 {
		t.Errorf("%d cities, want at least %d", n, len(want)+40)
	}
	for _, c := range e.Cities() {
		if c.Population <= 0 || c.Subregion == "" || len(c.Country) != 2 {
			t.Errorf("%q: population %d, subregion %q, country %q", c.Name, c.Population, c.Subregion, c.Country)
		}
	}
}

func TestThemes(t *testing.T) {
	want := []string{
		"Climate change and environment", "Air quality", "Waste and recycling", "Water supply",
		"Sewerage and wastewater", "Disaster and crisis management", "Infectious disease and public health",
		"Urban planning and infrastructure", "Transport", "Industry and SMEs", "Technology and innovation",
		"Tourism and city promotion", "Culture and performing arts", "Sports and youth",
		"Training and capacity building", "International networks and governance",
		"Education and international students", "Economic recovery and sustainability",
	}
	themes := testEnricher(t).Themes()
	var labels []string
	ids := map[string]bool{}
	for _, th := range themes {
		labels = append(labels, th.Label)
		if ids[th.ID] {
			t.Errorf("duplicate theme id %q", th.ID)
		}
		ids[th.ID] = true
		if th.LabelJA == "" || len(th.Keywords) < 10 || len(th.Keywords) > 60 {
			t.Errorf("%q: label_ja %q, %d keywords; want a Japanese label and 10-60 keywords", th.ID, th.LabelJA, len(th.Keywords))
		}
	}
	if !slices.Equal(labels, want) {
		t.Errorf("labels = %q\nwant %q", labels, want)
	}
}

func TestLoadReferenceRejectsBadData(t *testing.T) {
	countries := `{"JP": {"name": "Japan", "region": "Asia", "subregion": "Eastern Asia"}}`
	themes := `[{"id": "a", "label": "A", "label_ja": "あ", "keywords": ["a"], "parent": "zz"}]`
	cities := `[
	 {"name": "Tokyo", "country": "JP", "country_name": "Japan", "region": "Asia", "aliases": ["Edo"]},
	 {"name": "Edo", "country": "JP", "country_name": "Japan", "region": "Asia"},
	 {"name": "Nowhere", "country": "XX", "country_name": "Atlantis", "region": "Asia"}]`
	fsys := fstest.MapFS{
		"reference/cities.json":    {Data: []byte(cities)},
		"reference/countries.json": {Data: []byte(countries)},
		"reference/themes.json":    {Data: []byte(themes)},
	}
	_, err := loadReference(fsys)
	if err == nil {
		t.Fatal("loadReference accepted bad data")
	}
	for _, want := range []string{`"edo" names 2 cities`, `"Nowhere": country "XX"`, `unknown parent "zz"`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
}

// BenchmarkNew loads and checks the bundled reference data and builds the
// matchers: what enrich.New costs once per pipeline.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(); err != nil {
			b.Fatal(err)
		}
	}
}

func TestLoadReferenceGeneratedFormat(t *testing.T) {
	countries := `{"source": "s", "licence": "l", "countries": {
	 "JP": {"name": "Japan", "region": "Asia", "subregion": "Eastern Asia"}}}`
	themes := `[{"id": "a", "label": "A", "label_ja": "あ", "keywords": ["a"]}]`
	cities := `{"source": "s", "licence": "l", "cities": [
	 {"name": "Tokyo", "country": "JP", "country_name": "Japan", "region": "Asia", "aliases": ["Edo"]},
	 {"name": "Reading", "country": "JP", "country_name": "Japan", "region": "Asia", "also_means": {"Reading": "word"}},
	 {"name": "Fuji", "country": "JP", "country_name": "Japan", "region": "Asia", "ambiguous": true, "also_means": {"Mt Fuji": "mountain"}}]}`
	_, err := loadReferenceAt(fstest.MapFS{
		"cities.json":    {Data: []byte(cities)},
		"countries.json": {Data: []byte(countries)},
		"themes.json":    {Data: []byte(themes)},
	}, ".")
	if err == nil {
		t.Fatal("loadReferenceAt accepted bad also_means")
	}
	for _, want := range []string{`"Reading": also_means "Reading"`, `"Fuji": also_means "Mt Fuji"`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
	if strings.Contains(err.Error(), "Tokyo") {
		t.Errorf("error %q blames Tokyo", err)
	}
}
