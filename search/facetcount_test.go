package search_test

import (
	"context"
	"maps"
	"testing"

	"github.com/blevesearch/bleve/v2"

	"casebook/search"
)

// TestFacetCountsAsBleve: Casebook counts facets from its own per-snapshot
// tables; every count must be the one bleve's terms facet gives for the
// same documents, with and without words, before and after the index
// changes under the tables.
func TestFacetCountsAsBleve(t *testing.T) {
	ix, st := mustIndex(t)
	checkCountsAsBleve(t, ix, "")
	checkCountsAsBleve(t, ix, "waste")
	checkCountsAsBleve(t, ix, "Bangkok OR tuberculosis")

	d := newDoc(0)
	d.ID, d.Source, d.Year = "bkk-waste-2", "test/bkk-waste-2", 2011
	if _, err := st.PutDocument(d, []byte("a second original")); err != nil {
		t.Fatal(err)
	}
	if err := st.DeleteDocument("hanoi-waste"); err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Apply(st); err != nil {
		t.Fatal(err)
	}
	res := checkCountsAsBleve(t, ix, "waste")
	if n, _ := count(res, "city", "Bangkok"); n != 2 {
		t.Errorf("Bangkok counted %d after adding a second document, want 2", n)
	}
	if n, _ := count(res, "city", "Hanoi"); n != 0 {
		t.Errorf("Hanoi counted %d after deleting its document", n)
	}
}

// checkCountsAsBleve compares the facets of a search for q with bleve's
// terms facets over the same documents.
func checkCountsAsBleve(t *testing.T, ix *search.Index, q string) *search.Result {
	t.Helper()
	res, err := ix.Search(context.Background(), search.Request{Query: q, Size: search.MaxSize})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total == 0 || res.Total > search.MaxSize {
		t.Fatalf("%q: %d hits; the check needs them all on one page", q, res.Total)
	}
	var hits []string
	for _, h := range res.Hits {
		hits = append(hits, h.ID)
	}
	req := bleve.NewSearchRequest(bleve.NewDocIDQuery(hits))
	for _, name := range search.FacetNames {
		field := name
		if name == search.FacetYear {
			field = "year_k"
		}
		req.AddFacet(name, bleve.NewFacetRequest(field, 100))
	}
	want, err := ix.Bleve().Search(req)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Facets {
		got := map[string]int{}
		for _, v := range f.Values {
			if v.Count > 0 {
				got[v.Value] = v.Count
			}
		}
		exp := map[string]int{}
		for _, tf := range want.Facets[f.Name].Terms.Terms() {
			exp[tf.Term] = tf.Count
		}
		if !maps.Equal(got, exp) {
			t.Errorf("%q: %s counts %v, bleve %v", q, f.Name, got, exp)
		}
	}
	return res
}
