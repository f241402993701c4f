package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"casebook/indexer/enrich"
)

// geonamesDir is the GeoNames folder of the shared corpora, seen from
// this package's folder.
const geonamesDir = "../../../shared/corpora/geonames"

// once holds the first generation, which most tests share.
var once struct{ cities, countries []byte }

// generated returns the two files of a generation into a temporary
// folder, running the generator the first time.
func generated(t *testing.T) (cities, countries []byte) {
	t.Helper()
	if once.cities == nil {
		once.cities, once.countries = generate1(t)
	}
	return once.cities, once.countries
}

// generate1 runs the generator into a temporary folder.
func generate1(t *testing.T) (cities, countries []byte) {
	t.Helper()
	if _, err := os.Stat(geonamesDir); err != nil {
		t.Skipf("GeoNames files not found at %s (the shared corpora are not on this machine): %v", geonamesDir, err)
	}
	out := t.TempDir()
	if _, err := generate(geonamesDir, out); err != nil {
		t.Fatal(err)
	}
	cities, err1 := os.ReadFile(filepath.Join(out, "cities.json"))
	countries, err2 := os.ReadFile(filepath.Join(out, "countries.json"))
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	return cities, countries
}

func decodeCities(t *testing.T, b []byte) map[string]enrich.City {
	t.Helper()
	var doc struct {
		Source, Licence string
		Cities          []enrich.City
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Source == "" || doc.Licence == "" {
		t.Error("cities.json has no source or licence note")
	}
	out := map[string]enrich.City{}
	for _, c := range doc.Cities {
		out[c.Name] = c
	}
	return out
}

func TestGenerate(t *testing.T) {
	cities, _ := generated(t)
	byName := decodeCities(t, cities)
	if n := len(byName); n < 3000 || n > 10000 {
		t.Errorf("%d cities, want a few thousand", n)
	}
	for _, tt := range []struct{ name, country, subregion, alias string }{
		{"Tokyo", "JP", "Eastern Asia", "東京"},
		{"Yangon", "MM", "South-Eastern Asia", "Rangoon"},
		{"Tomsk", "RU", "Northern Asia", "Томск"},
		{"Ulaanbaatar", "MN", "Eastern Asia", "Ulan Bator"},
		{"Ho Chi Minh City", "VN", "South-Eastern Asia", "Saigon"},
		{"Kuala Lumpur", "MY", "South-Eastern Asia", "KL"},
		{"Delhi", "IN", "Southern Asia", "New Delhi"},
	} {
		c, ok := byName[tt.name]
		if !ok {
			t.Errorf("no %s", tt.name)
			continue
		}
		if c.Country != tt.country || c.Subregion != tt.subregion || !slices.Contains(c.Aliases, tt.alias) {
			t.Errorf("%s: country %s, subregion %s, aliases %q; want %s, %s and %q among the aliases",
				tt.name, c.Country, c.Subregion, c.Aliases, tt.country, tt.subregion, tt.alias)
		}
	}
	for id, name := range alwaysInclude {
		if c, ok := byName[name]; !ok || c.GeonamesID != id {
			t.Errorf("INTERACTION_ASIA or curated city %s (%d) missing", name, id)
		}
	}
	for _, c := range byName {
		if _, listed := alwaysInclude[c.GeonamesID]; c.Population < minPopulation && !listed {
			t.Errorf("%s has %d people and is not listed in alwaysInclude", c.Name, c.Population)
		}
	}
}

func TestGenerateAmbiguity(t *testing.T) {
	cities, _ := generated(t)
	byName := decodeCities(t, cities)
	for name, ambiguous := range map[string]bool{
		"Victoria": true, "Santiago": true, "Valencia": true, "Hyderabad": true, "Hyderabad, Pakistan": true,
		"Córdoba": true, "San Jose": true, "Reading": true, "Mobile": true, "New York City": true,
		"Tokyo": false, "Bangkok": false, "Yangon": false, "Seoul": false,
	} {
		if c, ok := byName[name]; !ok || c.Ambiguous != ambiguous {
			t.Errorf("%s: found %v, ambiguous %v; want ambiguous %v", name, ok, c.Ambiguous, ambiguous)
		}
	}
	if got := byName["Reading"].AlsoMeans["Reading"]; got != meansWord {
		t.Errorf("Reading also means %q, want %q", got, meansWord)
	}
}

func TestGenerateIsDeterministic(t *testing.T) {
	c1, k1 := generated(t)
	c2, k2 := generate1(t)
	if !bytes.Equal(c1, c2) || !bytes.Equal(k1, k2) {
		t.Error("two runs on the same files gave different output")
	}
}

// TestCommittedGazetteerIsGenerated: data/reference is the generator's
// output, not edited by hand. To change it, change the command (the
// overrides in overrides.go) and run
// go run ./cmd/gazetteer -geonames ../shared/corpora/geonames -out data/reference.
func TestCommittedGazetteerIsGenerated(t *testing.T) {
	cities, countries := generated(t)
	for name, want := range map[string][]byte{"cities.json": cities, "countries.json": countries} {
		got, err := os.ReadFile(filepath.Join("../../data/reference", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("data/reference/%s differs from a fresh generation: regenerate it with go run ./cmd/gazetteer", name)
		}
	}
}

func TestCleanName(t *testing.T) {
	for in, want := range map[string]bool{
		"Tokyo": true, "Hà Nội": true, "東京": true, "TYO": false, "RJTT": false, "http://x.org": false,
		"1234": false, "Ho": false, "Pre": false, "dong jing": false, "京": false, "Stgo.": true, "San Jose De Guadalupe *": false,
	} {
		if _, ok := cleanName(in); ok != want {
			t.Errorf("cleanName(%q) ok = %v, want %v", in, ok, want)
		}
	}
}
