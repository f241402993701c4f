package web

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"casebook/data"
	"casebook/search"
)

// floodDoc is an ordinary document with a detected and a source city.
func floodDoc() *data.Document {
	return &data.Document{
		ID: "flood1", Title: "Flood drills", Summary: "Drills along the canals.", Kind: data.KindReport, Lang: "en", Year: 2011,
		Body: "The city ran flood drills along its canals every monsoon.", Source: "reports/flood.txt", Hash: "",
		Tags: []data.Tag{
			{Facet: data.FacetCity, Value: "Tokyo", Origin: data.OriginDetected, Score: 3, Evidence: `body: "Tokyo" x3`},
			{Facet: data.FacetCity, Value: "Bangkok", Origin: data.OriginSource, Evidence: "front matter"},
			{Facet: data.FacetTheme, Value: "Disaster and crisis management", Origin: data.OriginDetected, Score: 9, Evidence: "flood x5"},
		},
	}
}

// editForm posts what the edit page shows with changes applied.
func (ss *staffServer) postEdit(t *testing.T, id string, change func(url.Values), c *http.Cookie) *http.Response {
	t.Helper()
	doc, err := ss.store.Document(id)
	if err != nil {
		t.Fatal(err)
	}
	f := formOf(doc)
	v := url.Values{"title": {f.Title}, "summary": {f.Summary}, "kind": {f.Kind}, "year": {f.Year}, "visibility": {f.Visibility}}
	for _, c := range f.Cities {
		v.Add("city", c.Value)
		v.Add("city_shown", c.Value)
	}
	for _, th := range f.Themes {
		v.Add("theme", th.Value)
		v.Add("theme_shown", th.Value)
	}
	change(v)
	return ss.postForm(editURL(id), v, c).Result()
}

// TestEdit: the edit page shows the machine's tags with their evidence;
// saving stores corrections by the user, writes an audit entry with the
// document before and after, and the index follows at once.
func TestEdit(t *testing.T) {
	ss := newStaffServer(t)
	ss.put(t, floodDoc())
	staff := ss.user(t, "sam", data.RoleStaff)
	page := ss.get("/doc/flood1/edit", staff)
	if page.Code != http.StatusOK {
		t.Fatalf("GET edit: %d", page.Code)
	}
	mustContain(t, "edit page", page.Body.String(), `value="Flood drills"`, `body: &#34;Tokyo&#34; x3`, `<span class="origin detected">detected</span>`,
		`name="city" value="Tokyo" checked`, `name="city_shown" value="Tokyo"`, `action="/doc/flood1/delete"`)

	res := ss.postEdit(t, "flood1", func(v url.Values) {
		v.Set("title", "Flood drills in  Bangkok")
		v["city"] = []string{"Bangkok"} // Tokyo unticked
		v.Set("add_cities", "Rangoon, ハノイ")
		v.Set("add_theme", "Transport")
		v.Set("visibility", "internal")
		v.Set("year", "2012")
	}, staff)
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/doc/flood1/edit?saved=1" {
		t.Fatalf("POST edit: %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	doc, _ := ss.store.Document("flood1")
	if doc.Title != "Flood drills in Bangkok" || !doc.Internal() || doc.Year != 2012 ||
		!slices.Equal(doc.Cities(), []string{"Bangkok", "Yangon", "Hanoi"}) || !slices.Contains(doc.Themes(), "Transport") {
		t.Errorf("after edit: %q %q %d %v %v", doc.Title, doc.Visibility, doc.Year, doc.Cities(), doc.Themes())
	}
	cs, _ := ss.store.Corrections("flood1")
	if len(cs) != 7 || cs[0].By != "sam" {
		t.Errorf("corrections = %+v", cs)
	}
	entries, _ := ss.store.Audit(0, 1)
	if len(entries) != 1 || entries[0].Action != data.ActionDocEdit || entries[0].Actor != "sam" || entries[0].Target != "flood1" {
		t.Fatalf("audit = %+v", entries)
	}
	var before, after struct{ Title, Visibility string }
	json.Unmarshal(entries[0].Before, &before)
	json.Unmarshal(entries[0].After, &after)
	if before.Title != "Flood drills" || after.Title != "Flood drills in Bangkok" || before.Visibility != "public" || after.Visibility != "internal" {
		t.Errorf("audit before %+v after %+v", before, after)
	}
	// The index has it: staff find it by the new city, the public no more.
	res2, err := ss.index.Search(t.Context(), search.Request{Filters: map[string][]string{search.FacetCity: {"Yangon"}}, Internal: true})
	if err != nil || res2.Total != 1 {
		t.Errorf("index after edit: %v %v", res2, err)
	}
	if pub, _ := ss.index.Search(t.Context(), search.Request{Query: "flood"}); pub.Total != 0 {
		t.Errorf("public still finds the now internal document: %d", pub.Total)
	}
	saved := ss.get("/doc/flood1/edit?saved=1", staff).Body.String()
	mustContain(t, "saved page", saved, "Saved.", "removed city Tokyo, by sam", "added city Yangon, by sam")
}

// TestEditRefusals: a bad form is shown again with reasons and nothing
// saved; a stale form does not remove a tag it never showed; only staff
// may edit.
func TestEditRefusals(t *testing.T) {
	ss := newStaffServer(t)
	ss.put(t, floodDoc())
	staff := ss.user(t, "sam", data.RoleStaff)
	reader := ss.user(t, "rita", data.RoleReader)
	res := ss.postEdit(t, "flood1", func(v url.Values) {
		v.Set("title", "  ")
		v.Set("add_cities", "Atlantis")
		v.Set("kind", "memo")
		v.Set("year", "")
	}, staff)
	if res.StatusCode != http.StatusBadRequest {
		t.Errorf("bad form: %d", res.StatusCode)
	}
	if cs, _ := ss.store.Corrections("flood1"); len(cs) != 0 {
		t.Errorf("a refused form saved %+v", cs)
	}
	// Someone adds Hanoi; a form opened before (no Hanoi shown) keeps it.
	ss.store.Edit("kim", "flood1", []data.Correction{{Facet: data.FacetCity, Value: "Hanoi", By: "kim"}})
	ss.postForm(editURL("flood1"), url.Values{"title": {"Flood drills"}, "summary": {"Drills along the canals."}, "kind": {data.KindReport},
		"year": {"2011"}, "visibility": {"public"}, "city": {"Tokyo", "Bangkok"}, "city_shown": {"Tokyo", "Bangkok"},
		"theme": {"Disaster and crisis management"}, "theme_shown": {"Disaster and crisis management"}}, staff)
	if doc, _ := ss.store.Document("flood1"); !slices.Contains(doc.Cities(), "Hanoi") {
		t.Errorf("a stale form removed a city it did not show: %v", doc.Cities())
	}
	for _, c := range []struct {
		cookie *http.Cookie
		want   int
	}{{nil, http.StatusUnauthorized}, {reader, http.StatusForbidden}} {
		if w := ss.postForm(editURL("flood1"), url.Values{"title": {"x"}}, c.cookie); w.Code != c.want {
			t.Errorf("POST edit as %v: %d, want %d", c.cookie, w.Code, c.want)
		}
	}
	if w := ss.get("/doc/nope/edit", staff); w.Code != http.StatusNotFound {
		t.Errorf("edit of an unknown document: %d", w.Code)
	}
	if !strings.Contains(ss.get("/doc/flood1/edit", staff).Body.String(), "added city Hanoi, by kim") {
		t.Error("edit page does not list the other user's correction")
	}
}
