package enrich

import (
	"strings"
	"testing"

	"casebook/data"
)

func TestEnrichYear(t *testing.T) {
	tests := []struct {
		name     string
		doc      data.Document
		meta     map[string][]string
		want     int
		wantDate string
		evidence string // a part of the year tag's evidence
	}{
		{name: "one page per issue", doc: data.Document{Source: "mirror/asialetter/english/newsletter/200905.html#3"}, want: 2009, wantDate: "2009-05", evidence: "200905"},
		{name: "one page per article", doc: data.Document{Source: "https://example.org/newsletter/201207/1.html"}, want: 2012, wantDate: "2012-07", evidence: "201207"},
		{name: "dated file name", doc: data.Document{Source: "cases/2018-07-19-x.md"}, want: 2018, wantDate: "2018-07-19", evidence: "2018-07-19-x.md"},
		{name: "year file name", doc: data.Document{Source: `C:\inbox\2012-slug.md`}, want: 2012, evidence: "2012-slug.md"},
		{name: "front matter year beats path", doc: data.Document{Source: "200905.html"}, meta: map[string][]string{"year": {"2011"}}, want: 2011, evidence: "front matter year"},
		{name: "front matter date beats path", doc: data.Document{Source: "200905.html"}, meta: map[string][]string{"date": {"2010-03-04"}}, want: 2010, wantDate: "2010-03-04", evidence: "front matter date"},
		{name: "issue key", doc: data.Document{Source: "x/1.html", Issue: &data.Issue{Key: "201103", Label: "15th Issue"}}, want: 2011, wantDate: "2011-03", evidence: "issue key"},
		{name: "year in title", doc: data.Document{Source: "report.pdf", Title: "Annual Report 2014"}, want: 2014, evidence: "title"},
		{name: "text month and year", doc: data.Document{Source: "a.html", Body: "The seminar was held in March 2013 at the city hall."}, want: 2013, evidence: "March 2013"},
		{name: "text month, comma, year", doc: data.Document{Source: "a.html", Body: "Opened in March, 2013."}, want: 2013, evidence: "March, 2013"},
		{name: "text date range", doc: data.Document{Source: "a.html", Body: "From February 16 to 20, 2009, trainees visited the plant."}, want: 2009, evidence: "February 16 to 20, 2009"},
		{name: "most recent of the first dates", doc: data.Document{Source: "a.html", Summary: "Founded in May 2001.", Body: "The 9th plenary met in November 2010."}, want: 2010},
		{name: "Japanese date", doc: data.Document{Source: "a.html", Body: "2012年6月にシンガポールで総会が開かれました。"}, want: 2012},
		{name: "Japanese era", doc: data.Document{Source: "a.html", Body: "平成22年11月、東京で第9回総会。"}, want: 2010},
		{name: "implausible years are ignored", doc: data.Document{Source: "1234567.html", Body: "In March 1850 the canal opened."}, want: 0},
		{name: "a bare number is not a date", doc: data.Document{Source: "a.html", Body: "About 2009 trainees took part."}, want: 0},
		{name: "year already set", doc: data.Document{Source: "200905.html", Year: 2000}, want: 2000},
	}
	e := testEnricher(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := tt.doc
			e.Enrich(&doc, tt.meta)
			if doc.Year != tt.want || doc.Date != tt.wantDate {
				t.Errorf("year, date = %d, %q; want %d, %q", doc.Year, doc.Date, tt.want, tt.wantDate)
			}
			years := doc.Values(data.FacetYear)
			if tt.doc.Year != 0 || tt.want == 0 {
				if len(years) != 0 {
					t.Errorf("year tags %q, want none", years)
				}
				return
			}
			tag, ok := tagFor(&doc, data.FacetYear, years[0])
			if !ok || !strings.Contains(tag.Evidence, tt.evidence) {
				t.Errorf("year tag %+v, want evidence with %q", tag, tt.evidence)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in       string
		year     int
		date     string
		accepted bool
	}{
		{"2009-05-12", 2009, "2009-05-12", true},
		{"2009/5/2", 2009, "2009-05-02", true},
		{"2009-05", 2009, "2009-05", true},
		{"2018-07-19T10:00:00Z", 2018, "2018-07-19", true},
		{"2009-13-01", 2009, "", true},
		{"May 2009", 0, "", false},
		{"", 0, "", false},
	}
	for _, tt := range tests {
		y, d, ok := parseDate(tt.in)
		if y != tt.year || d != tt.date || ok != tt.accepted {
			t.Errorf("parseDate(%q) = %d, %q, %v; want %d, %q, %v", tt.in, y, d, ok, tt.year, tt.date, tt.accepted)
		}
	}
}
