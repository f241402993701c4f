package main

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"casebook/data"
)

// genVersion names what the generator makes. Bump it on any change to the
// documents, so that cached benchmark indexes are rebuilt.
const genVersion = 2

// Shape of the generated collection. Word ranks follow a Zipf-Mandelbrot
// law (s 1.05, v 2.7), the usual fit for English: the hundred commonest
// words are about half of all tokens.
const (
	genSeed      = 20261130
	genVocab     = 200000
	genZipfS     = 1.05
	genZipfV     = 2.7
	genBodyWords = 775 // with title, summary and headings about 830 words a document
	genCities    = 2000
	genPageWords = 350  // reports are paged, like PDFs
	genHeadWords = 300  // content words right after the function words
	genTopicRank = 3000 // theme words are real words of lower ranks
	genThemeSet  = 25   // words each theme's documents keep coming back to
)

// corpusGen makes documents deterministically: document i depends only
// on i and the fixed seed, never on the clock or on other documents.
type corpusGen struct {
	vocab  []string     // most frequent first
	nStop  int          // vocab[:nStop] are function words
	real   map[int]bool // ranks of the content words; the others are made up
	cities []genCity
	themes []string
	// themeWords are each theme's own words: documents on a theme use
	// some of them often, so words of one subject occur together.
	themeWords [][]string
}

type genCity struct {
	Name       string `json:"name"`
	Country    string `json:"country_name"`
	Subregion  string `json:"subregion"`
	Population int    `json:"population"`
}

func newCorpusGen() (*corpusGen, error) {
	g := &corpusGen{}
	if err := g.loadReference(); err != nil {
		return nil, err
	}
	rank := map[string]int{}
	add := func(w string) {
		if _, ok := rank[w]; !ok {
			rank[w] = len(g.vocab)
			g.vocab = append(g.vocab, w)
		}
	}
	for _, w := range strings.Fields(genStopWords) {
		add(w)
	}
	g.nStop = len(g.vocab)
	// The first content words take the ranks after the function words;
	// the rest are spread through the tail, every tenth rank, so that
	// real words also have the middle frequencies queries use.
	content := strings.Fields(genContentWords)
	r := rand.New(rand.NewPCG(genSeed, 0))
	r.Shuffle(len(content), func(i, j int) { content[i], content[j] = content[j], content[i] })
	head, rest := content[:genHeadWords], content[genHeadWords:]
	for _, w := range head {
		add(w)
	}
	spread := len(g.vocab)
	for len(g.vocab) < genVocab {
		if len(rest) > 0 && (len(g.vocab)-spread)%10 == 0 {
			add(rest[0])
			rest = rest[1:]
			continue
		}
		if w := tailWord(r); len(w) >= 4 {
			add(w)
		}
	}
	g.real = map[int]bool{}
	for _, w := range content {
		if rank[w] >= g.nStop {
			g.real[rank[w]] = true
		}
	}
	g.pickThemeWords(r)
	return g, nil
}

func (g *corpusGen) pickThemeWords(r *rand.Rand) {
	var pool []string
	for k := g.nStop; k < genTopicRank; k++ {
		if g.real[k] {
			pool = append(pool, g.vocab[k])
		}
	}
	for range g.themes {
		r.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
		g.themeWords = append(g.themeWords, slices.Clone(pool[:genThemeSet]))
	}
}

// loadReference reads the most populous cities and the theme labels
// from the bundled reference data, as enrichment would tag them.
func (g *corpusGen) loadReference() error {
	raw, err := data.Reference.ReadFile("reference/cities.json")
	if err != nil {
		return err
	}
	var gz struct{ Cities []genCity }
	if err := json.Unmarshal(raw, &gz); err != nil {
		return fmt.Errorf("cities.json: %w", err)
	}
	slices.SortStableFunc(gz.Cities, func(a, b genCity) int { return b.Population - a.Population })
	g.cities = gz.Cities[:min(genCities, len(gz.Cities))]
	if raw, err = data.Reference.ReadFile("reference/themes.json"); err != nil {
		return err
	}
	var themes []struct{ Label string }
	if err := json.Unmarshal(raw, &themes); err != nil {
		return fmt.Errorf("themes.json: %w", err)
	}
	for _, t := range themes {
		g.themes = append(g.themes, t.Label)
	}
	return nil
}

