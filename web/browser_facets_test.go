package web

import (
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"casebook/data"
	"casebook/search"
	"casebook/web/browsertest"
)

// locationQuery is the page's URL query.
func locationQuery(t *testing.T, b *browsertest.Browser) url.Values {
	t.Helper()
	loc, err := url.Parse(browsertest.Run(t, b, chromedp.Location()))
	if err != nil {
		t.Fatal(err)
	}
	return loc.Query()
}

func TestBrowserExcludeAndTree(t *testing.T) {
	b := browsertest.New(t)
	ts := newTestServer(t)
	ts.search.result.Facets = placeFacets()
	srv := httptest.NewServer(ts.h)
	defer srv.Close()

	b.Do(t, chromedp.Navigate(srv.URL+"/?q=flood"), chromedp.WaitVisible(chromedp.CSS(`a.exclude[href*="not_city=Bangkok"]`)))
	browsertest.AssertPageSafe(t, b)
	b.Do(t, chromedp.Click(chromedp.CSS(`a.exclude[href*="not_city=Bangkok"]`)), chromedp.WaitVisible(chromedp.CSS(`a.chip.not`)))
	if q := locationQuery(t, b); q.Get("not_city") != "Bangkok" || q.Get("q") != "flood" {
		t.Errorf("after exclude: %v", q)
	}
	if chip := browsertest.Run(t, b, chromedp.Text(chromedp.CSS("a.chip.not"))); !strings.Contains(chip, "City: not Bangkok") {
		t.Errorf("chip %q", chip)
	}
	browsertest.AssertPageSafe(t, b)

	// The region above Bangkok, two levels up the tree, selects too.
	b.Do(t, chromedp.Click(chromedp.CSS(`a.value[href*="region=South-Eastern"]`)), chromedp.WaitVisible(chromedp.CSS(`a.value.selected[href*="not_city=Bangkok"]`)))
	if q := locationQuery(t, b); q.Get("region") != "South-Eastern Asia" || q.Get("not_city") != "Bangkok" {
		t.Errorf("after region: %v", q)
	}
	browsertest.AssertPageSafe(t, b)

	// Removing the exclusion chip keeps the region.
	b.Do(t, chromedp.Click(chromedp.CSS(`a.chip.not`)), chromedp.WaitVisible(chromedp.CSS(`a.exclude[href*="not_city=Bangkok"]`)))
	if q := locationQuery(t, b); q.Has("not_city") || q.Get("region") != "South-Eastern Asia" {
		t.Errorf("after removing the chip: %v", q)
	}
	browsertest.AssertPageSafe(t, b)
}

func TestBrowserYearHistogramAndRange(t *testing.T) {
	b := browsertest.New(t)
	ts := newTestServer(t)
	srv := httptest.NewServer(ts.h)
	defer srv.Close()

	b.Do(t, chromedp.Navigate(srv.URL+"/?q=flood"), chromedp.WaitVisible(chromedp.CSS(`a.bar[title^="2010"]`)))
	b.Do(t, chromedp.Click(chromedp.CSS(`a.bar[title^="2010"]`)), chromedp.WaitVisible(chromedp.CSS(`a.bar.selected[title^="2010"]`)))
	if q := locationQuery(t, b); q.Get("year") != "2010" {
		t.Errorf("after bar: %v", q)
	}
	browsertest.AssertPageSafe(t, b)

	b.Do(t,
		chromedp.SetValue(chromedp.ID("year_from"), "2009"),
		chromedp.SetValue(chromedp.ID("year_to"), "2012"),
		chromedp.Click(chromedp.CSS(`form.year-range button`)),
		chromedp.WaitVisible(chromedp.CSS(`a.chip[href]`)),
	)
	q := locationQuery(t, b)
	if q.Get("year_from") != "2009" || q.Get("year_to") != "2012" || q.Get("q") != "flood" {
		t.Errorf("after range: %v", q)
	}
	chips := browsertest.Run(t, b, chromedp.Evaluate[[]string](`[...document.querySelectorAll("a.chip")].map(a => a.textContent)`))
	if len(chips) != 1 || !strings.Contains(chips[0], "Year: 2009–2012") {
		t.Errorf("chips %q, want one for the range", chips)
	}
	browsertest.AssertPageSafe(t, b)
}

// visibleLabels lists the place values a user can see.
const visibleLabels = `[...document.querySelectorAll("#facet-place li")].filter(li => li.checkVisibility())
  .map(li => li.querySelector(":scope > .row .label").textContent)`

