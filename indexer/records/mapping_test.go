package records

import (
	"io/fs"
	"path"
	"slices"
	"testing"

	"casebook/data"
)

func TestLoadMapping(t *testing.T) {
	m := mustMapping(t, `{"format": " NDJSON ", "id": ["ref", "id"], "fields": {"Title": " t ", "City": "c"},
		"separator": ";", "split": ["City"], "constants": {"Kind": "report"}}`)
	if m.Format != FormatJSONL || !slices.Equal(m.ID, Paths{"ref", "id"}) || !slices.Equal(m.Fields["title"], Paths{"t"}) ||
		!slices.Equal(m.Split, []string{"city"}) || m.Constants["kind"] != "report" {
		t.Errorf("normalized mapping = %+v", m)
	}
	if m = mustMapping(t, `{"format": "csv", "fields": {"body": "b"}}`); !slices.Equal(m.Split, defaultSplit) {
		t.Errorf("default split = %q", m.Split)
	}
}

func TestLoadMappingErrors(t *testing.T) {
	tests := []struct{ name, src, sub string }{
		{"not JSON", `format: csv`, "not a mapping object"},
		{"unknown key", `{"format": "csv", "feilds": {}}`, `unknown field "feilds"`},
		{"trailing text", `{"format": "csv", "fields": {"title": "t"}} {}`, "text after the mapping object"},
		{"no format", `{"fields": {"title": "t"}}`, `"format" is missing`},
		{"unknown format", `{"format": "xlsx", "fields": {"title": "t"}}`, `"format" "xlsx" is not known; use csv, json, jsonl, xml or sgml`},
		{"xml without record", `{"format": "xml", "fields": {"title": "t"}}`, `"record" must name the element`},
		{"csv with record", `{"format": "csv", "record": "row", "fields": {"title": "t"}}`, `"record" has no meaning for csv`},
		{"no title or body", `{"format": "csv", "fields": {"city": "c"}}`, `must map at least "title" or "body"`},
		{"no fields", `{"format": "csv"}`, `must map at least "title" or "body"`},
		{"id in fields", `{"format": "csv", "fields": {"title": "t", "id": "i"}}`, `put the record id in "id"`},
		{"empty path", `{"format": "csv", "fields": {"title": ""}}`, `field "title" has an empty path`},
		{"no path", `{"format": "csv", "fields": {"title": []}}`, `field "title" has no path`},
		{"path not a string", `{"format": "csv", "fields": {"title": 3}}`, "a path must be a string or a list of strings"},
		{"attribute mid-path", `{"format": "xml", "record": "r", "fields": {"title": "@a/b"}}`, "an attribute (@name) can only be the last step"},
		{"empty step", `{"format": "sgml", "record": "r", "fields": {"title": "a//b"}}`, "has an empty step"},
		{"bad layout", `{"format": "csv", "fields": {"title": "t"}, "date_layouts": ["DD/MM/YYYY"]}`, `date layout "DD/MM/YYYY" does not read a year`},
		{"bad charset", `{"format": "csv", "fields": {"title": "t"}, "charset": "klingon"}`, `charset "klingon" is not known`},
		{"bad glob", `{"format": "csv", "fields": {"title": "t"}, "match": "[a-"}`, `match "[a-" is not a valid glob`},
		{"delimiter for json", `{"format": "json", "fields": {"title": "t"}, "delimiter": ";"}`, `"delimiter" is for csv only`},
		{"long delimiter", `{"format": "csv", "fields": {"title": "t"}, "delimiter": ";;"}`, "must be one character"},
		{"split unknown", `{"format": "csv", "fields": {"title": "t"}, "split": ["cty"]}`, `"split" names "cty"`},
		{"split body", `{"format": "csv", "fields": {"body": "t"}, "split": ["body"]}`, `"split" cannot split "body"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadMapping([]byte(tt.src))
			checkError(t, err, ErrMapping, tt.sub)
		})
	}
	_, err := LoadMapping([]byte(`{"format": "xlsx", "fields": {"city": "c"}, "charset": "klingon"}`))
	checkError(t, err, ErrMapping, `"xlsx" is not known`, `"title" or "body"`, `"klingon"`)
}

func TestMatches(t *testing.T) {
	tests := []struct {
		match, name string
		want        bool
	}{
		{"", "anything.bin", true},
		{"reut2-*.sgm", "reut2-017.sgm", true},
		{"reut2-*.sgm", "/corpora/reuters21578/REUT2-000.SGM", true},
		{"reut2-*.sgm", `C:\data\reut2-001.sgm`, true},
		{"reut2-*.sgm", "reut2-000.sgm.bak", false},
		{"reut2-*.sgm", "reut2-017/readme.txt", false},
		{"case-studies*.csv", "https://example.org/exports/case-studies-2024.csv", true},
	}
	for _, tt := range tests {
		m := &Mapping{Match: tt.match}
		if got := m.Matches(tt.name); got != tt.want {
			t.Errorf("Match %q: Matches(%q) = %v, want %v", tt.match, tt.name, got, tt.want)
		}
	}
}

// TestShippedMappings loads every mapping in data/reference/mappings.
func TestShippedMappings(t *testing.T) {
	names, err := fs.Glob(data.Reference, "reference/mappings/*.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(names) < 2 {
		t.Fatalf("found %d shipped mappings, want at least 2", len(names))
	}
	for _, name := range names {
		src, err := data.Reference.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := LoadMapping(src); err != nil {
			t.Errorf("%s: %v", path.Base(name), err)
		}
	}
}
