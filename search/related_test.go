package search_test

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"testing"

	"casebook/data"
	"casebook/search"
)

// testDoc is a test document: id, title, body, cities, themes.
type testDoc struct {
	id, title, body string
	cities, themes  []string
}

const (
	themeDisaster = "Disaster and crisis management"
	themeWaste    = "Waste and recycling"
)

var relatedDocs = []testDoc{
	{"bkk-flood", "Flood control in Bangkok", "Bangkok dug retention ponds and drainage tunnels to control monsoon flooding. Pumping stations move flood water into the river.", []string{"Bangkok"}, []string{themeDisaster}},
	{"bkk-flood-copy", "Flood control in  Bangkok", "Bangkok dug retention ponds and drainage tunnels to control monsoon flooding. Pumping stations move flood water into the river.", []string{"Bangkok"}, []string{themeDisaster}},
	{"kl-flood", "Flood tunnel in Kuala Lumpur", "Kuala Lumpur built a tunnel that stores flood water. Retention ponds and pumping stations control monsoon flooding in the city.", []string{"Kuala Lumpur"}, []string{themeDisaster}},
	{"bkk-waste", "Waste recycling training for Bangkok", "Trainees from Bangkok studied recycling and landfill management in Tokyo.", []string{"Bangkok"}, []string{themeWaste}},
	{"tokyo-waste", "Sorting household waste in Tokyo", "Tokyo residents sort household waste for recycling and the landfill lasts longer.", []string{"Tokyo"}, []string{themeWaste}},
	// A seed and three documents of equal text that differ only in
	// what they share with it: nothing, its theme, its city.
	{"seed-canal", "Canal dredging in Bangkok", "Canals were dredged and widened before the rainy season to carry storm water.", []string{"Bangkok"}, []string{themeDisaster}},
	{"a-equal", "Field notes one", "Canals were dredged before the rainy season.", []string{"Hanoi"}, []string{themeWaste}},
	{"m-equal", "Field notes two", "Canals were dredged before the rainy season.", []string{"Manila"}, []string{themeDisaster}},
	{"z-equal", "Field notes six", "Canals were dredged before the rainy season.", []string{"Bangkok"}, []string{themeWaste}},
	// No word another document has: related by city and theme alone.
	{"scan", "Scan 0417", "", []string{"Bangkok"}, []string{themeDisaster}},
}

func (d testDoc) document() *data.Document {
	out := &data.Document{ID: d.id, Title: d.title, Body: d.body, Kind: data.KindCaseStudy, Lang: "en", Year: 2011, Source: "test/" + d.id}
	for _, c := range d.cities {
		out.Tags = append(out.Tags, data.Tag{Facet: data.FacetCity, Value: c, Origin: data.OriginSource})
	}
	for _, t := range d.themes {
		out.Tags = append(out.Tags, data.Tag{Facet: data.FacetTheme, Value: t, Origin: data.OriginSource})
	}
	return out
}

// indexDocs stores docs, and the extra documents, and applies them to a
// new index.
func indexDocs(tb testing.TB, docs []testDoc, extra ...*data.Document) (*search.Index, *data.Store) {
	tb.Helper()
	dir := tb.TempDir()
	st, err := data.Open(dir)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	for _, d := range docs {
		extra = append(extra, d.document())
	}
	for _, d := range extra {
		if _, err := st.PutDocument(d, []byte(d.ID+"\n"+d.Body)); err != nil {
			tb.Fatal(err)
		}
	}
	ix, err := search.Open(filepath.Join(dir, "index"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ix.Close() })
	if _, err := ix.Apply(st); err != nil {
		tb.Fatal(err)
	}
	return ix, st
}

func relatedIDs(t *testing.T, ix *search.Index, id string, n int) []string {
	t.Helper()
	hits, err := ix.Related(context.Background(), id, n, search.Scope{})
	if err != nil {
		t.Fatalf("Related(%s): %v", id, err)
	}
	var out []string
	for _, h := range hits {
		out = append(out, h.ID)
	}
	return out
}

func position(ids []string, id string) int {
	if i := slices.Index(ids, id); i >= 0 {
		return i
	}
	return len(ids)
}

func TestRelatedPrefersSameSubject(t *testing.T) {
	// The issue page that holds the article has all its words, but it is
	// not a practice of its own.
	issue := relatedDocs[0].document()
	issue.ID, issue.Source, issue.Title, issue.Kind = "issue-26", "test/issue-26", "26th Issue", data.KindNewsletterIssue
	ix, _ := indexDocs(t, relatedDocs, issue)
	got := relatedIDs(t, ix, "bkk-flood", 5)
	if len(got) == 0 || got[0] != "kl-flood" {
		t.Fatalf("related to bkk-flood = %q, want kl-flood first", got)
	}
	// bkk-waste shares the city, and the word Bangkok, but not the subject.
	if position(got, "kl-flood") > position(got, "bkk-waste") {
		t.Errorf("unrelated bkk-waste ranks above kl-flood: %q", got)
	}
	if slices.Contains(got, "bkk-flood-copy") {
		t.Errorf("an exact copy is listed: %q", got)
	}
	if slices.Contains(got, "issue-26") {
		t.Errorf("a newsletter issue is listed: %q", got)
	}
}

func TestRelatedAffinityBreaksTextTies(t *testing.T) {
	ix, _ := indexDocs(t, relatedDocs)
	got := relatedIDs(t, ix, "seed-canal", 3)
	// Equal text; by id alone the order would be a, m, z.
	want := []string{"z-equal", "m-equal", "a-equal"}
	if !slices.Equal(got, want) {
		t.Errorf("related to seed-canal = %q, want %q (city, then theme, then neither)", got, want)
	}
}

func TestRelatedNeverListsItself(t *testing.T) {
	ix, _ := indexDocs(t, relatedDocs)
	for _, d := range relatedDocs {
		got := relatedIDs(t, ix, d.id, 10)
		if slices.Contains(got, d.id) {
			t.Errorf("related to %s lists itself: %q", d.id, got)
		}
		if len(got) != len(slices.Compact(slices.Clone(got))) {
			t.Errorf("related to %s repeats a document: %q", d.id, got)
		}
	}
	if got := relatedIDs(t, ix, "bkk-flood-copy", 10); slices.Contains(got, "bkk-flood") {
		t.Errorf("related to the copy lists the original: %q", got)
	}
}

func TestRelatedWithoutText(t *testing.T) {
	ix, _ := indexDocs(t, relatedDocs)
	hits, err := ix.Related(context.Background(), "scan", 10, search.Scope{})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) == 0 {
		t.Fatal("no related documents by city and theme")
	}
	for _, h := range hits {
		if !slices.Contains(h.Cities, "Bangkok") && !slices.Contains(h.Themes, themeDisaster) {
			t.Errorf("%s shares neither city nor theme: %v %v", h.ID, h.Cities, h.Themes)
		}
	}
}

func TestRelatedHits(t *testing.T) {
	ix, _ := indexDocs(t, relatedDocs)
	hits, err := ix.Related(context.Background(), "bkk-flood", 1, search.Scope{})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 {
		t.Fatalf("n=1 gave %d hits", len(hits))
	}
	h := hits[0]
	if h.Title != "Flood tunnel in Kuala Lumpur" || h.Year != 2011 || !slices.Equal(h.Cities, []string{"Kuala Lumpur"}) || len(h.Snippet) == 0 {
		t.Errorf("hit = %+v", h)
	}
	if _, err := ix.Related(context.Background(), "no-such-doc", 5, search.Scope{}); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("unknown id: err = %v, want ErrNotFound", err)
	}
}
