package web

import (
	"net/http"
	"strings"
	"testing"

	"casebook/data"
)

// visibilityDocs: a public and an internal document about Bangkok, an
// internal city of its own (Ulaanbaatar), and a newsletter issue with a
// public and an internal article, plus an internal issue.
func visibilityDocs() []*data.Document {
	tags := func(cities ...string) []data.Tag {
		var ts []data.Tag
		for _, c := range cities {
			ts = append(ts, data.Tag{Facet: data.FacetCity, Value: c, Origin: data.OriginSource})
		}
		return append(ts, data.Tag{Facet: data.FacetTheme, Value: "Waste and recycling", Origin: data.OriginSource})
	}
	issue := &data.Issue{ID: "iss1", Key: "200901", Label: "Inaugural Issue"}
	article := func(id, title string, pos int, vis string) *data.Document {
		return &data.Document{ID: id, Title: title, Kind: data.KindNewsletterArticle, Lang: "en", Year: 2009, Visibility: vis,
			Body: title + ": recycling in Bangkok.", Source: "news/200901/index.html#" + id, Tags: tags("Bangkok"),
			Issue: &data.Issue{ID: "iss1", Key: "200901", Position: pos}}
	}
	return []*data.Document{
		{ID: "pub1", Title: "Recycling in Bangkok", Kind: data.KindReport, Lang: "en", Year: 2009,
			Body: "Bangkok sorted its waste for recycling.", Source: "r/pub1.txt", Tags: tags("Bangkok")},
		{ID: "int1", Title: "Ulaanbaatar confidential recycling plan", Kind: data.KindReport, Lang: "en", Year: 2009, Visibility: data.VisibilityInternal,
			Body: "Confidential: recycling plan for Bangkok and Ulaanbaatar.", Source: "r/int1.txt", Tags: tags("Bangkok", "Ulaanbaatar")},
		{ID: "iss1", Title: "Inaugural Issue", Kind: data.KindNewsletterIssue, Lang: "en", Year: 2009, Body: "Contents.", Source: "news/200901/index.html", Issue: issue},
		article("art-pub", "Sorting in Hanoi", 1, ""),
		article("art-int", "Confidential memo on landfill", 2, data.VisibilityInternal),
		{ID: "iss-int", Title: "Secret Issue", Kind: data.KindNewsletterIssue, Lang: "en", Year: 2009, Body: "Contents.", Source: "news/200902/index.html",
			Visibility: data.VisibilityInternal, Issue: &data.Issue{Key: "200902", Label: "Second Issue"}},
	}
}

// TestInternalDocumentsHiddenFromThePublic walks every way a document
// reaches a reader: search hits and each facet count, the JSON API,
// suggestions, related documents, the document page, its original and
// the issue page. Anonymous requests never see the internal ones; a
// logged-in reader does.
func TestInternalDocumentsHiddenFromThePublic(t *testing.T) {
	ss := newStaffServer(t)
	ss.put(t, visibilityDocs()...)
	reader := ss.user(t, "rita", data.RoleReader)
	secrets := []string{"Ulaanbaatar", "onfidential", "int1", "art-int", "Secret Issue"}

	pages := []string{
		"/", "/?q=recycling", "/?q=confidential", "/?city=Bangkok", "/?city=Ulaanbaatar", "/?year=2009&kind=report",
		"/?q=recycling&not_city=Hanoi", "/api/v1/search?q=recycling", "/api/v1/search?city=Bangkok",
		"/api/v1/suggest?q=ulaan", "/api/v1/suggest?q=confidential", "/api/v1/suggest?q=bangk",
		"/doc/pub1", "/issue/iss1",
	}
	for _, p := range pages {
		w := ss.get(p, nil)
		if w.Code != http.StatusOK {
			t.Errorf("GET %s: %d", p, w.Code)
			continue
		}
		for _, s := range secrets {
			// A query echoed back in the page is the user's own words.
			if strings.Contains(w.Body.String(), s) && !strings.Contains(strings.ToLower(p), strings.ToLower(s)) {
				t.Errorf("anonymous GET %s shows %q", p, s)
			}
		}
	}
	for _, p := range []string{"/doc/int1", "/doc/int1/original", "/issue/iss-int", "/doc/art-int"} {
		if w := ss.get(p, nil); w.Code != http.StatusNotFound {
			t.Errorf("anonymous GET %s: %d, want 404", p, w.Code)
		}
		if w := ss.get(p, reader); w.Code != http.StatusOK {
			t.Errorf("reader GET %s: %d, want 200", p, w.Code)
		}
	}
	// Counts: the public's facets count the public documents only.
	pub := ss.get("/api/v1/search?city=Bangkok", nil).Body.String()
	mustContain(t, "public API", pub, `"total":2`, `{"value":"Bangkok","count":2,"selected":true}`, `{"value":"2009","count":2`)
	in := ss.get("/api/v1/search?city=Bangkok", reader).Body.String()
	mustContain(t, "reader API", in, `"total":4`, `{"value":"Bangkok","count":4,"selected":true}`, `{"value":"2009","count":4`)
	// The reader sees them everywhere.
	for p, want := range map[string]string{
		"/?q=confidential":               "Ulaanbaatar confidential recycling plan",
		"/api/v1/suggest?q=ulaan":        `"label":"Ulaanbaatar"`,
		"/?q=recycling":                  `<span class="label">Ulaanbaatar</span><span class="count">1</span>`,
		"/issue/iss1":                    "Confidential memo on landfill",
		"/doc/pub1":                      "Ulaanbaatar confidential recycling plan", // related
		"/api/v1/suggest?q=confidential": `"kind":"title"`,
	} {
		mustContain(t, "reader GET "+p, ss.get(p, reader).Body.String(), want)
	}
}