// docRand is the random source of document i.
func docRand(i int) *rand.Rand { return rand.New(rand.NewPCG(genSeed, uint64(i)+1)) }

// skewed draws an index below n, low indexes far more often.
func skewed(r *rand.Rand, s float64, n int) int {
	return int(rand.NewZipf(r, s, 2, uint64(n-1)).Uint64())
}

var genKinds = []struct {
	kind   string
	weight int
}{
	{data.KindNewsletterArticle, 50}, {data.KindCaseStudy, 20}, {data.KindReport, 15},
	{data.KindPressRelease, 8}, {data.KindSpeech, 4}, {data.KindNewsletterIssue, 3},
}

func pickKind(r *rand.Rand) string {
	n := r.IntN(100)
	for _, k := range genKinds {
		if n < k.weight {
			return k.kind
		}
		n -= k.weight
	}
	return data.KindReport
}

// doc makes document i.
func (g *corpusGen) doc(i int) *data.Document {
	r := docRand(i)
	d := &data.Document{
		ID:        data.DocumentID("bench/" + strconv.Itoa(i)),
		Source:    fmt.Sprintf("bench/%06d.txt", i),
		Kind:      pickKind(r),
		Lang:      "en",
		Year:      min(2025, 1995+int(31*math.Sqrt(r.Float64()))), // more documents in later years
		MediaType: "text/plain",
	}
	if r.IntN(100) < 15 {
		d.Lang = "ja"
	}
	d.Date = fmt.Sprintf("%d-%02d", d.Year, 1+r.IntN(12))
	cities, themes := g.tag(d, r)
	w := newWriter(g, r, cities, themes)
	d.Title = w.title()
	d.Summary = w.paragraph(30 + r.IntN(25))
	for range r.IntN(4) {
		d.Headings = append(d.Headings, w.heading())
	}
	n := int(genBodyWords * math.Exp(0.45*r.NormFloat64()-0.45*0.45/2))
	d.Body, d.PageStarts = w.body(max(120, min(n, 4000)), d.Kind == data.KindReport)
	return d
}

// tag gives d its cities (with their countries and regions) and themes,
// and returns the city names and the themes' indexes.
func (g *corpusGen) tag(d *data.Document, r *rand.Rand) ([]string, []int) {
	var names []string
	n := 1
	switch u := r.IntN(100); {
	case u < 5:
		n = 0
	case u >= 95:
		n = 3
	case u >= 75:
		n = 2
	}
	for range n {
		c := g.cities[skewed(r, 1.1, len(g.cities))]
		if slices.Contains(names, c.Name) {
			continue
		}
		names = append(names, c.Name)
		d.Tags = append(d.Tags,
			data.Tag{Facet: data.FacetCity, Value: c.Name, Origin: data.OriginDetected},
			data.Tag{Facet: data.FacetCountry, Value: c.Country, Origin: data.OriginDetected},
			data.Tag{Facet: data.FacetRegion, Value: c.Subregion, Origin: data.OriginDetected})
	}
	var themes []int
	for range 1 + b2i(r.IntN(100) < 50) + b2i(r.IntN(100) < 15) {
		t := skewed(r, 1.2, len(g.themes))
		if slices.Contains(themes, t) {
			continue
		}
		themes = append(themes, t)
		d.Tags = append(d.Tags, data.Tag{Facet: data.FacetTheme, Value: g.themes[t], Origin: data.OriginDetected})
	}
	return names, themes
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
