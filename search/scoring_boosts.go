package search

import (
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Weights of the boosts of a query of words, tags as optional clauses of
// the query, proximity as a re-rank of its best hits (see reranker):
// they change the order of the hits, never which documents match. The
// proximity weight was chosen on the tuning halves (odd query positions)
// of Cranfield and of the mixed-length set (relevance_run_test.go): 0.1
// to 0.2 gained 0.004 to 0.008 nDCG@10 over none, 0.3 and more lost it
// on Cranfield. A tag weighs as one more field of weight 1;
// TestTagBoost shows what it does.
const (
	proximityBoost = 0.15
	tagBoost       = 1.0
)

// maxProximityClauses bounds the phrase clauses of a long question.
const maxProximityClauses = 64

// proximityFields are the fields with term positions, and their weights.
var proximityFields = textFields{{fieldTitle, 3}, {fieldBody, 1}}

// proximityClauses boost documents where two words written next to each
// other in the query are next to each other in the title or body, or one
// word further apart: for "flood control in bangkok", "flood control",
// "flood _ control", "control _ bangkok" and "control _ _ bangkok",
// where _ is any word. (Also matching "control bangkok" lost 0.006
// nDCG@10 on Cranfield, whose questions have many stop words.) They are
// scored as if ORed into the query, for the best hits only.
func proximityClauses(terms []Term, a analysis.Analyzer) []query.Query {
	var out []query.Query
	prev, gap := "", 0
	for _, t := range terms {
		tokens := analyse(a, t.Text)
		switch {
		case !plain(t) || len(tokens) > 1:
			prev, gap = "", 0
			continue
		case len(tokens) == 0:
			gap++
			continue
		}
		for g := gap; prev != "" && g <= gap+1 && len(out) < maxProximityClauses; g++ {
			out = append(out, pairPhrase(prev, tokens[0], g)...)
		}
		prev, gap = tokens[0], 0
	}
	return out
}

func pairPhrase(a, b string, gap int) []query.Query {
	terms := append(append([]string{a}, make([]string, gap)...), b) // "" is any word
	var out []query.Query
	for _, f := range proximityFields {
		pq := bleve.NewPhraseQuery(terms, f.field)
		pq.SetBoost(f.boost * proximityBoost)
		out = append(out, pq)
	}
	return out
}

// tagClauses boost the documents tagged with a city or theme whose name
// (or another name of it) the query writes: "bangkok flood" ranks the
// documents about Bangkok above those that only mention it. A run of
// words is matched whole, the longest first, as expander.groups does;
// unlike it, a theme's label counts unquoted too, since here it only
// ranks. A name shared by several cities in the index boosts none.
func tagClauses(terms []Term, x *expander) []query.Query {
	var out []query.Query
	for i := 0; i < len(terms); {
		n, tags := longestName(terms[i:], x)
		for _, facet := range []string{FacetCity, FacetTheme} {
			for _, v := range tags[facet] {
				tq := bleve.NewTermQuery(v) // a leaf: bleve ignores a disjunction's boost
				tq.SetField(facetField[facet])
				tq.SetBoost(tagBoost)
				out = append(out, tq)
			}
		}
		i += n
	}
	return out
}

// longestName returns how many of terms name cities or themes, and them.
func longestName(terms []Term, x *expander) (int, map[string][]string) {
	if terms[0].Not || terms[0].Field != "" {
		return 1, nil
	}
	n := 1
	if !terms[0].Phrase {
		n = min(len(terms), x.th.maxWords)
	}
	for ; n > 0; n-- {
		if n > 1 && !allPlain(terms[:n]) {
			continue
		}
		words := make([]string, n)
		for i, t := range terms[:n] {
			words[i] = t.Text
		}
		if tags := x.presentTags(strings.Join(words, " ")); len(tags) > 0 {
			return n, tags
		}
	}
	return 1, nil
}

// presentTags returns the cities and themes the index holds that phrase
// names, by facet.
func (x *expander) presentTags(phrase string) map[string][]string {
	m := x.th.lookup(phrase)
	if m == nil {
		return nil
	}
	out := map[string][]string{}
	for facet, values := range map[string][]string{FacetCity: m.cities, FacetTheme: m.themes} {
		present := x.ix.presentValues(facet)
		var in []string
		for _, v := range values {
			if present[v] {
				in = append(in, v)
			}
		}
		if len(in) > 0 && (facet != FacetCity || len(in) == 1) {
			out[facet] = in
		}
	}
	return out
}

// withShould adds optional clauses to q: a document matching them ranks
// higher. Each kind goes in its own level, since bleve scales a group of
// optional clauses by the share of them a document matches.
func withShould(q query.Query, should []query.Query) query.Query {
	if len(should) == 0 {
		return q
	}
	b := bleve.NewBooleanQuery()
	b.AddMust(q)
	b.AddShould(should...)
	return b
}
