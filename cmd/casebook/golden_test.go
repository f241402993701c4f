package main

import (
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// golden are realistic queries of officials and researchers on the
// bundled sample, each with the documents (by the end of their source
// path) that must be in the top 5. The answers were chosen by reading the
// sample, before running the queries.
var golden = []struct {
	q    string
	want []string
}{
	{"flood control", []string{"200907.html#a3", "201305/1.html"}},
	{"waste recycling training Bangkok", []string{"2009-bangkok-waste-recycling-training.md", "200903.html#a1"}},
	{"tuberculosis survey", []string{"2008-joint-tuberculosis-survey.md", "2010-joint-tuberculosis-survey-results.txt"}},
	{"バンコク 下水", []string{"japanese/newsletter/200901.html#a2", "2010-bangkok-sewerage-training-ja.txt"}},
	{"air pollution Ulaanbaatar", []string{"2012-ulaanbaatar-ger-district-air.md"}},
	{"compressed natural gas Delhi", []string{"2006-delhi-cng-air-quality.md"}},
	{"Commonwealth Games", []string{"2010-delhi-commonwealth-games.md", "201011/2.html"}},
	{"non-revenue water", []string{"2013-district-metered-area-pilot.md"}},
	{"septic tank desludging", []string{"2013-manila-septage-sewerage.md"}},
	{"river restoration", []string{"2015-kuala-lumpur-river-of-life.md"}},
	{"SME business matchmaking", []string{"2008-sme-matchmaking-platform-report.txt", "2011-taipei-sme-matchmaking.md"}},
	{"tsunami emergency information sharing", []string{"2005-crisis-management-network-tsunami.md"}},
	{"tabletop exercise", []string{"2006-crisis-management-tabletop-exercise-seoul.txt"}},
	{"extreme heat", []string{"2025-g-nets-extreme-heat-exchange.md"}},
	{"SARS", []string{"2003-beijing-sars-exchange.md"}},
	{"youth football tournament", []string{"2010-u14-football-tournament-tokyo.md", "201011/3.html"}},
	{"performing arts festival", []string{"2005-performing-arts-festival-folk-dance.md", "200901.html#a3"}},
	{"joint tourism promotion", []string{"2007-welcome-to-asia-campaign-report.txt"}},
	{"U20 communique", []string{"2019-u20-mayors-summit-communique.md", "2019-u20-communique-follow-up.txt"}},
	{"recovery after COVID-19", []string{"2022-post-covid-recovery-city-exchange.txt", "2021-sustainable-recovery-tokyo-forum.md"}},
	{"サステナブル・リカバリー", []string{"2021-sustainable-recovery-tokyo-forum-ja.txt"}},
	{"water supply course follow-up survey", []string{"2011-staff-capacity-water-supply-follow-up.txt"}},
	{"emergency medical services training", []string{"2013-staff-capacity-medical-care-course.txt", "200911.html#a1"}},
	{"busway Jakarta", []string{"200911.html#a3"}},
	{"Rangoon water pipes", []string{"201207/4.html"}},
	{"NEWater", []string{"200911.html#a4"}},
	{"Tomsk new member city", []string{"201207/2.html", "2012-tomsk-science-city-joins.md"}},
	{"earthquake-resistant urban planning", []string{"200907.html#a1"}},
	{"sewer pipe renewal without digging", []string{"201305/4.html"}},
	{"ハノイ タンロン", []string{"japanese/newsletter/200901.html#a4"}},
	{"Jakarta MRT", []string{"201603/2.html"}},
	{"Thang Long heritage", []string{"2010-hanoi-thang-long-millennium.md"}},
	{"ANMC21 review 2014", []string{"2014-anmc21-review-transition.md"}},
	{"Krung Thep flood", []string{"201305/1.html"}},
}

// TestGoldenQueries runs the golden set over HTTP against serve on the
// sample and fails for every expected document not in a query's top 5.
func TestGoldenQueries(t *testing.T) {
	base := runServe(t, t.TempDir())
	missed := 0
	for _, g := range golden {
		var res apiResult
		getJSON(t, base+"/api/v1/search?"+url.Values{"q": {g.q}, "size": {"5"}}.Encode(), &res)
		var got []string
		for _, h := range res.Hits {
			got = append(got, h.Source)
		}
		for _, w := range g.want {
			found := false
			for _, s := range got {
				found = found || strings.HasSuffix(s, w)
			}
			if !found {
				missed++
				t.Errorf("%q: %s not in the top 5 %q", g.q, w, got)
			}
		}
	}
	t.Logf("%d golden queries, %d expected documents missed", len(golden), missed)
}

// TestServeStaffSynonyms: a synonyms.txt the staff put in the data folder
// is used by serve's searches.
func TestServeStaffSynonyms(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, SynonymsFile), []byte("ger, yurt\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	base := runServe(t, dir)
	var res apiResult
	getJSON(t, base+"/api/v1/search?q=yurt", &res)
	if len(res.Hits) == 0 || !strings.HasSuffix(res.Hits[0].Source, "2012-ulaanbaatar-ger-district-air.md") {
		t.Errorf("yurt: %+v", res.Hits)
	}
}

// TestServeCityInAnyScript: a city chosen by another of its names in the
// address (バンコク, Rangoon) selects or excludes the city's facet value,
// on the API and on the page, as city: does in the query.
func TestServeCityInAnyScript(t *testing.T) {
	base := runServe(t, t.TempDir())
	for typed, city := range map[string]string{"バンコク": "Bangkok", "Rangoon": "Yangon", "bangkok": "Bangkok"} {
		var res apiResult
		getJSON(t, base+"/api/v1/search?"+url.Values{"city": {typed}}.Encode(), &res)
		if res.Total == 0 {
			t.Errorf("city=%s: no hits", typed)
		}
		for _, h := range res.Hits {
			if !slices.Contains(h.Cities, city) {
				t.Errorf("city=%s: hit %q has cities %q", typed, h.Title, h.Cities)
			}
		}
		selected := ""
		for _, v := range res.Facets["city"] {
			if v.Selected {
				selected += v.Value + ";"
			}
		}
		if selected != city+";" {
			t.Errorf("city=%s: selected %q, want %s", typed, selected, city)
		}
	}
	var res apiResult
	getJSON(t, base+"/api/v1/search?size=100&"+url.Values{"not_city": {"バンコク"}}.Encode(), &res)
	for _, h := range res.Hits {
		if slices.Contains(h.Cities, "Bangkok") {
			t.Errorf("not_city=バンコク: hit %q is about Bangkok", h.Title)
		}
	}
	resp, err := http.Get(base + "/?city=Rangoon")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	page, _ := io.ReadAll(resp.Body)
	if strings.Contains(string(page), "Rangoon") || !strings.Contains(string(page), "Yangon") {
		t.Errorf("city=Rangoon: the page should show and link Yangon, not Rangoon")
	}
}
