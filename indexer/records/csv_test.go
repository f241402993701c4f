package records

import (
	"os"
	"testing"

	"casebook/data"
	"casebook/indexer/extract"
)

// TestShippedCSVMapping reads the CSV fixture with the shipped example
// mapping: BOM, quoted line breaks and quotes, multi-value cells, a row
// without title or body, an unreadable date.
func TestShippedCSVMapping(t *testing.T) {
	src, err := data.Reference.ReadFile("reference/mappings/case-studies.csv.json")
	if err != nil {
		t.Fatal(err)
	}
	m := mustMapping(t, string(src))
	if !m.Matches("inbox/Case-Studies-2024.CSV") || m.Matches("reports.csv") {
		t.Error("match glob does not select case-studies*.csv only")
	}
	raw, err := os.ReadFile("testdata/case-studies.csv")
	if err != nil {
		t.Fatal(err)
	}
	res := mustExtract(t, m, string(raw))
	if res.MediaType != "text/csv" || res.Charset != "utf-8" {
		t.Errorf("MediaType, Charset = %q, %q", res.MediaType, res.Charset)
	}
	checkParts(t, res.Parts, []want{
		{key: "CS-001", title: "Retention ponds under school playgrounds",
			summary: "Playgrounds that hold rain water for a few hours during heavy storms.",
			body:    "School playgrounds in low districts were lowered by half a metre and given drains, so that they fill during a storm and empty the next day.\n\nThe ward office counted 40 schools that could take part; 12 did in the first five years.",
			lang:    "en",
			meta: map[string][]string{"city": {"Yokohama"}, "country": {"Japan"}, "theme": {"flood control", "urban planning"},
				"programme": {"ANMC21"}, "date": {"2012-06-14"}, "year": {"2012"}, "url": {"https://example.org/cs/001"}, "kind": {"case-study"}}},
		{key: "CS-002", summary: "One card for buses and the metro, with transfers free within 30 minutes.",
			meta: map[string][]string{"city": {"Seoul", "Busan"}, "country": {"Republic of Korea"}, "theme": {"transport"},
				"date": {"2004-07-01"}, "year": {"2004"}, "url": {"https://example.org/cs/002"}, "kind": {"case-study"}}},
		{key: "CS-003", title: `Composting at ward markets, "pilot" phase`, body: "Market waste turned into compost for city parks.",
			meta: map[string][]string{"city": {"Surabaya"}, "country": {"Indonesia"}, "theme": {"waste management"},
				"date": {"2010-03"}, "year": {"2010"}, "kind": {"case-study"}}},
		{key: "CS-005", lang: "en",
			meta: map[string][]string{"city": {"Kuala Lumpur", "Putrajaya"}, "country": {"Malaysia"}, "theme": {"heat", "public space"},
				"programme": {"ANMC21", "CityNet"}, "year": {"2015"}, "url": {"https://example.org/cs/005"}, "kind": {"case-study"}}},
	})
	if res.Parts[3].Position != 5 {
		t.Errorf("Position of CS-005 = %d, want 5 (its row)", res.Parts[3].Position)
	}
	checkWarnings(t, res.Warnings, "record 4: no title or body", `record 5: date "sometime in 2015" not understood`)
}

func TestCSV(t *testing.T) {
	m := mustMapping(t, `{"format": "csv", "fields": {"title": "name", "body": "text", "city": "city"}, "separator": "|"}`)
	tests := []struct {
		name     string
		in       string
		want     []want
		warnings []string
	}{
		{"quoted newline", "name,text,city\nA,\"line one\nline two\n\nsecond paragraph\",Hanoi\n",
			[]want{{key: "1", title: "A", body: "line one line two\n\nsecond paragraph", meta: map[string][]string{"city": {"Hanoi"}}}}, nil},
		{"BOM and CRLF", "\ufeffName,Text,City\r\nA,b,c\r\n",
			[]want{{key: "1", title: "A", body: "b", meta: map[string][]string{"city": {"c"}}}}, nil},
		{"multi-value cell", "name,text,city\nA,b,Hanoi | Hue|  |Da Nang | Hue\n",
			[]want{{title: "A", meta: map[string][]string{"city": {"Hanoi", "Hue", "Da Nang"}}}}, nil},
		{"short and long rows", "name,text,city\nA,b\nB,c,d,e\n",
			[]want{{title: "A", body: "b", noMeta: true}, {title: "B", meta: map[string][]string{"city": {"d"}}}},
			[]string{"record 1 (line 2): 2 cells, the header has 3", "record 2 (line 3): 4 cells"}},
		{"bare quote row", "name,text,city\nA,b\"c,d\nB,e,f\n",
			[]want{{key: "2", title: "B"}}, []string{`record 1: parse error on line 2, column 4: bare " in non-quoted-field`}},
		{"no title or body", "name,text,city\n,,Hanoi\nB,x,Hue\n",
			[]want{{key: "2", title: "B", body: "x"}}, []string{"record 1: no title or body"}},
		{"column names ignore case and space", " NAME , Text,CITY\nA,b,c\n",
			[]want{{title: "A", body: "b"}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := mustExtract(t, m, tt.in)
			checkParts(t, res.Parts, tt.want)
			checkWarnings(t, res.Warnings, tt.warnings...)
		})
	}
}

func TestCSVMissingColumns(t *testing.T) {
	m := mustMapping(t, `{"format": "csv", "id": "Ref", "fields": {"title": "Title", "body": ["Text", "Abstract"], "city": "Town"}}`)
	_, err := Extract(m, "export.csv", []byte("Title,Body,City\nA,b,c\n"))
	checkError(t, err, ErrMapping, "export.csv", `id ["Ref"]`, `body ["Text" "Abstract"]`, `city ["Town"]`, `its columns are ["Title" "Body" "City"]`)
}

func TestCSVDelimiter(t *testing.T) {
	m := mustMapping(t, `{"format": "csv", "delimiter": "\t", "fields": {"title": "t", "theme": "th"}, "separator": ";"}`)
	res := mustExtract(t, m, "t\tth\nA, with comma\tx;y\n")
	checkParts(t, res.Parts, []want{{title: "A, with comma", meta: map[string][]string{"theme": {"x", "y"}}}})
}

func TestCSVErrors(t *testing.T) {
	m := mustMapping(t, `{"format": "csv", "fields": {"title": "t"}}`)
	_, err := Extract(m, "x.csv", []byte("t\n\n"))
	checkError(t, err, extract.ErrNoText, "no records found")
	_, err = Extract(m, "x.csv", []byte("\"t\nnever closed"))
	checkError(t, err, ErrFormat, "no CSV header row")
	_, err = Extract(m, "x.csv", []byte("  \n\t"))
	checkError(t, err, extract.ErrEmpty)
}
