package search

import (
	"fmt"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// fieldClauses turns the facet terms of a query (city:Bangkok,
// theme:waste, year:2009..2012) into clauses that every hit must meet, or
// must not meet when negated. A value is matched against the values the
// index holds for that facet, ignoring case; for the long-named facets
// (theme, region, country) a word of the name is enough: theme:waste
// is "Waste and recycling", region:asia every Asian sub-region. A value that matches nothing matches no
// document, and a note says so; a malformed year is searched as a word.
func (ix *Index) fieldClauses(terms []Term) (must, mustNot []query.Query, words []Term, notes []string, err error) {
	for _, t := range terms {
		var q query.Query
		switch t.Field {
		case "", "title":
			words = append(words, t)
			continue
		case FacetYear:
			yq, yerr := yearQuery(t.Text)
			if yerr != nil {
				notes = append(notes, fmt.Sprintf("year:%s is not a year or a range like 2009..2012; searched as a word", t.Text))
				words = append(words, Term{Text: t.Text, Not: t.Not})
				continue
			}
			q = yq
		default:
			values, rerr := ix.resolve(t.Field, t.Text)
			if rerr != nil {
				return nil, nil, nil, nil, rerr
			}
			if len(values) == 0 {
				notes = append(notes, fmt.Sprintf("no %s is called %q", facetLabel(t.Field), t.Text))
			}
			q = anyOf(t.Field, values)
		}
		if t.Not {
			mustNot = append(mustNot, q)
		} else {
			must = append(must, q)
		}
	}
	return must, mustNot, words, notes, nil
}

// resolve finds the facet values a typed value stands for.
func (ix *Index) resolve(facet, typed string) ([]string, error) {
	dict, err := ix.idx.FieldDict(facetField[facet])
	if err != nil {
		return nil, fmt.Errorf("search: values of %s: %w", facet, err)
	}
	defer dict.Close()
	want := strings.ToLower(strings.TrimSpace(typed))
	var exact, partial []string
	for {
		e, err := dict.Next()
		if err != nil {
			return nil, fmt.Errorf("search: values of %s: %w", facet, err)
		}
		if e == nil {
			break
		}
		v := strings.ToLower(e.Term)
		switch {
		case v == want:
			exact = append(exact, e.Term)
		case wordsMatch(facet) && hasWord(v, want):
			partial = append(partial, e.Term)
		}
	}
	if len(exact) > 0 {
		return exact, nil
	}
	if len(partial) == 0 && facet == FacetCity {
		return ix.cityByAlias(typed), nil
	}
	return partial, nil
}

// cityByAlias returns the city in the index that typed is another name
// of, in any script: city:Rangoon is Yangon, city:バンコク Bangkok.
func (ix *Index) cityByAlias(typed string) []string {
	m := ix.thesaurus().lookup(typed)
	if m == nil {
		return nil
	}
	present := ix.presentValues(FacetCity)
	var out []string
	for _, c := range m.cities {
		if present[c] {
			out = append(out, c)
		}
	}
	return out
}

// wordsMatch: facets whose values are long names, found by one word.
func wordsMatch(facet string) bool {
	return facet == FacetTheme || facet == FacetRegion || facet == FacetCountry
}

// hasWord reports whether name has the word w, or its plural: "waste"
// is a word of "Waste and recycling" but not of "wastewater".
func hasWord(name, w string) bool {
	for _, f := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' || r == ',' }) {
		if f == w || f == w+"s" || f+"s" == w {
			return true
		}
	}
	return false
}

// anyOf matches documents with any of values in facet; none at all when
// values is empty.
func anyOf(facet string, values []string) query.Query {
	if len(values) == 0 {
		return bleve.NewMatchNoneQuery()
	}
	d := bleve.NewDisjunctionQuery()
	for _, v := range values {
		tq := bleve.NewTermQuery(v)
		tq.SetField(facetField[facet])
		d.AddQuery(tq)
	}
	return d
}

var facetLabels = map[string]string{FacetCity: "city", FacetCountry: "country", FacetRegion: "region", FacetTheme: "theme", FacetKind: "kind", FacetLang: "language"}

func facetLabel(f string) string { return facetLabels[f] }
