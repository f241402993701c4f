package search_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"casebook/search"
)

// TestBooleanQueries: AND, OR, NOT and parentheses select the documents
// they say; a malformed query is searched as its words, with a note.
func TestBooleanQueries(t *testing.T) {
	ix, _ := mustIndex(t)
	all := []string{"bkk-sewer", "bkk-waste", "delhi-games", "hanoi-waste", "kl-flood", "tb-survey"}
	tests := []struct {
		q        string
		want     []string // sorted
		noteHint string
	}{
		{"flood OR sewer", []string{"bkk-sewer", "kl-flood"}, ""},
		{"(waste OR sewer) AND Bangkok", []string{"bkk-sewer", "bkk-waste"}, ""},
		{"(waste OR sewer) Bangkok", []string{"bkk-sewer", "bkk-waste"}, ""},
		{"waste NOT Hanoi", []string{"bkk-waste"}, ""},
		{"Bangkok -(recycling OR training)", []string{"bkk-sewer"}, ""},
		{"NOT Bangkok", []string{"delhi-games", "hanoi-waste", "kl-flood", "tb-survey"}, ""},
		{"city:Bangkok OR city:Hanoi", []string{"bkk-sewer", "bkk-waste", "hanoi-waste"}, ""},
		{"theme:waste AND NOT city:Hanoi", []string{"bkk-waste"}, ""},
		{"year:2010..2012 AND (Delhi OR Hanoi)", []string{"delhi-games", "hanoi-waste"}, ""},
		{`"flood control" OR tuberculosis`, []string{"kl-flood", "tb-survey"}, ""},
		{"flood OR the", []string{"kl-flood"}, ""},
		{"the OR of", all, ""},
		{"(waste OR recycling", []string{"bkk-waste", "hanoi-waste"}, "read as plain words"},
		{"waste OR", []string{"bkk-waste", "hanoi-waste"}, "OR needs a word after it"},
		{"city:Atlantis OR flood", []string{"kl-flood"}, `no city is called "Atlantis"`},
	}
	for _, tt := range tests {
		res, err := ix.Search(context.Background(), search.Request{Query: tt.q, Size: 20})
		if err != nil {
			t.Errorf("%q: %v", tt.q, err)
			continue
		}
		if got := ids(res); !slices.Equal(got, tt.want) {
			t.Errorf("%q: hits %q, want %q", tt.q, got, tt.want)
		}
		notes := strings.Join(res.Notes, " | ")
		if tt.noteHint == "" && notes != "" || !strings.Contains(notes, tt.noteHint) {
			t.Errorf("%q: notes %q, want %q", tt.q, notes, tt.noteHint)
		}
	}
}

// TestBooleanRanksAndHighlights: words in a boolean query rank and mark
// the snippet; field terms alone sort newest first.
func TestBooleanRanksAndHighlights(t *testing.T) {
	ix, _ := mustIndex(t)
	res, err := ix.Search(context.Background(), search.Request{Query: "flood OR recycling"})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 || !strings.Contains(res.Hits[0].Snippet.String(), "«") {
		t.Errorf("no marked snippet: %+v", res.Hits)
	}
	res, err = ix.Search(context.Background(), search.Request{Query: "city:Bangkok OR city:Hanoi"})
	if err != nil {
		t.Fatal(err)
	}
	var years []int
	for _, h := range res.Hits {
		years = append(years, h.Year)
	}
	if !slices.IsSortedFunc(years, func(a, b int) int { return b - a }) {
		t.Errorf("field terms alone: years %v, want newest first", years)
	}
}
