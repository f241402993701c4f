package search_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"casebook/search"
)

var suggestDocs = []testDoc{
	{"bkk-flood", "Flood control in Bangkok", "Pumps and ponds.", []string{"Bangkok"}, []string{themeDisaster}},
	{"bkk-waste", "Waste recycling training for Bangkok", "Trainees studied landfills.", []string{"Bangkok"}, []string{themeWaste}},
	{"kl-flood", "Flood tunnel in Kuala Lumpur", "A tunnel stores water.", []string{"Kuala Lumpur"}, []string{themeDisaster}},
	{"hanoi", "Community recycling centres", "Hanoi sorts waste.", []string{"Hanoi"}, []string{themeWaste}},
	{"ja", "バンコクの下水道研修", "研修の報告。", []string{"Bangkok"}, nil},
	{"osaka", "Osaka harbour", "Ships.", []string{"Osaka"}, nil},
	{"gone", "Seoul subway", "Removed later.", []string{"Seoul"}, nil},
}

// suggest returns "kind:value" of each suggestion, and the suggestions.
func suggest(t *testing.T, ix *search.Index, prefix string) ([]string, []search.Suggestion) {
	t.Helper()
	got, err := ix.Suggest(context.Background(), prefix, search.MaxSuggestions, search.Scope{})
	if err != nil {
		t.Fatalf("Suggest(%q): %v", prefix, err)
	}
	var keys []string
	for _, s := range got {
		keys = append(keys, s.Kind+":"+s.Value)
	}
	return keys, got
}

func TestSuggest(t *testing.T) {
	ix, st := indexDocs(t, suggestDocs)
	if err := st.DeleteDocument("gone"); err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Apply(st); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		prefix string
		want   string // the first suggestion, kind:value
		match  string // the name that matched, when not the value
	}{
		{"ban", "city:Bangkok", ""},
		{"BANGK", "city:Bangkok", ""},
		{"バンコク", "city:Bangkok", "バンコク"},
		{"krung thep", "city:Bangkok", "Krung Thep"},
		{"กรุงเทพ", "city:Bangkok", "กรุงเทพมหานคร"},
		{"lumpur", "city:Kuala Lumpur", ""},
		{"Hà N", "city:Hanoi", "Ha Noi"},
		{"ｈａｎｏｉ", "city:Hanoi", ""},
		{"disas", "theme:" + themeDisaster, ""},
		{"recyc", "theme:" + themeWaste, ""},
		{"防災", "theme:" + themeDisaster, "防災・危機管理"},
		{"危機", "theme:" + themeDisaster, "防災・危機管理"},
		{"flood con", "title:bkk-flood", ""},
		{"flood tunnel", "title:kl-flood", ""},
		{"communit", "title:hanoi", ""},
		{"下水", "title:ja", ""},
	}
	for _, tt := range tests {
		keys, got := suggest(t, ix, tt.prefix)
		if len(keys) == 0 || keys[0] != tt.want {
			t.Errorf("Suggest(%q) = %q, want %s first", tt.prefix, keys, tt.want)
			continue
		}
		if got[0].Match != tt.match {
			t.Errorf("Suggest(%q) matched %q, want %q", tt.prefix, got[0].Match, tt.match)
		}
	}
}

func TestSuggestOnlyWhatTheIndexHolds(t *testing.T) {
	ix, st := indexDocs(t, suggestDocs)
	if err := st.DeleteDocument("gone"); err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Apply(st); err != nil {
		t.Fatal(err)
	}
	// Seoul's only document is gone; Tokyo and Air quality never came;
	// Osaka is known as "Osaca - da ban shi" too, but only the start of
	// such an alias counts.
	for _, prefix := range []string{"seoul", "서울", "tokyo", "x", "air q", "da ban"} {
		if keys, _ := suggest(t, ix, prefix); len(keys) != 0 {
			t.Errorf("Suggest(%q) = %q, want nothing", prefix, keys)
		}
	}
	if keys, _ := suggest(t, ix, "大阪"); len(keys) == 0 || keys[0] != "city:Osaka" {
		t.Errorf("Suggest(大阪) = %q", keys)
	}
	_, got := suggest(t, ix, "bangkok")
	if got[0].Count != 3 || got[0].Label != "Bangkok" {
		t.Errorf("Bangkok = %+v, want 3 documents", got[0])
	}
	keys, _ := suggest(t, ix, "bangkok")
	if strings.Join(keys, " ") != "city:Bangkok title:bkk-flood title:bkk-waste" {
		t.Errorf("Suggest(bangkok) = %q", keys)
	}
}

func TestSuggestLimits(t *testing.T) {
	ix, _ := indexDocs(t, suggestDocs)
	got, err := ix.Suggest(context.Background(), "b", 1, search.Scope{})
	if err != nil || len(got) != 1 {
		t.Errorf("Suggest(b, 1) = %v, %v", got, err)
	}
	if got, err := ix.Suggest(context.Background(), "  ", 5, search.Scope{}); err != nil || len(got) != 0 {
		t.Errorf("Suggest(blank) = %v, %v", got, err)
	}
	long := strings.Repeat("a", search.MaxPrefix+1)
	if _, err := ix.Suggest(context.Background(), long, 5, search.Scope{}); !errors.Is(err, search.ErrBadRequest) {
		t.Errorf("long prefix: err = %v, want ErrBadRequest", err)
	}
}
