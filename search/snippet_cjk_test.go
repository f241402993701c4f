package search_test

import (
	"context"
	"slices"
	"testing"

	"casebook/data"
	"casebook/search"
)

// TestSnippetMarksCJKWordWhole: a Japanese word is indexed as bigrams and
// bleve marks them one by one; the snippet marks the word once.
func TestSnippetMarksCJKWordWhole(t *testing.T) {
	ix, st := mustIndex(t)
	body := "下水道維持管理研修。バンコクからの研修生が東京都下水道局で学んだ。"
	d := &data.Document{ID: "ja", Title: "研修生", Body: body, Kind: data.KindNewsletterArticle, Lang: "ja", Source: "ja"}
	if _, err := st.PutDocument(d, []byte(body)); err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Apply(st); err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(context.Background(), search.Request{Query: "バンコク 研修生", Filters: map[string][]string{search.FacetLang: {"ja"}}})
	if err != nil || len(res.Hits) != 1 {
		t.Fatalf("hits %v, err %v", res, err)
	}
	var marked []string
	for _, s := range res.Hits[0].Snippet {
		if s.Match {
			marked = append(marked, s.Text)
		}
	}
	if !slices.Contains(marked, "バンコク") || slices.Contains(marked, "バン") {
		t.Errorf("marked %q in %q", marked, res.Hits[0].Snippet.String())
	}
}
