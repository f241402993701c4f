package search_test

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"casebook/data"
	"casebook/search"
)

// fixture documents: id suffix, title, body, cities, themes, year, kind.
var fixture = []struct {
	id, title, body string
	cities, themes  []string
	year            int
	kind            string
}{
	{"bkk-waste", "Waste recycling training for Bangkok", "Trainees from Bangkok studied recycling and landfill management in Tokyo.", []string{"Bangkok"}, []string{"Waste and recycling", "Training and capacity building"}, 2009, data.KindNewsletterArticle},
	{"bkk-sewer", "Sewerage maintenance in Bangkok", "Bangkok engineers learned sewer pipe inspection.", []string{"Bangkok"}, []string{"Sewerage and wastewater"}, 2012, data.KindNewsletterArticle},
	{"hanoi-waste", "From Hanoi: sorting household waste", "Hanoi started sorting waste at source in 2010 with recycling centres.", []string{"Hanoi"}, []string{"Waste and recycling"}, 2010, data.KindNewsletterArticle},
	{"kl-flood", "Flood control in Kuala Lumpur and Tokyo", "The SMART tunnel carries flood water under Kuala Lumpur. Tokyo built underground flood control channels.", []string{"Kuala Lumpur", "Tokyo"}, []string{"Disaster and crisis management"}, 2012, data.KindCaseStudy},
	{"delhi-games", "From Delhi: the Commonwealth Games", "Delhi hosted the Commonwealth Games in 2010 and expanded its metro.", []string{"Delhi"}, []string{"Sports and youth", "Transport"}, 2010, data.KindNewsletterArticle},
	{"tb-survey", "Joint tuberculosis survey by 11 member cities", "A joint survey of tuberculosis among ＣＯ２ and other measures.", []string{"Seoul", "Taipei"}, []string{"Infectious disease and public health"}, 2005, data.KindReport},
}

func newDoc(i int) *data.Document {
	f := fixture[i]
	d := &data.Document{ID: f.id, Title: f.title, Body: f.body, Kind: f.kind, Lang: "en", Year: f.year, Source: "test/" + f.id}
	for _, c := range f.cities {
		d.Tags = append(d.Tags, data.Tag{Facet: data.FacetCity, Value: c, Origin: data.OriginSource})
	}
	for _, t := range f.themes {
		d.Tags = append(d.Tags, data.Tag{Facet: data.FacetTheme, Value: t, Origin: data.OriginSource})
	}
	return d
}

