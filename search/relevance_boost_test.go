package search

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"casebook/data"
)

// boostDoc is a test document with its city and theme tags.
func boostDoc(id, title, body string, cities, themes []string) *data.Document {
	d := &data.Document{ID: id, Title: title, Body: body, Kind: data.KindNewsletterArticle, Lang: "en", Source: "test/" + id}
	for _, c := range cities {
		d.Tags = append(d.Tags, data.Tag{Facet: data.FacetCity, Value: c, Origin: data.OriginSource})
	}
	for _, t := range themes {
		d.Tags = append(d.Tags, data.Tag{Facet: data.FacetTheme, Value: t, Origin: data.OriginSource})
	}
	return d
}

// ranking returns the ids of q's hits, best first.
func ranking(t *testing.T, ix *Index, q string) []string {
	t.Helper()
	res, err := ix.Search(context.Background(), Request{Query: q})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
		t.Logf("%q: %s %.5f", q, h.ID, h.Score)
	}
	return ids
}

// TestTagBoost: a document tagged with the city or theme a query names
// ranks above one that only mentions it, even twice; a theme's label
// counts written without quotes.
func TestTagBoost(t *testing.T) {
	ix := newRelevanceIndex(t, []*data.Document{
		boostDoc("about", "Canals", "Bangkok widened its canals to drain the flood water from the streets of the old city.", []string{"Bangkok"}, nil),
		boostDoc("mentions", "Canals", "Bangkok engineers visited Tokyo, where Bangkok teams studied how the flood water drains away.", []string{"Tokyo"}, nil),
		boostDoc("waste", "Sorting at source", "Households sort waste for recycling and the city collects it weekly from every street.", []string{"Hanoi"}, []string{"Waste and recycling"}),
		boostDoc("waste-mention", "Sorting at source", "Households sort waste for recycling, waste and recycling being new words for the recycling city.", []string{"Hanoi"}, nil),
	})
	for q, want := range map[string]string{
		"bangkok flood":       "about mentions",
		"flood bangkok":       "about mentions",
		"waste and recycling": "waste waste-mention",
	} {
		if got := strings.Join(ranking(t, ix, q), " "); got != want {
			t.Errorf("%q ranks %q, want %q", q, got, want)
		}
	}
}

// TestProximityBoost: with the same words, a document that has two of
// the query's words next to each other, or one word apart, ranks above
// one that has them far apart.
func TestProximityBoost(t *testing.T) {
	docs := []*data.Document{
		boostDoc("apart", "Channels", "Control rooms watch the channels that carry the flood of the river under the city.", nil, nil),
		boostDoc("near", "Channels", "Flood water control: channels carry the river under the city, watched from rooms.", nil, nil),
		boostDoc("phrase", "Channels", "Flood control channels carry the river under the city, watched from rooms.", nil, nil),
	}
	for i, w := range strings.Fields("bus tram metro ferry bicycle taxi train road bridge tunnel") {
		docs = append(docs, boostDoc(fmt.Sprint("other", i), "Transport", "The city runs a "+w+" service every day.", nil, nil))
	}
	ix := newRelevanceIndex(t, docs)
	for _, q := range []string{"flood control", "river flood control", "flood control channels"} {
		got := ranking(t, ix, q)
		if len(got) != 3 || got[2] != "apart" {
			t.Errorf("%q ranks %q, want apart last", q, got)
		}
	}
	// A stop word of the query stands for a word of the document.
	if got := ranking(t, ix, "flood and control"); len(got) != 3 || got[0] != "near" {
		t.Errorf(`"flood and control" ranks %q, want near first`, got)
	}
}
