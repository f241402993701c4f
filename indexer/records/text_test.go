package records

import (
	"strings"
	"testing"
)

func TestParseDate(t *testing.T) {
	reuters := []string{"2-Jan-2006 15:04:05.00"}
	tests := []struct {
		in         string
		layouts    []string
		date, year string
		ok         bool
	}{
		{"26-FEB-1987 15:01:01.79", reuters, "1987-02-26", "1987", true},
		{" 5-mar-1987  09:15:05.40 ", reuters, "1987-03-05", "1987", true},
		{"31-MAR-1987 605:12:19.12", reuters, "1987-03-31", "1987", true},
		{"27-MAR-1987 14:04:26.14F", reuters, "1987-03-27", "1987", true},
		{"9-APR-1987 00:00:00.00    # date added by guesswork", reuters, "1987-04-09", "1987", true},
		{"2012-06-14", nil, "2012-06-14", "2012", true},
		{"2012-06-14T09:30:00+09:00", nil, "2012-06-14", "2012", true},
		{"2012/6/4", nil, "2012-06-04", "2012", true},
		{"14 June 2012", nil, "2012-06-14", "2012", true},
		{"June 14, 2012", nil, "2012-06-14", "2012", true},
		{"Thu, 14 Jun 2012 10:00:00 +0900", nil, "2012-06-14", "2012", true},
		{"2012-06", nil, "2012-06", "2012", true},
		{"June 2012", nil, "2012-06", "2012", true},
		{"2012", nil, "", "2012", true},
		{"14/06/2012", []string{"02/01/2006"}, "2012-06-14", "2012", true},
		{"14/06/2012", nil, "", "2012", false},
		{"around 1998 or so", nil, "", "1998", false},
		{"soon", nil, "", "", false},
		{"0000-01-01", nil, "", "", false},
	}
	for _, tt := range tests {
		date, year, ok := parseDate(tt.in, tt.layouts)
		if date != tt.date || year != tt.year || ok != tt.ok {
			t.Errorf("parseDate(%q) = %q, %q, %v; want %q, %q, %v", tt.in, date, year, ok, tt.date, tt.year, tt.ok)
		}
	}
}

func TestParagraphs(t *testing.T) {
	tests := []struct{ in, want string }{
		{"one\ntwo\n\nthree", "one two\n\nthree"},
		{"Showers continued\nthroughout.\n    The dry period\nmeans.\n\tTabbed.", "Showers continued throughout.\n\nThe dry period means.\n\nTabbed."},
		{"  \n\n  lead  \n", "lead"},
		{"a\r\nb\rc\x00d\ufeffe\u0085f", "a b cdef"},
		{"bad \xff byte", "bad \ufffd byte"},
		{"e\u0301", "\u00e9"},
	}
	for _, tt := range tests {
		if got := paragraphs(tt.in); got != tt.want {
			t.Errorf("paragraphs(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTruncate(t *testing.T) {
	long := strings.Repeat("word ", 100)
	got := truncate(long, 50)
	if n := len([]rune(got)); n > 50 || !strings.HasSuffix(got, "word…") {
		t.Errorf("truncate = %q (%d runes)", got, n)
	}
	if got := truncate("short", 50); got != "short" {
		t.Errorf("truncate(short) = %q", got)
	}
}

// TestDerivedTitleAndSummary: a record without a title takes the start of
// its body; without a summary, its first paragraph.
func TestDerivedTitleAndSummary(t *testing.T) {
	m := mustMapping(t, `{"format": "jsonl", "fields": {"title": "t", "body": "b"}}`)
	res := mustExtract(t, m, `{"b": "FEDERAL RESERVE WEEKLY REPORT\n  Net free reserves 644"}
{"t": "Title", "b": "First paragraph.\n\nSecond."}`)
	checkParts(t, res.Parts, []want{
		{title: "FEDERAL RESERVE WEEKLY REPORT", summary: "", body: "FEDERAL RESERVE WEEKLY REPORT\n\nNet free reserves 644"},
		{title: "Title", summary: "First paragraph."},
	})
	if res.Parts[0].Summary != "" {
		t.Errorf("summary repeats the derived title: %q", res.Parts[0].Summary)
	}
}

func TestDuplicateIDs(t *testing.T) {
	m := mustMapping(t, `{"format": "jsonl", "id": "id", "fields": {"title": "t"}}`)
	res := mustExtract(t, m, "{\"id\": \"a\", \"t\": \"1\"}\n{\"id\": \"a\", \"t\": \"2\"}\n{\"t\": \"3\"}\n")
	checkParts(t, res.Parts, []want{{key: "a"}, {key: "a#2"}, {key: "3"}})
	checkWarnings(t, res.Warnings, `record 2: id "a" already used by record 1; keyed as "a#2"`)
}

func TestWarningLimit(t *testing.T) {
	m := mustMapping(t, `{"format": "jsonl", "fields": {"title": "t"}}`)
	in := strings.Repeat("{}\n", 120) + `{"t": "kept"}`
	res := mustExtract(t, m, in)
	if len(res.Warnings) != maxWarnings+1 || res.Warnings[maxWarnings] != "70 more warnings not shown" {
		t.Errorf("got %d warnings, last %q", len(res.Warnings), res.Warnings[len(res.Warnings)-1])
	}
}