// mustIndex stores the fixture and applies it to a new index.
func mustIndex(tb testing.TB) (*search.Index, *data.Store) {
	tb.Helper()
	dir := tb.TempDir()
	st, err := data.Open(dir)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	for i := range fixture {
		if _, err := st.PutDocument(newDoc(i), []byte(fixture[i].body)); err != nil {
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

func ids(r *search.Result) []string {
	var out []string
	for _, h := range r.Hits {
		out = append(out, h.ID)
	}
	slices.Sort(out)
	return out
}

func count(r *search.Result, facet, value string) (int, bool) {
	for _, f := range r.Facets {
		if f.Name != facet {
			continue
		}
		for _, v := range f.Values {
			if v.Value == value {
				return v.Count, v.Selected
			}
		}
	}
	return 0, false
}

func TestSearch(t *testing.T) {
	ix, _ := mustIndex(t)
	tests := []struct {
		name    string
		req     search.Request
		want    []string
		wantErr bool
	}{
		{"word", search.Request{Query: "recycling"}, []string{"bkk-waste", "hanoi-waste"}, false},
		{"stemmed", search.Request{Query: "floods"}, []string{"kl-flood"}, false},
		{"all words needed across fields", search.Request{Query: "Bangkok landfill"}, []string{"bkk-waste"}, false},
		{"stop words ignored", search.Request{Query: "the flood"}, []string{"kl-flood"}, false},
		{"a question needs some of its words", search.Request{Query: "how did other cities handle flood control"}, []string{"kl-flood"}, false},
		{"a short query needs all its words", search.Request{Query: "flood recycling"}, nil, false},
		{"phrase", search.Request{Query: `"flood control"`}, []string{"kl-flood"}, false},
		{"negation", search.Request{Query: "waste -Hanoi"}, []string{"bkk-waste"}, false},
		{"nfkc", search.Request{Query: "CO2"}, []string{"tb-survey"}, false},
		{"wildcards are text", search.Request{Query: "landf*"}, nil, false},
		{"city filter", search.Request{Filters: map[string][]string{"city": {"Bangkok"}}}, []string{"bkk-sewer", "bkk-waste"}, false},
		{"city typed in the query", search.Request{Query: "city:bangkok"}, []string{"bkk-sewer", "bkk-waste"}, false},
		{"field and words", search.Request{Query: "recycling city:Hanoi"}, []string{"hanoi-waste"}, false},
		{"quoted city", search.Request{Query: `city:"kuala lumpur"`}, []string{"kl-flood"}, false},
		{"theme by a word", search.Request{Query: "theme:waste"}, []string{"bkk-waste", "hanoi-waste"}, false},
		{"negated field", search.Request{Query: "waste -city:Hanoi"}, []string{"bkk-waste"}, false},
		{"year range typed", search.Request{Query: "year:2009..2010"}, []string{"bkk-waste", "delhi-games", "hanoi-waste"}, false},
		{"title only", search.Request{Query: "title:commonwealth"}, []string{"delhi-games"}, false},
		{"title only, not body", search.Request{Query: "title:metro"}, nil, false},
		{"unknown city", search.Request{Query: "city:Atlantis flood"}, nil, false},
		{"bad year is a word", search.Request{Query: "year:20x9"}, nil, false},
		{"or within facet", search.Request{Filters: map[string][]string{"city": {"Bangkok", "Hanoi"}}}, []string{"bkk-sewer", "bkk-waste", "hanoi-waste"}, false},
		{"and across facets", search.Request{Filters: map[string][]string{"city": {"Bangkok", "Hanoi"}, "theme": {"Waste and recycling"}}}, []string{"bkk-waste", "hanoi-waste"}, false},
		{"year", search.Request{Filters: map[string][]string{"year": {"2010"}}}, []string{"delhi-games", "hanoi-waste"}, false},
		{"year range", search.Request{Filters: map[string][]string{"year": {"2009..2010"}}}, []string{"bkk-waste", "delhi-games", "hanoi-waste"}, false},
		{"bad year", search.Request{Filters: map[string][]string{"year": {"20x9"}}}, nil, true},
		{"bad facet", search.Request{Filters: map[string][]string{"colour": {"red"}}}, nil, true},
		{"bad sort", search.Request{Sort: "random"}, nil, true},
		{"too big", search.Request{Size: 1000}, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ix.Search(context.Background(), tt.req)
			if tt.wantErr {
				if !errors.Is(err, search.ErrBadRequest) {
					t.Fatalf("err = %v, want ErrBadRequest", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(res); !slices.Equal(got, tt.want) {
				t.Errorf("hits = %v, want %v", got, tt.want)
			}
			if int(res.Total) != len(tt.want) {
				t.Errorf("total = %d, want %d", res.Total, len(tt.want))
			}
		})
	}
}

func TestDisjunctiveFacets(t *testing.T) {
	ix, _ := mustIndex(t)
	res, err := ix.Search(context.Background(), search.Request{
		Filters: map[string][]string{"city": {"Bangkok"}, "theme": {"Waste and recycling"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(res); !slices.Equal(got, []string{"bkk-waste"}) {
		t.Fatalf("hits = %v", got)
	}
	checks := []struct {
		facet, value string
		count        int
		selected     bool
	}{
		// City counts ignore the city selection but keep the theme one.
		{"city", "Bangkok", 1, true},
		{"city", "Hanoi", 1, false},
		// Theme counts ignore the theme selection but keep the city one.
		{"theme", "Waste and recycling", 1, true},
		{"theme", "Sewerage and wastewater", 1, false},
		{"theme", "Training and capacity building", 1, false},
		// Year counts apply both selections.
		{"year", "2009", 1, false},
	}
	for _, c := range checks {
		n, sel := count(res, c.facet, c.value)
		if n != c.count || sel != c.selected {
			t.Errorf("%s=%s: count %d selected %v, want %d %v", c.facet, c.value, n, sel, c.count, c.selected)
		}
	}
	if n, _ := count(res, "year", "2012"); n != 0 {
		t.Errorf("year 2012 counted %d under both filters", n)
	}
}

func TestSnippetMarksMatches(t *testing.T) {
	ix, _ := mustIndex(t)
	res, err := ix.Search(context.Background(), search.Request{Query: "tunnel"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 {
		t.Fatalf("hits = %d", len(res.Hits))
	}
	var marked []string
	for _, s := range res.Hits[0].Snippet {
		if s.Match {
			marked = append(marked, s.Text)
		}
	}
	if !slices.Equal(marked, []string{"tunnel"}) {
		t.Errorf("marked %v in %q", marked, res.Hits[0].Snippet.String())
	}
	h := res.Hits[0]
	if h.Title == "" || h.Year != 2012 || !slices.Equal(h.Cities, []string{"Kuala Lumpur", "Tokyo"}) || h.Source != "test/kl-flood" {
		t.Errorf("hit fields = %+v", h)
	}
}

func TestSortAndPaging(t *testing.T) {
	ix, _ := mustIndex(t)
	var seen []string
	for page := 1; page <= 3; page++ {
		res, err := ix.Search(context.Background(), search.Request{Sort: search.SortNewest, Page: page, Size: 2})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range res.Hits {
			seen = append(seen, h.ID)
		}
	}
	want := []string{"kl-flood", "bkk-sewer", "delhi-games", "hanoi-waste", "bkk-waste", "tb-survey"}
	if !slices.Equal(seen, want) {
		t.Errorf("newest pages = %v, want %v", seen, want)
	}
}

func TestSnippetStartsAndEndsOnWords(t *testing.T) {
	ix, st := mustIndex(t)
	body := strings.Repeat("Officials from partner cities compared notes on drainage. ", 12) +
		"The decisive step was a retention basin under the stadium. " +
		strings.Repeat("Residents were consulted about evacuation routes twice. ", 12)
	d := &data.Document{ID: "long", Title: "A long report", Body: body, Kind: data.KindReport, Source: "long"}
	if _, err := st.PutDocument(d, []byte(body)); err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Apply(st); err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(context.Background(), search.Request{Query: "basin"})
	if err != nil || len(res.Hits) != 1 {
		t.Fatalf("hits %v, err %v", res, err)
	}
	text := res.Hits[0].Snippet.String()
	words := strings.Fields(strings.Trim(text, "… "))
	known := strings.Fields(body)
	for _, w := range []string{words[0], words[len(words)-1]} {
		if !slices.Contains(known, strings.Trim(w, "«»")) {
			t.Errorf("snippet cuts a word (%q): %q", w, text)
		}
	}
	if !strings.Contains(text, "«basin»") {
		t.Errorf("match not marked: %q", text)
	}
}

func TestSnippetKnowsItsPage(t *testing.T) {
	ix, st := mustIndex(t)
	pages := []string{"Cover page of the joint report.\n\n", "Contents and foreword.\n\n", strings.Repeat("Chapter three on shelters and evacuation routes. ", 12) + "The typhoon shelter network of Manila."}
	d := &data.Document{ID: "paged", Title: "Joint report", Kind: data.KindReport, Source: "paged.pdf"}
	for _, p := range pages {
		d.PageStarts = append(d.PageStarts, len(d.Body))
		d.Body += p
	}
	st.PutDocument(d, []byte("%PDF-fake"))
	if _, err := ix.Apply(st); err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(context.Background(), search.Request{Query: "typhoon"})
	if err != nil || len(res.Hits) != 1 {
		t.Fatalf("hits %v, err %v", res, err)
	}
	if h := res.Hits[0]; h.Page != 3 || !strings.Contains(h.Snippet.String(), "«typhoon»") {
		t.Errorf("page %d, snippet %q", h.Page, h.Snippet.String())
	}
	res, _ = ix.Search(context.Background(), search.Request{Query: "cover"})
	if len(res.Hits) != 1 || res.Hits[0].Page != 1 {
		t.Errorf("a match on the first page: %+v", res.Hits)
	}
	res, _ = ix.Search(context.Background(), search.Request{Query: "tunnel"})
	if res.Hits[0].Page != 0 {
		t.Errorf("a text without pages reports page %d", res.Hits[0].Page)
	}
}

func TestQueryNotes(t *testing.T) {
	ix, _ := mustIndex(t)
	res, err := ix.Search(context.Background(), search.Request{Query: "city:Atlantis year:20x9 flood"})
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(res.Notes, " | ")
	if !strings.Contains(got, `no city is called "Atlantis"`) || !strings.Contains(got, "year:20x9 is not a year") {
		t.Errorf("notes = %q", res.Notes)
	}
}
