package web

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"casebook/search"
)

// page fetches target and parses it.
func (ts *testServer) page(t *testing.T, target string) *goquery.Document {
	t.Helper()
	w := ts.get(t, target)
	if w.Code != 200 {
		t.Fatalf("%s: status %d", target, w.Code)
	}
	doc, err := goquery.NewDocumentFromReader(w.Body)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// node finds the tree entry of a facet value by its label.
func node(doc *goquery.Document, label string) *goquery.Selection {
	return doc.Find(".facet-values li").FilterFunction(func(_ int, li *goquery.Selection) bool {
		return li.ChildrenFiltered(".row").Find(".label").Text() == label
	}).First()
}

// childLabels lists the labels one level under a tree entry.
func childLabels(li *goquery.Selection) []string {
	var out []string
	li.ChildrenFiltered("ul").ChildrenFiltered("li").Each(func(_ int, c *goquery.Selection) {
		out = append(out, c.ChildrenFiltered(".row").Find(".label").Text())
	})
	return out
}

func href(s *goquery.Selection) string {
	h, _ := s.Attr("href")
	return h
}

// placeFacets is a result with the three place facets. Vietnam and
// South Korea are not counted: the tree adds them as parents of Hanoi
// and Seoul, without a count.
func placeFacets() []search.Facet {
	return []search.Facet{
		{Name: search.FacetRegion, Values: []search.FacetValue{{Value: "South-Eastern Asia", Count: 14}, {Value: "Eastern Asia", Count: 20}}},
		{Name: search.FacetCountry, Values: []search.FacetValue{{Value: "Thailand", Count: 12}, {Value: "Japan", Count: 20}}},
		{Name: search.FacetCity, Values: []search.FacetValue{
			{Value: "Bangkok", Count: 12}, {Value: "Hanoi", Count: 3}, {Value: "Tokyo", Count: 18}, {Value: "Osaka", Count: 2}, {Value: "Seoul", Count: 5}, {Value: evilImg, Count: 1},
		}},
		{Name: search.FacetTheme, Values: []search.FacetValue{
			{Value: "Air quality", Count: 4}, {Value: "Climate change and environment", Count: 6}, {Value: "Transport", Count: 9},
		}},
	}
}

func TestPlaceTree(t *testing.T) {
	ts := newTestServer(t)
	ts.search.result.Facets = placeFacets()
	doc := ts.page(t, "/?q=flood")

	tests := []struct {
		label string
		kids  []string
		count string // "" when the engine gave none
		href  string
	}{
		{"Eastern Asia", []string{"Japan", "South Korea"}, "20", "/?q=flood&region=Eastern+Asia"},
		{"South-Eastern Asia", []string{"Thailand", "Vietnam"}, "14", "/?q=flood&region=South-Eastern+Asia"},
		{"Japan", []string{"Tokyo", "Osaka"}, "20", "/?q=flood&country=Japan"},
		{"Vietnam", []string{"Hanoi"}, "", "/?q=flood&country=Vietnam"},
		{"Tokyo", nil, "18", "/?q=flood&city=Tokyo"},
	}
	for _, tt := range tests {
		li := node(doc, tt.label)
		if li.Length() == 0 {
			t.Errorf("%s not in the tree", tt.label)
			continue
		}
		if got := childLabels(li); !slices.Equal(got, tt.kids) {
			t.Errorf("%s holds %q, want %q", tt.label, got, tt.kids)
		}
		if got := li.ChildrenFiltered(".row").Find(".count").Text(); got != tt.count {
			t.Errorf("%s count %q, want %q", tt.label, got, tt.count)
		}
		if got := href(li.ChildrenFiltered(".row").Find("a.value")); !sameURL(got, tt.href) {
			t.Errorf("%s links to %s, want %s", tt.label, got, tt.href)
		}
	}
	var top []string
	doc.Find("#facet-place .facet-values > ul > li").Each(func(_ int, li *goquery.Selection) {
		top = append(top, li.ChildrenFiltered(".row").Find(".label").Text())
	})
	if want := []string{"Eastern Asia", "South-Eastern Asia", evilImg}; !slices.Equal(top, want) {
		t.Errorf("top of the place tree = %q, want %q (a city the reference lacks stays on top)", top, want)
	}
	if f, ok := doc.Find("#facet-place .facet-values").Attr("data-filter"); !ok || f != "Filter places" {
		t.Errorf("place list has no filter box: %q", f)
	}
	if _, ok := doc.Find("#facet-kind .facet-values").Attr("data-filter"); ok {
		t.Error("a short list asks for a filter box")
	}
}

func TestThemeTree(t *testing.T) {
	ts := newTestServer(t)
	ts.search.result.Facets = placeFacets()
	doc := ts.page(t, "/?theme=Air+quality")
	climate := node(doc, "Climate change and environment")
	if got := childLabels(climate); !slices.Equal(got, []string{"Air quality"}) {
		t.Errorf("climate holds %q", got)
	}
	air := node(doc, "Air quality").ChildrenFiltered(".row").Find("a.value")
	if !air.HasClass("selected") || !sameURL(href(air), "/") {
		t.Errorf("selected sub-theme: class %q, href %s", air.AttrOr("class", ""), href(air))
	}
	if badge := doc.Find("#facet-theme .badge").Text(); badge != "1 selected" {
		t.Errorf("badge %q", badge)
	}
}

func TestExcludeLinksAndChips(t *testing.T) {
	ts := newTestServer(t)
	doc := ts.page(t, "/?q=flood&not_city=Hanoi&page=2")
	if got := ts.search.last(t).Exclude["city"]; !slices.Equal(got, []string{"Hanoi"}) {
		t.Errorf("request excludes %q", got)
	}
	hanoi := node(doc, "Hanoi").ChildrenFiltered(".row")
	if v := hanoi.Find("a.value"); !v.HasClass("excluded") || !sameURL(href(v), "/?q=flood") {
		t.Errorf("excluded Hanoi: class %q, href %s", v.AttrOr("class", ""), href(v))
	}
	if hanoi.Find("a.exclude").Length() != 0 {
		t.Error("an excluded value offers to exclude it again")
	}
	exclude := node(doc, "Bangkok").ChildrenFiltered(".row").Find("a.exclude")
	if !sameURL(href(exclude), "/?q=flood&not_city=Hanoi&not_city=Bangkok") || exclude.Text() != "Exclude Bangkok" {
		t.Errorf("exclude Bangkok: %s %q", href(exclude), exclude.Text())
	}
	chip := doc.Find(".chips a.chip.not")
	if chip.Length() != 1 || !strings.Contains(chip.Text(), "City: not Hanoi") || !sameURL(href(chip), "/?q=flood") {
		t.Errorf("exclusion chip %q -> %s", chip.Text(), href(chip))
	}
	if badge := doc.Find("#facet-place .badge").Text(); badge != "1 excluded" {
		t.Errorf("badge %q", badge)
	}
	for _, form := range []string{"form.search", "form.sort", "form.year-range"} {
		if doc.Find(form+` input[name="not_city"][value="Hanoi"]`).Length() != 1 {
			t.Errorf("%s drops the exclusion", form)
		}
	}
}

func TestYearHistogram(t *testing.T) {
	ts := newTestServer(t)
	doc := ts.page(t, "/?q=flood")
	type want struct{ label, href, class string }
	var got []want
	doc.Find("#facet-year .bars li").Each(func(_ int, li *goquery.Selection) {
		a := li.Find("a.bar")
		got = append(got, want{strings.TrimSpace(a.Find(".visually-hidden").Text()), href(a), li.Find(".fill").AttrOr("class", "")})
	})
	wantBars := []want{
		{"2009: 4 documents", "/?q=flood&year=2009", "fill h6"},
		{"2010: 7 documents", "/?q=flood&year=2010", "fill h10"},
		{"", "", "fill h0"}, // 2011 has none: a gap, no link
		{"2012: 2 documents", "/?q=flood&year=2012", "fill h3"},
	}
	if len(got) != len(wantBars) {
		t.Fatalf("bars %+v, want %+v", got, wantBars)
	}
	for i, w := range wantBars {
		if got[i].label != w.label || got[i].class != w.class || (w.href != "" || got[i].href != "") && !sameURL(got[i].href, w.href) {
			t.Errorf("bar %d = %+v, want %+v", i, got[i], w)
		}
	}
	if axis := doc.Find("#facet-year .axis").Text(); axis != "20092012" {
		t.Errorf("axis %q", axis)
	}
	if p := doc.Find("#year_from").AttrOr("placeholder", ""); p != "2009" {
		t.Errorf("from placeholder %q", p)
	}
}

func TestYearRangeIsOneChip(t *testing.T) {
	ts := newTestServer(t)
	doc := ts.page(t, "/?q=flood&year_from=2009&year_to=2012")
	if got := ts.search.last(t).Filters["year"]; !slices.Equal(got, []string{"2009..2012"}) {
		t.Fatalf("years %q", got)
	}
	chips := doc.Find(".chips a.chip")
	if chips.Length() != 1 || !strings.Contains(chips.Text(), "Year: 2009–2012") || !sameURL(href(chips), "/?q=flood") {
		t.Errorf("chips %q -> %s", chips.Text(), href(chips))
	}
	bar := doc.Find(`#facet-year a.bar[title^="2010"]`)
	if !bar.HasClass("selected") || !sameURL(href(bar), "/?q=flood&year=2010") {
		t.Errorf("a year in the range: class %q, narrows to %s", bar.AttrOr("class", ""), href(bar))
	}
	if v := doc.Find("#year_to").AttrOr("value", ""); v != "2012" {
		t.Errorf("to input %q", v)
	}
}

func TestCursorPager(t *testing.T) {
	ts := newTestServer(t)
	ts.search.result.Next, ts.search.result.Prev = "newest.bmV4dA", "newest.cHJldg"
	tests := []struct {
		target, next, prev string
	}{
		{"/?q=flood", "/?q=flood&after=newest.bmV4dA&page=2", ""},
		{"/?q=flood&after=newest.eA&page=2", "/?q=flood&after=newest.bmV4dA&page=3", "/?q=flood"},
		{"/?q=flood&before=newest.eA&page=3", "/?q=flood&after=newest.bmV4dA&page=4", "/?q=flood&before=newest.cHJldg&page=2"},
	}
	for _, tt := range tests {
		doc := ts.page(t, tt.target)
		next, prev := doc.Find(`.pager a[rel="next"]`), doc.Find(`.pager a[rel="prev"]`)
		if !sameURL(href(next), tt.next) {
			t.Errorf("%s: next %s, want %s", tt.target, href(next), tt.next)
		}
		if tt.prev == "" && prev.Length() != 0 || tt.prev != "" && !sameURL(href(prev), tt.prev) {
			t.Errorf("%s: prev %s, want %s", tt.target, href(prev), tt.prev)
		}
		if page := doc.Find(`.pager a[href*="page=2"][aria-label="Page 2"]`); page.Length() == 1 && strings.Contains(href(page), "after=") {
			t.Errorf("%s: numbered page carries a cursor", tt.target)
		}
	}
	doc := ts.page(t, "/?q=flood&after=newest.eA&page=4000")
	if cur := doc.Find(`.pager a[aria-current="page"]`).Text(); cur != "4000" {
		t.Errorf("a page past the numbered ones shows as %q", cur)
	}
}

func TestExclusionEscapes(t *testing.T) {
	ts := newTestServer(t)
	body := ts.get(t, "/?q=x&not_city=%22%3E%3Cimg+src%3Dx+onerror%3Dalert(1)%3E&not_theme=%3Cscript%3Ealert(1)%3C%2Fscript%3E&not_kind=javascript:alert(1)").Body.String()
	assertEscaped(t, "search with exclusions", body)
}

// cursorRefuser fails every request with a cursor, as the engine does
// for a cursor made under another sort.
type cursorRefuser struct{ *fakeSearcher }

func (c cursorRefuser) Search(ctx context.Context, req search.Request) (*search.Result, error) {
	if req.After != "" || req.Before != "" {
		return nil, fmt.Errorf("%w: the page cursor is not valid", search.ErrBadRequest)
	}
	return c.fakeSearcher.Search(ctx, req)
}

func TestStaleCursorStartsOver(t *testing.T) {
	ts := newTestServer(t)
	ts.Server.Search = cursorRefuser{ts.search}
	ts.h = ts.Server.Handler()
	w := ts.get(t, "/?q=flood&sort=title&after=newest.eA&page=7")
	if w.Code != 200 || !strings.Contains(w.Body.String(), "the page position does not fit this search") {
		t.Errorf("status %d, no note", w.Code)
	}
	if req := ts.search.last(t); req.After != "" || req.Page != 1 || req.Query != "flood" || req.Sort != "title" {
		t.Errorf("retried with %+v", req)
	}
}

func TestReferenceHierarchy(t *testing.T) {
	h, err := referenceHierarchy()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ facet, value, upFacet, up string }{
		{"city", "Tokyo", "country", "Japan"},
		{"city", "Ho Chi Minh City", "country", "Vietnam"},
		{"country", "Japan", "region", "Eastern Asia"},
		{"theme", "Air quality", "theme", "Climate change and environment"},
	} {
		f, v, ok := h.parent(tt.facet, tt.value)
		if !ok || f != tt.upFacet || v != tt.up {
			t.Errorf("parent of %s %s = %s %s (%v), want %s %s", tt.facet, tt.value, f, v, ok, tt.upFacet, tt.up)
		}
	}
	if _, _, ok := h.parent("region", "Eastern Asia"); ok {
		t.Error("a region has a parent")
	}
}
