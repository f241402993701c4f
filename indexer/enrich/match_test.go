package enrich

import (
	"slices"
	"testing"

	"casebook/data"
)

func testDoc(title string) data.Document {
	return data.Document{ID: "t", Title: title, Source: "t.txt", Kind: data.KindReport}
}

// texts returns the phrases m finds in s, in order.
func texts(m *matcher, s string) []string {
	f := newField(kindBody, s)
	var out []string
	for _, h := range m.find(&f) {
		out = append(out, h.p.text)
	}
	return out
}

func TestMatcher(t *testing.T) {
	m := newMatcher(true)
	for i, p := range []string{"Delhi", "New Delhi", "KL", "flood", "flood control", "東京都", "京都", "sewer", "company", "AIDS", "PM2.5", "U.S."} {
		m.add(p, target{id: i})
	}
	m.add("flood of", target{id: 99, neg: true})
	tests := []struct {
		in   string
		want []string
	}{
		{"New Delhi and Delhi", []string{"New Delhi", "Delhi"}},
		{"New. Delhi", []string{"Delhi"}},
		{"KL, kl, weekly, KLCC", []string{"KL"}},
		{"a flood of visitors; flood control; floods", []string{"flood of", "flood control", "flood"}},
		{"東京都と京都", []string{"東京都", "京都"}},
		{"sewers and companies", []string{"sewer", "company"}},
		{"AIDS aids", []string{"AIDS"}},
		{"PM2.5 and the U.S. rules", []string{"PM2.5", "U.S."}},
		{"Ｄｅｌｈｉ", []string{"Delhi"}},
	}
	for _, tt := range tests {
		if got := texts(m, tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("find(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLookupKey(t *testing.T) {
	for in, want := range map[string]string{
		"Ulan-Bator":       "ulan bator",
		"  Kuala  Lumpur ": "kuala lumpur",
		"ＨＡＮＯＩ":            "hanoi",
		"Washington, D.C.": "washington d c",
		"東京都":              "東京都",
	} {
		if got := lookupKey(in); got != want {
			t.Errorf("lookupKey(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestStandsApart(t *testing.T) {
	m := newMatcher(false)
	for i, p := range []string{"北海", "北京", "東京都", "リマ", "ソウル", "서울", "松本"} {
		m.add(p, target{id: i})
	}
	tests := []struct {
		in   string
		want []string
	}{
		{"北海道の旅", nil},
		{"北海の漁業", []string{"北海"}},
		{"北京市と東京都庁", []string{"北京", "東京都"}},
		{"中国北京で", nil},
		{"リマインダーとリマの町", []string{"リマ"}},
		{"ソウルフードとソウル・釜山", []string{"ソウル"}},
		{"서울에서 열린 회의, 대서울", []string{"서울"}},
		{"松本さんと松本市", []string{"松本"}},
	}
	for _, tt := range tests {
		if got := texts(m, tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("find(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	themes := newMatcher(true) // keywords match inside words
	themes.add("防災", target{})
	if got := texts(themes, "防災訓練"); !slices.Equal(got, []string{"防災"}) {
		t.Errorf("theme keyword inside a word: %q", got)
	}
}