func TestBrowserFilterPlaces(t *testing.T) {
	b := browsertest.New(t)
	ts := newTestServer(t)
	ts.search.result.Facets = placeFacets()
	srv := httptest.NewServer(ts.h)
	defer srv.Close()

	b.Do(t,
		chromedp.Navigate(srv.URL+"/?q=flood"),
		chromedp.WaitVisible(chromedp.CSS(`#facet-place .facet-filter`)),
		chromedp.SendKeys(chromedp.CSS(`#facet-place .facet-filter`), "tok"),
		chromedp.WaitVisible(chromedp.CSS(`#facet-place .filter-status`)),
	)
	if got := browsertest.Run(t, b, chromedp.Evaluate[[]string](visibleLabels)); !slices.Equal(got, []string{"Eastern Asia", "Japan", "Tokyo"}) {
		t.Errorf("after typing tok: %q", got)
	}
	if s := browsertest.Run(t, b, chromedp.Text(chromedp.CSS(`#facet-place .filter-status`))); s != "1 match" {
		t.Errorf("status %q", s)
	}
	label := browsertest.Run(t, b, chromedp.Evaluate[string](`document.querySelector("#facet-place .facet-filter").labels.length + document.querySelector("#facet-place .facet-filter").getAttribute("aria-label")`))
	if label != "0Filter places" {
		t.Errorf("filter box name %q", label)
	}
	b.Do(t,
		chromedp.Click(chromedp.CSS(`#facet-place a.value[href*="city=Tokyo"]`)),
		chromedp.WaitVisible(chromedp.CSS(`a.chip[href]`)),
	)
	if q := locationQuery(t, b); q.Get("city") != "Tokyo" {
		t.Errorf("after picking the match: %v", q)
	}
	if n := len(browsertest.Run(t, b, chromedp.Evaluate[[]string](visibleLabels))); n != 12 {
		t.Errorf("%d places shown on the next page, want all 12", n)
	}
	browsertest.AssertPageSafe(t, b)

	// Without JavaScript there is no box, and every place is a link.
	if _, err := chromedp.Call(b.Ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	b.Do(t, chromedp.Navigate(srv.URL+"/?q=flood"), chromedp.WaitVisible(chromedp.CSS(`a.value[href*="city=Tokyo"]`)))
	if n := browsertest.Run(t, b, chromedp.Evaluate[int](`document.querySelectorAll(".facet-filter").length`)); n != 0 {
		t.Errorf("%d filter boxes without JavaScript", n)
	}
	if n := len(browsertest.Run(t, b, chromedp.Evaluate[[]string](visibleLabels))); n != 12 {
		t.Errorf("%d places shown without JavaScript, want 12", n)
	}
}

// TestBrowserFollowNext pages through a real index by its Next links
// while documents are added between pages, before and after the
// cursor: every first document is shown once, none twice.
func TestBrowserFollowNext(t *testing.T) {
	b := browsertest.New(t)
	dir := t.TempDir()
	st, err := data.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ix, err := search.Open(filepath.Join(dir, "index"))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	var first []string
	for i := range 12 {
		first = append(first, putDoc(t, st, fmt.Sprintf("doc-%02d", i), 2000+i))
	}
	apply(t, ix, st)
	s, err := NewServer(ix, st, slog.New(slog.NewTextHandler(io.Discard, nil)), "test")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()

	b.Do(t, chromedp.Navigate(srv.URL+"/?sort=oldest&size=5"), chromedp.WaitVisible(chromedp.CSS("li.hit")))
	var seen []string
	for page := 1; ; page++ {
		seen = append(seen, browsertest.Run(t, b, chromedp.Evaluate[[]string](`[...document.querySelectorAll("li.hit h3 a")].map(a => a.textContent)`))...)
		browsertest.AssertPageSafe(t, b)
		if n := browsertest.Run(t, b, chromedp.Evaluate[int](`document.querySelectorAll('a[rel="next"]').length`)); n == 0 || page > 10 {
			break
		}
		putDoc(t, st, fmt.Sprintf("early-%d", page), 1990+page) // before the cursor: not shown
		putDoc(t, st, fmt.Sprintf("late-%d", page), 2030+page)  // after it: shown later
		apply(t, ix, st)
		b.Do(t, chromedp.Click(chromedp.CSS(`a[rel="next"]`)), chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf(`.pager a[aria-current="page"][aria-label^="Page %d,"]`, page+1))))
		if q := locationQuery(t, b); q.Get("after") == "" {
			t.Fatalf("Next without a cursor: %v", q)
		}
	}
	var old []string
	for _, title := range seen {
		if strings.HasPrefix(title, "Early") {
			t.Errorf("%s, added before the cursor, shown", title)
		}
		if strings.HasPrefix(title, "Doc") {
			old = append(old, title)
		}
	}
	if !slices.Equal(old, first) {
		t.Errorf("first documents shown %q, want each once in order %q", old, first)
	}
	if !slices.ContainsFunc(seen, func(s string) bool { return strings.HasPrefix(s, "Late") }) {
		t.Errorf("no document added after the cursor shown: %q", seen)
	}
}

// putDoc stores a report titled after its id and returns the title.
func putDoc(t *testing.T, st *data.Store, id string, year int) string {
	t.Helper()
	d := &data.Document{ID: id, Title: strings.ToUpper(id[:1]) + id[1:], Kind: data.KindReport, Year: year, Source: "test/" + id, Body: "text of " + id}
	if _, err := st.PutDocument(d, []byte(d.Body)); err != nil {
		t.Fatal(err)
	}
	return d.Title
}

func apply(t *testing.T, ix *search.Index, st *data.Store) {
	t.Helper()
	if _, err := ix.Apply(st); err != nil {
		t.Fatal(err)
	}
}
