package web

import (
	"context"
	"errors"
	"html"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"
)

func TestSearchPageParams(t *testing.T) {
	ts := newTestServer(t)
	w := ts.get(t, "/?q=flood&city=Bangkok&city=Hanoi&year=2009..2012&size=500&page=2")
	if w.Code != http.StatusOK {
		t.Fatalf("status %d", w.Code)
	}
	req := ts.search.last(t)
	if req.Query != "flood" || req.Page != 2 || req.Size != MaxSize {
		t.Errorf("request = %+v", req)
	}
	if got := req.Filters["city"]; !reflect.DeepEqual(got, []string{"Bangkok", "Hanoi"}) {
		t.Errorf("cities = %q", got)
	}
	if got := req.Filters["year"]; !reflect.DeepEqual(got, []string{"2009..2012"}) {
		t.Errorf("years = %q", got)
	}
}

func TestSearchPageIgnoresBadValues(t *testing.T) {
	ts := newTestServer(t)
	w := ts.get(t, "/?q=flood&page=abc&sort=bogus&year=20x9")
	if w.Code != http.StatusOK {
		t.Fatalf("status %d", w.Code)
	}
	body := w.Body.String()
	for _, want := range []string{"were not understood", "page &#34;abc&#34;", "sort &#34;bogus&#34;", "year &#34;20x9&#34;"} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if req := ts.search.last(t); req.Page != 1 || req.Sort != "relevance" || len(req.Filters) != 0 {
		t.Errorf("request = %+v", req)
	}
}

// sameURL reports whether two URLs have the same path and parameters,
// values of one parameter in the same order.
func sameURL(got, want string) bool {
	g, err1 := url.Parse(got)
	w, err2 := url.Parse(want)
	return err1 == nil && err2 == nil && g.Path == w.Path && reflect.DeepEqual(g.Query(), w.Query())
}

// hrefs returns the unescaped href of every link whose text contains label.
func hrefs(body, label string) []string {
	var out []string
	for _, part := range strings.Split(body, "<a ")[1:] {
		end := strings.Index(part, "</a>")
		if end < 0 || !strings.Contains(part[:end], label) {
			continue
		}
		_, rest, ok := strings.Cut(part, `href="`)
		if !ok {
			continue
		}
		href, _, _ := strings.Cut(rest, `"`)
		out = append(out, html.UnescapeString(href))
	}
	return out
}

func TestFacetLinksToggle(t *testing.T) {
	ts := newTestServer(t)
	body := ts.get(t, "/?q=flood&city=Hanoi&page=2").Body.String()

	add := hrefs(body, `<span class="label">Bangkok</span>`)
	if len(add) != 1 || !sameURL(add[0], "/?q=flood&city=Hanoi&city=Bangkok") {
		t.Errorf("add Bangkok link = %q", add)
	}
	remove := hrefs(body, `<span class="label">Hanoi</span>`)
	if len(remove) != 1 || !sameURL(remove[0], "/?q=flood") {
		t.Errorf("remove Hanoi link = %q", remove)
	}
	if !strings.Contains(body, `class="value selected"`) {
		t.Error("Hanoi not shown as selected")
	}
	for _, h := range append(add, remove...) {
		if strings.Contains(h, "page=") {
			t.Errorf("facet link keeps the page: %s", h)
		}
	}
}

func TestChipsAndClear(t *testing.T) {
	ts := newTestServer(t)
	body := ts.get(t, "/?q=flood&city=Bangkok&city=Hanoi&year=2009..2012").Body.String()
	chip := hrefs(body, "City: Bangkok")
	if len(chip) != 1 || !sameURL(chip[0], "/?q=flood&city=Hanoi&year=2009..2012") {
		t.Errorf("Bangkok chip = %q", chip)
	}
	if got := hrefs(body, "Year: 2009–2012"); len(got) != 1 || strings.Contains(got[0], "year") {
		t.Errorf("year range chip = %q", got)
	}
	if got := hrefs(body, "Clear all"); len(got) != 1 || got[0] != "/?q=flood" {
		t.Errorf("clear all = %q", got)
	}
	if !strings.Contains(body, "24 documents") {
		t.Error("no total")
	}
	if !strings.Contains(body, `value="2009"`) || !strings.Contains(body, `value="2012"`) {
		t.Error("year range inputs not filled from the range")
	}
}

func TestPagination(t *testing.T) {
	ts := newTestServer(t)
	body := ts.get(t, "/?q=flood&page=2").Body.String()
	checks := map[string]string{
		"← Previous": "/?q=flood",
		"Next →":     "/?q=flood&page=3",
	}
	for label, want := range checks {
		if got := hrefs(body, label); len(got) != 1 || !sameURL(got[0], want) {
			t.Errorf("%s = %q, want %s", label, got, want)
		}
	}
	if !strings.Contains(body, `aria-current="page" aria-label="Page 2, current page"`) {
		t.Error("current page not marked")
	}
	if !strings.Contains(body, `href="/?page=3&amp;q=flood" aria-label="Page 3"`) {
		t.Error("no link to page 3")
	}
	if strings.Contains(body, "Page 4") {
		t.Error("24 hits in pages of 10 have no page 4")
	}
}

func TestSortFormKeepsState(t *testing.T) {
	ts := newTestServer(t)
	body := ts.get(t, "/?q=flood&city=Bangkok&sort=newest&page=2").Body.String()
	form := body[strings.Index(body, `<form class="sort"`):]
	form = form[:strings.Index(form, "</form>")]
	for _, want := range []string{`name="q" value="flood"`, `name="city" value="Bangkok"`, `<option value="newest" selected>`} {
		if !strings.Contains(form, want) {
			t.Errorf("sort form lacks %s", want)
		}
	}
	if strings.Contains(form, `name="page"`) || strings.Contains(form, `name="sort" value`) {
		t.Error("sort form carries page or the old sort")
	}
}

func TestZeroResults(t *testing.T) {
	ts := newTestServer(t)
	ts.search.result.Total, ts.search.result.Hits = 0, nil
	body := ts.get(t, "/?q=zzz&city=Bangkok").Body.String()
	if !strings.Contains(body, "No documents found") {
		t.Error("no zero-results message")
	}
	if got := hrefs(body, "Search again without filters"); len(got) != 1 || got[0] != "/?q=zzz" {
		t.Errorf("drop filters link = %q", got)
	}
}

func TestAutofocusOnlyWithoutQuery(t *testing.T) {
	ts := newTestServer(t)
	if !strings.Contains(ts.get(t, "/").Body.String(), "autofocus") {
		t.Error("empty page has no autofocus")
	}
	if strings.Contains(ts.get(t, "/?q=flood").Body.String(), "autofocus") {
		t.Error("results page steals focus")
	}
}

func TestSearchErrors(t *testing.T) {
	ts := newTestServer(t)
	ts.search.err = errors.New("index exploded at /var/secret")
	w := ts.get(t, "/?q=x")
	if w.Code != http.StatusInternalServerError || strings.Contains(w.Body.String(), "secret") {
		t.Errorf("status %d, body leaks internals: %v", w.Code, strings.Contains(w.Body.String(), "secret"))
	}
	if !strings.Contains(ts.logs.String(), "index exploded") {
		t.Error("500 not logged")
	}
	ts.search.err = context.DeadlineExceeded
	w = ts.get(t, "/?q=x")
	if w.Code != http.StatusServiceUnavailable || !strings.Contains(w.Body.String(), "took too long") {
		t.Errorf("deadline: status %d", w.Code)
	}
}
