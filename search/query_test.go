package search

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseQuery(t *testing.T) {
	tests := []struct {
		in   string
		want []Term
	}{
		{"", nil},
		{"flood control", []Term{{Text: "flood"}, {Text: "control"}}},
		{`"flood control" Tokyo`, []Term{{Text: "flood control", Phrase: true}, {Text: "Tokyo"}}},
		{"waste -Hanoi", []Term{{Text: "waste"}, {Text: "Hanoi", Not: true}}},
		{`-"solid waste" air`, []Term{{Text: "solid waste", Phrase: true, Not: true}, {Text: "air"}}},
		{`"unclosed phrase`, []Term{{Text: "unclosed phrase", Phrase: true}}},
		{"- lone dash", []Term{{Text: "-"}, {Text: "lone"}, {Text: "dash"}}},
		{"recycl* ~fuzzy /re/", []Term{{Text: "recycl*"}, {Text: "~fuzzy"}, {Text: "/re/"}}},
		{"バンコク　下水", []Term{{Text: "バンコク"}, {Text: "下水"}}},
		{`""`, nil},
		{"city:Bangkok flood", []Term{{Text: "Bangkok", Field: "city"}, {Text: "flood"}}},
		{`City:"Kuala Lumpur" -theme:waste`, []Term{{Text: "Kuala Lumpur", Phrase: true, Field: "city"}, {Text: "waste", Not: true, Field: "theme"}}},
		{"year:2009..2012", []Term{{Text: "2009..2012", Field: "year"}}},
		{"http://example.org city:", []Term{{Text: "http://example.org"}, {Text: "city:"}}},
	}
	for _, tt := range tests {
		got := ParseQuery(tt.in).Terms
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ParseQuery(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func TestAnalyzer(t *testing.T) {
	m, err := NewMapping()
	if err != nil {
		t.Fatal(err)
	}
	a := m.AnalyzerNamed(textAnalyzer)
	tests := []struct {
		in   string
		want []string
	}{
		{"Flooding in the cities", []string{"flood", "citi"}},
		{"ＣＯ２ emissions", []string{"co2", "emiss"}},
		{"Tokyo's sewers", []string{"tokyo", "sewer"}},
		{"下水道", []string{"下水", "水道"}},
		{"ﾊﾞﾝｺｸ", []string{"バン", "ンコ", "コク"}},
		{"Communiqué", []string{"communiqu"}},
		{"Hồ Chí Minh Đà Nẵng", []string{"ho", "chi", "minh", "da", "nang"}},
		{"ガス対策", []string{"ガス", "ス対", "対策"}},
		{"Straße Łódź", []string{"strass", "lodz"}},
	}
	for _, tt := range tests {
		if got := analyse(a, tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("analyse(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseYearRange(t *testing.T) {
	tests := []struct {
		in     string
		lo, hi int
		ok     bool
	}{
		{"2009", 2009, 2009, true},
		{"2009..2012", 2009, 2012, true},
		{"2009..", 2009, MaxYear, true},
		{"..2012", MinYear, 2012, true},
		{"2012..2009", 0, 0, false},
		{"20x9", 0, 0, false},
		{"1066", 0, 0, false},
	}
	for _, tt := range tests {
		lo, hi, err := ParseYearRange(tt.in)
		if (err == nil) != tt.ok || lo != tt.lo || hi != tt.hi {
			t.Errorf("ParseYearRange(%q) = %d, %d, %v", tt.in, lo, hi, err)
		}
	}
}

func TestParseBoolean(t *testing.T) {
	w := func(s string) Term { return Term{Text: s} }
	tests := []struct {
		in       string
		want     Node   // nil: a plain list of terms
		noteHint string // "" when no note is expected
	}{
		{"flood control", nil, ""},
		{"stress in wings (at mach 2)", nil, ""},
		{"flood OR typhoon", Or{w("flood"), w("typhoon")}, ""},
		{"waste AND Bangkok", And{w("waste"), w("Bangkok")}, ""},
		{"waste and Bangkok", nil, ""},
		{"(waste OR recycling) Bangkok", And{Or{w("waste"), w("recycling")}, w("Bangkok")}, ""},
		{"flood NOT Tokyo", And{w("flood"), Not{w("Tokyo")}}, ""},
		{"flood -(Tokyo OR Osaka)", And{w("flood"), Not{Or{w("Tokyo"), w("Osaka")}}}, ""},
		{"a OR b c", Or{w("a"), And{w("b"), w("c")}}, ""},
		{`city:Bangkok OR "solid waste"`, Or{Term{Text: "Bangkok", Field: "city"}, Term{Text: "solid waste", Phrase: true}}, ""},
		{"year:2009..2012 OR -waste", Or{Term{Text: "2009..2012", Field: "year"}, Not{w("waste")}}, ""},
		{"NOT NOT flood OR x", Or{Not{Not{w("flood")}}, w("x")}, ""},
		{"flood OR", nil, "OR needs a word after it"},
		{"AND waste", nil, "AND needs something before it"},
		{"(waste OR recycling", nil, `a "(" is never closed`},
		{"waste OR recycling)", nil, `a ")" has no "(" before it`},
		{"NOT", nil, "NOT needs a word after it"},
		{"flood OR ()", nil, `nothing inside`},
		{strings.Repeat("(", 40) + "a OR b" + strings.Repeat(")", 40), nil, "nest deeper"},
	}
	for _, tt := range tests {
		q := ParseQuery(tt.in)
		if !reflect.DeepEqual(q.Root, tt.want) {
			t.Errorf("ParseQuery(%q).Root = %#v, want %#v", tt.in, q.Root, tt.want)
		}
		switch {
		case tt.noteHint == "" && len(q.Notes) > 0:
			t.Errorf("ParseQuery(%q): unexpected notes %q", tt.in, q.Notes)
		case tt.noteHint != "" && (len(q.Notes) != 1 || !strings.Contains(q.Notes[0], tt.noteHint) || !strings.HasPrefix(q.Notes[0], "read as plain words")):
			t.Errorf("ParseQuery(%q).Notes = %q, want one saying %q", tt.in, q.Notes, tt.noteHint)
		}
	}
	// A malformed query keeps its words, without the operators.
	if got := ParseQuery("(waste OR recycling").Terms; !reflect.DeepEqual(got, []Term{w("waste"), w("recycling")}) {
		t.Errorf("terms of a malformed query = %+v", got)
	}
}
