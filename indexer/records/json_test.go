package records

import (
	"testing"

	"casebook/indexer/extract"
)

func TestJSON(t *testing.T) {
	tests := []struct {
		name, mapping, in string
		want              []want
		warnings          []string
	}{
		{"array",
			`{"format": "json", "id": "id", "fields": {"title": "title", "body": "body", "city": "cities"}}`,
			`[{"id": "a", "title": "Flood tunnel", "body": "Text.", "cities": ["Tokyo", "Kuala Lumpur"]},
			  {"id": "b", "title": "Bus card", "cities": "Seoul"}]`,
			[]want{{key: "a", title: "Flood tunnel", body: "Text.", meta: map[string][]string{"city": {"Tokyo", "Kuala Lumpur"}}},
				{key: "b", title: "Bus card", meta: map[string][]string{"city": {"Seoul"}}}}, nil},
		{"object holding an array",
			`{"format": "json", "record": "items", "fields": {"title": "name"}}`,
			`{"count": 2, "meta": {"items": "not these"}, "items": [{"name": "One"}, {"name": "Two"}], "after": [1]}`,
			[]want{{key: "1", title: "One"}, {key: "2", title: "Two"}}, nil},
		{"nested array path",
			`{"format": "json", "record": "data.case_studies", "fields": {"title": "title", "city": "place.city", "country": "place.country"}}`,
			`{"data": {"total": 1, "case_studies": [{"title": "Canal", "place": {"city": "Suzhou", "country": "China"}}]}}`,
			[]want{{title: "Canal", meta: map[string][]string{"city": {"Suzhou"}, "country": {"China"}}}}, nil},
		{"numbers and booleans as values",
			`{"format": "json", "id": "id", "fields": {"title": "title", "year": "year", "budget": "budget", "featured": "featured", "notes": "notes"}}`,
			`[{"id": 1017, "title": "Solar roofs", "year": 2016, "budget": 1.5e6, "featured": true, "notes": null}]`,
			[]want{{key: "1017", meta: map[string][]string{"year": {"2016"}, "budget": {"1.5e6"}, "featured": {"true"}}}},
			[]string{`field "notes" (["notes"]) has no value in any of the 1 records read`}},
		{"array of objects on the path",
			`{"format": "json", "fields": {"title": "t", "city": "places.name", "theme": "tags"}}`,
			`[{"t": "x", "places": [{"name": "Hanoi"}, {"name": "Hue"}, {"id": 3}], "tags": [["nested", "list"], "flat"]}]`,
			[]want{{meta: map[string][]string{"city": {"Hanoi", "Hue"}, "theme": {"nested", "list", "flat"}}}}, nil},
		{"key with a dot",
			`{"format": "json", "fields": {"title": "dc.title", "body": "text"}}`,
			`[{"dc.title": "Dotted", "text": "b"}]`,
			[]want{{title: "Dotted"}}, nil},
		{"single object",
			`{"format": "json", "fields": {"title": "title"}}`,
			`{"title": "Only one"}`,
			[]want{{key: "1", title: "Only one"}}, nil},
		{"record without title or body",
			`{"format": "json", "fields": {"title": "title", "body": "body"}}`,
			`[{"title": ""}, {"body": "  "}, {"body": "kept"}]`,
			[]want{{key: "3", title: "kept", body: "kept"}}, []string{"record 1: no title or body", "record 2: no title or body", `field "title"`}},
		{"syntax error after a record",
			`{"format": "json", "fields": {"title": "title"}}`,
			`[{"title": "good"}, {"title": oops}]`,
			[]want{{title: "good"}}, []string{"stopped after record 1: invalid JSON"}},
		{"scalars as records",
			`{"format": "json", "fields": {"title": "."}}`,
			`["first", 2, null]`,
			[]want{{title: "first"}, {title: "2"}}, []string{"record 3: no title or body"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := mustExtract(t, mustMapping(t, tt.mapping), tt.in)
			if res.MediaType != "application/json" {
				t.Errorf("MediaType = %q", res.MediaType)
			}
			checkParts(t, res.Parts, tt.want)
			checkWarnings(t, res.Warnings, tt.warnings...)
		})
	}
}

func TestJSONErrors(t *testing.T) {
	tests := []struct {
		name, mapping, in string
		err               error
		subs              []string
	}{
		{"missing key", `{"format": "json", "record": "data.items", "fields": {"title": "t"}}`,
			`{"data": {"rows": [], "count": 0}}`, ErrMapping, []string{`record path "data.items": no key "items" in "data" (keys: ["rows" "count"])`}},
		{"not an object on the way", `{"format": "json", "record": "data.items", "fields": {"title": "t"}}`,
			`{"data": [1, 2]}`, ErrMapping, []string{`"data" is an array, not an object`}},
		{"records are a string", `{"format": "json", "record": "items", "fields": {"title": "t"}}`,
			`{"items": "none"}`, ErrFormat, []string{"a string, not an array or object"}},
		{"not JSON", `{"format": "json", "fields": {"title": "t"}}`,
			`title,body`, ErrFormat, []string{"not JSON"}},
		{"broken first record", `{"format": "json", "fields": {"title": "t"}}`,
			`[{"t": "x"`, ErrFormat, []string{"not JSON"}},
		{"empty array", `{"format": "json", "fields": {"title": "t"}}`,
			`[]`, extract.ErrNoText, []string{"no records found"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Extract(mustMapping(t, tt.mapping), "x.json", []byte(tt.in))
			checkError(t, err, tt.err, tt.subs...)
		})
	}
}

func TestJSONL(t *testing.T) {
	m := mustMapping(t, `{"format": "jsonl", "id": "id", "fields": {"title": "title", "theme": "theme"}}`)
	in := `{"id": "r1", "title": "First", "theme": "water"}

{"id": "r2", "title": "Second"
{"id": "r3", "title": "Third"} trailing
{"id": "r4", "title": "Fourth", "theme": ["heat", "water"]}
`
	res := mustExtract(t, m, in)
	if res.MediaType != "application/x-ndjson" {
		t.Errorf("MediaType = %q", res.MediaType)
	}
	checkParts(t, res.Parts, []want{
		{key: "r1", title: "First", meta: map[string][]string{"theme": {"water"}}},
		{key: "r4", title: "Fourth", meta: map[string][]string{"theme": {"heat", "water"}}},
	})
	if res.Parts[1].Position != 4 {
		t.Errorf("Position = %d, want 4", res.Parts[1].Position)
	}
	checkWarnings(t, res.Warnings, "record 2: line 3 is not valid JSON", "record 3: line 4 is not valid JSON: text after the JSON value")

	m = mustMapping(t, `{"format": "jsonl", "record": "doc", "fields": {"title": "title"}}`)
	res = mustExtract(t, m, `{"doc": {"title": "wrapped"}}`+"\n"+`{"doc": [{"title": "a"}, {"title": "b"}]}`)
	checkParts(t, res.Parts, []want{{title: "wrapped"}, {title: "a"}, {title: "b"}})

	_, err := Extract(m, "x.jsonl", []byte("title,body\nA,b\n"))
	checkError(t, err, ErrFormat, "no line is valid JSON", "line 1")
}
