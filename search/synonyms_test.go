package search_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"casebook/data"
	"casebook/search"
)

func addYangon(t *testing.T, ix *search.Index, st *data.Store) {
	t.Helper()
	d := &data.Document{ID: "ygn-water", Title: "Yangon water supply", Body: "Yangon extended its water mains.", Kind: data.KindCaseStudy, Lang: "en", Year: 2015, Source: "test/ygn-water",
		Tags: []data.Tag{{Facet: data.FacetCity, Value: "Yangon", Origin: data.OriginSource}}}
	if _, err := st.PutDocument(d, []byte(d.Body)); err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Apply(st); err != nil {
		t.Fatal(err)
	}
}

// TestCityAliases: another name of a city, in any script, finds the
// city's documents, as a word and as city:, and the page says so.
func TestCityAliases(t *testing.T) {
	ix, st := mustIndex(t)
	addYangon(t, ix, st)
	tests := []struct {
		q, want, note string
	}{
		{"Rangoon", "ygn-water", `"Rangoon" also finds Yangon`},
		{"rangoon water", "ygn-water", `"rangoon" also finds Yangon`},
		{"Krung Thep sewer", "bkk-sewer", `"Krung Thep" also finds Bangkok`},
		{"バンコク", "bkk-sewer bkk-waste", `"バンコク" also finds Bangkok`},
		{"city:バンコク", "bkk-sewer bkk-waste", ""},
		{"city:rangoon", "ygn-water", ""},
		{"sewer OR Rangoon", "bkk-sewer ygn-water", `"Rangoon" also finds Yangon`},
		{"waste -バンコク", "hanoi-waste", ""},
	}
	for _, tt := range tests {
		res, err := ix.Search(context.Background(), search.Request{Query: tt.q})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(ids(res), " "); got != tt.want {
			t.Errorf("%q: hits %q, want %q", tt.q, got, tt.want)
		}
		if notes := strings.Join(res.Notes, " | "); tt.note != "" && !strings.Contains(notes, tt.note) {
			t.Errorf("%q: notes %q, want %q", tt.q, notes, tt.note)
		}
	}
}

// TestThemeLabels: a theme's label in English or Japanese finds the
// documents tagged with it; a keyword of it does not bring in the rest.
func TestThemeLabels(t *testing.T) {
	ix, _ := mustIndex(t)
	for q, want := range map[string]string{
		`"waste and recycling"`: "bkk-waste hanoi-waste",
		"廃棄物・リサイクル":             "bkk-waste hanoi-waste",
		"tuberculosis":          "tb-survey",
		"typhoon":               "",
	} {
		res, err := ix.Search(context.Background(), search.Request{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(ids(res), " "); got != want {
			t.Errorf("%q: hits %q, want %q", q, got, want)
		}
	}
}

// TestStaffSynonyms: the staff's synonym file is used, reread when it
// changes, and a malformed one is reported and ignored.
func TestStaffSynonyms(t *testing.T) {
	ix, _ := mustIndex(t)
	path := filepath.Join(t.TempDir(), "synonyms.txt")
	hits := func(q string) []string {
		t.Helper()
		res, err := ix.Search(context.Background(), search.Request{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		return ids(res)
	}
	ix.SetSynonymsFile(path) // missing: no staff synonyms, no error
	if got := hits("drains"); got != nil || ix.SynonymsError() != nil {
		t.Fatalf("no file: hits %q, err %v", got, ix.SynonymsError())
	}
	write := func(s string) {
		if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("# staff synonyms\nsewer, drain\nMRT => metro\n")
	ix.SetSynonymsFile(path)
	for q, want := range map[string][]string{"drains": {"bkk-sewer"}, "MRT": {"delhi-games"}, "metro": {"delhi-games"}} {
		if got := hits(q); !slices.Equal(got, want) {
			t.Errorf("%q: hits %q, want %q", q, got, want)
		}
	}
	if got := hits("mrt"); !slices.Equal(got, []string{"delhi-games"}) {
		t.Errorf("one-way synonym, any case: %q", got)
	}

	// An edit is picked up without restarting (the file is looked at
	// every few seconds).
	write("sewer, drain\ngames, olympics\n")
	later := time.Now().Add(2 * time.Second)
	os.Chtimes(path, later, later)
	deadline := time.Now().Add(10 * time.Second)
	for !slices.Equal(hits("olympics"), []string{"delhi-games"}) {
		if time.Now().After(deadline) {
			t.Fatal("an edited synonym file was not reread")
		}
		time.Sleep(100 * time.Millisecond)
	}

	write("sewer\n")
	ix.SetSynonymsFile(path)
	if err := ix.SynonymsError(); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("malformed file: err %v", err)
	}
	if got := hits("tuberculosis"); !slices.Equal(got, []string{"tb-survey"}) {
		t.Errorf("search with a malformed file: %q", got)
	}
}
