package search_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"casebook/search"
)

// TestTypoTolerance: a misspelt word of five letters or more that finds
// little is also searched as the index's nearest frequent word, and the
// result offers the corrected query; numbers, CJK, city names and words
// that find enough are left alone.
func TestTypoTolerance(t *testing.T) {
	ix, _ := mustIndex(t)
	tests := []struct {
		q, want, didYouMean string
	}{
		{"recyclng", "bkk-waste hanoi-waste", "recycling"},
		{"Bangkok recyclng", "bkk-waste", "Bangkok recycling"},
		{"tuberclosis survey", "tb-survey", "tuberculosis survey"},
		{"tubercolosys", "tb-survey", "tuberculosis"},
		{"recycling", "bkk-waste hanoi-waste", ""},
		{"flod", "", ""},                                 // under five letters
		{"20100", "", ""},                                // a number
		{"バンコック", "", ""},                                // CJK
		{`"recyclng"`, "", ""},                           // a phrase is as written
		{"waste -recyclng", "bkk-waste hanoi-waste", ""}, // an exclusion too
	}
	for _, tt := range tests {
		res, err := ix.Search(context.Background(), search.Request{Query: tt.q})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(ids(res), " "); got != tt.want {
			t.Errorf("%q: hits %q, want %q", tt.q, got, tt.want)
		}
		if res.DidYouMean != tt.didYouMean {
			t.Errorf("%q: did you mean %q, want %q", tt.q, res.DidYouMean, tt.didYouMean)
		}
		if tt.didYouMean != "" && !slices.ContainsFunc(res.Notes, func(n string) bool { return strings.Contains(n, "also searched as") }) {
			t.Errorf("%q: notes %q", tt.q, res.Notes)
		}
	}
}
