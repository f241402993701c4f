package search

import (
	"testing"

	"casebook/data"
)

// TestLengthTotals: the running totals stay equal to a count from
// scratch through updates, deletes and ids repeated within a batch.
func TestLengthTotals(t *testing.T) {
	doc := func(id, title, body string, headings ...string) *data.Document {
		return &data.Document{ID: id, Title: title, Body: body, Headings: headings, Kind: data.KindReport}
	}
	ix := newRelevanceIndex(t, []*data.Document{
		doc("a", "Flood control", "Canals drain the flood water."),
		doc("b", "Waste", "Households sort waste.", "Sorting", "Collection"),
		doc("c", "Sewers", "Pipes under the city carry sewage to plants."),
	})
	steps := []struct {
		puts    []*data.Document
		deletes []string
	}{
		{puts: []*data.Document{doc("a", "Flood control in Bangkok", "Canals.")}},
		{deletes: []string{"b", "missing"}},
		{puts: []*data.Document{doc("d", "One", "two three"), doc("d", "Four five six", "seven")}},
		{puts: []*data.Document{doc("e", "Gone", "soon gone")}, deletes: []string{"e", "c"}},
	}
	for i, s := range steps {
		if err := ix.write(s.puts, s.deletes, uint64(i+2)); err != nil {
			t.Fatal(err)
		}
	}
	got, ok, err := readLengthTotals(ix.idx)
	if err != nil || !ok {
		t.Fatalf("totals: %v, %v", ok, err)
	}
	// Left: a (3 title tokens, 1 body token) and d (3 title, 1 body).
	want := lengthTotals{Docs: fieldLens{2, 0, 0, 2}, Tokens: fieldLens{6, 0, 0, 2}}
	if got != want {
		t.Errorf("totals %+v, want %+v", got, want)
	}
	var recount lengthTotals
	for _, id := range []string{"a", "b", "c", "d", "e"} {
		l, ok, err := ix.storedLens(id)
		if err != nil {
			t.Fatal(err)
		}
		if ok {
			recount.add(l, 1)
		}
	}
	if recount != got {
		t.Errorf("totals %+v, documents' own lengths add up to %+v", got, recount)
	}
}
