package main

import (
	"fmt"
	"math/rand/v2"
	"net/url"
	"slices"
	"strings"

	"casebook/search"
)

// benchQuery is one typical request: two or three words, mostly words
// of the selected theme, one theme, and a city or a year range.
type benchQuery struct {
	words  []string
	theme  string
	city   string // "" when the years lo..hi are selected instead
	lo, hi int
}

// Query words not of the theme are the real words of these frequency
// ranks, found in roughly 2% to 25% of documents each.
const queryRankLo, queryRankHi = 300, 3000

// queries makes n requests from a fixed seed.
func (g *corpusGen) queries(n int) []benchQuery {
	r := rand.New(rand.NewPCG(genSeed, 1<<32))
	var pool []string
	for k := queryRankLo; k < queryRankHi; k++ {
		if g.real[k] {
			pool = append(pool, g.vocab[k])
		}
	}
	qs := make([]benchQuery, n)
	for i := range qs {
		q := &qs[i]
		t := skewed(r, 1.2, len(g.themes))
		q.theme = g.themes[t]
		for nw := 2 + r.IntN(2); len(q.words) < nw; {
			w := pool[r.IntN(len(pool))]
			if r.IntN(10) < 7 {
				w = g.themeWords[t][r.IntN(genThemeSet)]
			}
			if !slices.Contains(q.words, w) {
				q.words = append(q.words, w)
			}
		}
		if r.IntN(2) == 0 {
			q.city = g.cities[skewed(r, 1.1, 30)].Name
		} else {
			q.lo = 2000 + r.IntN(20)
			q.hi = min(2025, q.lo+2+r.IntN(5))
		}
	}
	return qs
}

func (q benchQuery) years() string { return fmt.Sprintf("%d..%d", q.lo, q.hi) }

func (q benchQuery) request() search.Request {
	f := map[string][]string{search.FacetTheme: {q.theme}}
	if q.city != "" {
		f[search.FacetCity] = []string{q.city}
	} else {
		f[search.FacetYear] = []string{q.years()}
	}
	return search.Request{Query: strings.Join(q.words, " "), Filters: f, Page: 1, Size: 10}
}

func (q benchQuery) url(base string) string {
	v := url.Values{"q": {strings.Join(q.words, " ")}, "theme": {q.theme}, "size": {"10"}}
	if q.city != "" {
		v.Set("city", q.city)
	} else {
		v.Set("year", q.years())
	}
	return base + "/api/v1/search?" + v.Encode()
}
