package enrich

import (
	"slices"
	"testing"

	"casebook/data"
)

func TestEventYearsKeptApart(t *testing.T) {
	e := testEnricher(t)
	doc := &data.Document{
		Title:  "Report on the sewerage course",
		Source: "reports/2010-sewerage.txt",
		Body:   "The course ran from February 16 to 20, 2009. A follow-up visit came in March 2009, and the next course is planned for May 2011.",
	}
	e.Enrich(doc, nil)
	if doc.Year != 2010 {
		t.Errorf("publication year %d, want 2010 from the path", doc.Year)
	}
	if got := doc.Meta["event_years"]; !slices.Equal(got, []string{"2009", "2011"}) {
		t.Errorf("event years %v, want [2009 2011]", got)
	}
	e.Enrich(doc, nil) // again: no duplicates, the same answer
	if got := doc.Meta["event_years"]; len(got) != 2 {
		t.Errorf("after a second run: %v", got)
	}
}

func TestOtherLanguage(t *testing.T) {
	e := testEnricher(t)
	doc := &data.Document{Title: "Томск", Body: "Томский государственный университет и город Томск.", Source: "ru.txt"}
	e.Enrich(doc, nil)
	if doc.Lang != "other" {
		t.Errorf("lang %q, want other", doc.Lang)
	}
}

func TestRegionFromCountry(t *testing.T) {
	e := testEnricher(t)
	doc := &data.Document{Title: "From Delhi: the Commonwealth Games", Body: "Delhi hosted the Games.", Source: "a.html"}
	e.Enrich(doc, nil)
	if got := doc.Regions(); !slices.Equal(got, []string{"Southern Asia"}) {
		t.Errorf("regions %v (countries %v)", got, doc.Countries())
	}
}

func TestPublisherCityNeedsTheTitle(t *testing.T) {
	e := testEnricher(t)
	body := "The trainee from Delhi spent two weeks in Tokyo. In Tokyo she visited the monitoring centre; Tokyo shares its data. " +
		"Back in Delhi she will brief colleagues on what Tokyo does, and Tokyo will host the next course. Tokyo, again."
	doc := &data.Document{Title: "Air Pollution Control — A Trainee from Delhi", Summary: "What a Delhi engineer learned in Tokyo.", Body: body, Source: "n/201207/3.html"}
	e.Enrich(doc, nil)
	if got := doc.Cities(); !slices.Equal(got, []string{"Delhi"}) {
		t.Errorf("cities %v, want [Delhi]: Tokyo is named in passing", got)
	}
	doc = &data.Document{Title: "9th ANMC21 Plenary Meeting Held in Tokyo", Body: "Leaders met in Tokyo. Delhi and Hanoi spoke.", Source: "n/201011/1.html"}
	e.Enrich(doc, nil)
	if got := doc.Cities(); !slices.Contains(got, "Tokyo") {
		t.Errorf("cities %v: a title naming Tokyo makes it a subject", got)
	}
}
