package search_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"casebook/data"
	"casebook/search"
)

// secretDoc is internal: it shares Bangkok, a theme and a year with the
// fixture and has a city, words and a title of its own.
func secretDoc() *data.Document {
	return &data.Document{
		ID: "int-bkk", Title: "Ulaanbaatar confidential recycling plan", Kind: data.KindReport, Lang: "en", Year: 2009,
		Body:   "Confidential memo: recycling and landfill management for Bangkok and Ulaanbaatar.",
		Source: "test/int-bkk", Visibility: data.VisibilityInternal,
		Tags: []data.Tag{
			{Facet: data.FacetCity, Value: "Bangkok", Origin: data.OriginSource},
			{Facet: data.FacetCity, Value: "Ulaanbaatar", Origin: data.OriginSource},
			{Facet: data.FacetTheme, Value: "Waste and recycling", Origin: data.OriginSource},
		},
	}
}

func mustIndexWithSecret(t *testing.T) *search.Index {
	t.Helper()
	ix, st := mustIndex(t)
	if _, err := st.PutDocument(secretDoc(), []byte("secret")); err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Apply(st); err != nil {
		t.Fatal(err)
	}
	return ix
}

// TestInternalHiddenFromSearch: a public search never shows an internal
// document or counts it, on every path that counts: the main query, a
// selected facet's disjunctive count and an excluded value's count.
func TestInternalHiddenFromSearch(t *testing.T) {
	ix := mustIndexWithSecret(t)
	requests := []search.Request{
		{},
		{Query: "recycling"},
		{Query: "confidential"},
		{Filters: map[string][]string{search.FacetCity: {"Bangkok"}}},
		{Filters: map[string][]string{search.FacetYear: {"2009"}, search.FacetKind: {data.KindReport}}},
		{Exclude: map[string][]string{search.FacetCity: {"Hanoi"}}},
		{Exclude: map[string][]string{search.FacetCity: {"Ulaanbaatar", "Hanoi"}}}, // its count is what lifting the exclusion gives
		{Query: "city:Ulaanbaatar"},
	}
	for i, req := range requests {
		pub := mustSearch(t, ix, req)
		if slices.Contains(ids(pub), "int-bkk") {
			t.Errorf("%+v: public hits include the internal document", req)
		}
		if n, ok := count(pub, search.FacetCity, "Ulaanbaatar"); ok && n > 0 {
			t.Errorf("%+v: public city count of Ulaanbaatar = %d", req, n)
		}
		req.Internal = true
		staff := mustSearch(t, ix, req)
		if i != 6 && staff.Total != pub.Total+1 {
			t.Errorf("%+v: internal total %d, public %d: want one more", req, staff.Total, pub.Total)
		}
		for _, f := range pub.Facets {
			for _, v := range f.Values {
				if n, _ := count(staff, f.Name, v.Value); v.Count > n {
					t.Errorf("%+v: public %s=%s counts %d, more than internal %d", req, f.Name, v.Value, v.Count, n)
				}
			}
		}
	}
	all := mustSearch(t, ix, search.Request{})
	staff := mustSearch(t, ix, search.Request{Internal: true})
	for _, c := range []struct{ facet, value string }{
		{search.FacetCity, "Bangkok"}, {search.FacetTheme, "Waste and recycling"}, {search.FacetYear, "2009"}, {search.FacetKind, data.KindReport}, {search.FacetLang, "en"},
	} {
		pub, _ := count(all, c.facet, c.value)
		in, _ := count(staff, c.facet, c.value)
		if in != pub+1 {
			t.Errorf("%s=%s: public count %d, internal %d", c.facet, c.value, pub, in)
		}
	}
}

// TestInternalHiddenFromDidYouMean: a misspelling whose fix only an
// internal document has is not corrected for the public.
func TestInternalHiddenFromDidYouMean(t *testing.T) {
	ix := mustIndexWithSecret(t)
	res := mustSearch(t, ix, search.Request{Query: "confidentail"})
	if res.DidYouMean != "" || res.Total != 0 {
		t.Errorf("public: did you mean %q, %d hits", res.DidYouMean, res.Total)
	}
}

func TestInternalHiddenFromSuggest(t *testing.T) {
	ix := mustIndexWithSecret(t)
	ctx := context.Background()
	for _, prefix := range []string{"ulaan", "confidential rec"} {
		pub, err := ix.Suggest(ctx, prefix, 10, search.Scope{})
		if err != nil {
			t.Fatal(err)
		}
		if len(pub) != 0 {
			t.Errorf("public Suggest(%q) = %+v", prefix, pub)
		}
		in, _ := ix.Suggest(ctx, prefix, 10, search.Scope{Internal: true})
		if len(in) == 0 {
			t.Errorf("internal Suggest(%q) found nothing", prefix)
		}
	}
	pub, _ := ix.Suggest(ctx, "bangk", 10, search.Scope{})
	in, _ := ix.Suggest(ctx, "bangk", 10, search.Scope{Internal: true})
	if len(pub) == 0 || len(in) == 0 || pub[0].Value != "Bangkok" || in[0].Count != pub[0].Count+1 {
		t.Errorf("Bangkok counts: public %+v, internal %+v", pub, in)
	}
}

func TestInternalHiddenFromRelated(t *testing.T) {
	ix := mustIndexWithSecret(t)
	ctx := context.Background()
	if _, err := ix.Related(ctx, "int-bkk", 5, search.Scope{}); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("public Related of the internal document: %v", err)
	}
	pub, err := ix.Related(ctx, "bkk-waste", 10, search.Scope{})
	if err != nil {
		t.Fatal(err)
	}
	in, _ := ix.Related(ctx, "bkk-waste", 10, search.Scope{Internal: true})
	if hitSet(pub)["int-bkk"] || !hitSet(in)["int-bkk"] {
		t.Errorf("related: public %v, internal %v", hitSet(pub), hitSet(in))
	}
}

func mustSearch(t *testing.T, ix *search.Index, req search.Request) *search.Result {
	t.Helper()
	res, err := ix.Search(context.Background(), req)
	if err != nil {
		t.Fatalf("%+v: %v", req, err)
	}
	return res
}

func hitSet(hits []search.Hit) map[string]bool {
	out := map[string]bool{}
	for _, h := range hits {
		out[h.ID] = true
	}
	return out
}
