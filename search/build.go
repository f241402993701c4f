package search

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search/query"
)

// fieldBoost weighs where a word matches: title over summary over
// headings over body.
var fieldBoost = []struct {
	field string
	boost float64
}{
	{fieldTitle, 3}, {fieldSummary, 2}, {fieldHeadings, 1.5}, {fieldBody, 1},
}

// maxClauses bounds the term clauses one query may expand to.
const maxClauses = 256

// A short query needs every word; a longer one, typed as a question ("how
// did other cities handle flood control"), needs minWordsLong of its
// words or this share of them, rounded up, whichever is more. Measured on
// Cranfield's questions (see relevance_test.go): requiring every word
// found nothing for 206 of 225 of them (nDCG@10 0.018); at least 2 or 30%
// gives 0.348, against 0.277 for 50% and 0.360 for any one word, which
// would also make every count and facet mostly noise. With BM25 (the
// default since MappingVersion 4) 30% gives 0.356 and 20% 0.363, the
// only share that beats both of bleve's models with ORed words (0.360,
// 0.355), for about twice the matches (349 against 163 of 1,400).
const (
	allWordsUpTo   = 3
	minWordsLong   = 2
	minWordsShared = 0.2
)

// textQuery builds the bleve query for the user's words, each with what
// it also means (see expander), and apart the proximity clauses that
// re-rank its best hits (see reranker), nil if none. The query is nil
// when nothing searchable is left (empty input, only stop words).
// Phrases are always required and -words always excluded.
func textQuery(q Query, x *expander) (text query.Query, proximity []query.Query, err error) {
	var words, phrases, mustNot []query.Query
	clauses := 0
	for _, g := range x.groups(q.Terms) {
		qs, n := x.clauses(g)
		if clauses += n; clauses > maxClauses {
			return nil, nil, fmt.Errorf("%w: query too long", ErrBadRequest)
		}
		for i, tq := range qs {
			switch t := g.terms[i]; {
			case tq == nil:
			case t.Not:
				mustNot = append(mustNot, tq)
			case t.Phrase:
				phrases = append(phrases, tq)
			default:
				words = append(words, tq)
			}
		}
	}
	if len(words)+len(phrases)+len(mustNot) == 0 {
		return nil, nil, nil
	}
	b := bleve.NewBooleanQuery()
	b.AddMust(phrases...)
	if len(words) <= allWordsUpTo {
		b.AddMust(words...)
	} else {
		b.AddShould(words...)
		need := max(minWordsLong, int(math.Ceil(minWordsShared*float64(len(words)))))
		b.SetMinShould(float64(need))
	}
	if len(words)+len(phrases) == 0 {
		b.AddMust(bleve.NewMatchAllQuery())
	}
	b.AddMustNot(mustNot...)
	if len(words)+len(phrases) == 0 {
		return b, nil, nil
	}
	return scored(withShould(b, tagClauses(q.Terms, x))), proximityClauses(q.Terms, x.a), nil
}

// termQuery matches one word or phrase in any text field. A word that
// analyses to several tokens (a CJK run, "CO2-emissions") needs all of
// them. It returns the query and how many clauses it holds.
func termQuery(t Term, a analysis.Analyzer) (query.Query, int) {
	tokens := analyse(a, t.Text)
	if len(tokens) == 0 {
		return nil, 0
	}
	fields := fieldBoost
	if t.Field == "title" {
		fields = fieldBoost[:1]
	}
	if t.Phrase && len(tokens) > 1 {
		return fieldsPhrase(t.Text, fields), len(fields)
	}
	conj := make([]query.Query, 0, len(tokens))
	for _, tok := range tokens {
		conj = append(conj, fieldsTerm(tok, fields))
	}
	if len(conj) == 1 {
		return conj[0], len(fields)
	}
	return bleve.NewConjunctionQuery(conj...), len(conj) * len(fields)
}

// textFields are the fields a word is looked for in, with their boosts.
type textFields = []struct {
	field string
	boost float64
}

func fieldsTerm(tok string, fields textFields) query.Query {
	d := bleve.NewDisjunctionQuery()
	for _, f := range fields {
		tq := bleve.NewTermQuery(tok)
		tq.SetField(f.field)
		tq.SetBoost(f.boost)
		d.AddQuery(idfOnce(tq))
	}
	return scored(d)
}

func fieldsPhrase(text string, fields textFields) query.Query {
	d := bleve.NewDisjunctionQuery()
	for _, f := range fields {
		pq := bleve.NewMatchPhraseQuery(text)
		pq.SetField(f.field)
		pq.SetBoost(f.boost)
		d.AddQuery(pq)
	}
	return scored(d)
}

// analyse returns the distinct terms the analyzer makes of s.
func analyse(a analysis.Analyzer, s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, tok := range a.Analyze([]byte(s)) {
		term := string(tok.Term)
		if !seen[term] {
			seen[term] = true
			out = append(out, term)
		}
	}
	return out
}

// filterQuery builds the selection of one facet: OR within it.
func filterQuery(facet string, values []string) (query.Query, error) {
	field, ok := facetField[facet]
	if !ok {
		return nil, fmt.Errorf("%w: unknown facet %q", ErrBadRequest, facet)
	}
	d := bleve.NewDisjunctionQuery()
	for _, v := range values {
		if facet == FacetYear {
			yq, err := yearQuery(v)
			if err != nil {
				return nil, err
			}
			d.AddQuery(yq)
			continue
		}
		tq := bleve.NewTermQuery(v)
		tq.SetField(field)
		d.AddQuery(tq)
	}
	return d, nil
}

// yearQuery reads "2009" or "2009..2012" (either end may be left open).
func yearQuery(v string) (query.Query, error) {
	lo, hi, err := ParseYearRange(v)
	if err != nil {
		return nil, err
	}
	if lo == hi {
		tq := bleve.NewTermQuery(strconv.Itoa(lo))
		tq.SetField(fieldYearKey)
		return tq, nil
	}
	min, max := float64(lo), float64(hi)
	yes := true
	rq := bleve.NewNumericRangeInclusiveQuery(&min, &max, &yes, &yes)
	rq.SetField(fieldYear)
	return rq, nil
}

// Year bounds accepted in requests.
const (
	MinYear = 1900
	MaxYear = 2100
)

// ParseYearRange reads "2009", "2009..2012", "2009.." or "..2012".
func ParseYearRange(v string) (lo, hi int, err error) {
	from, to, isRange := strings.Cut(strings.TrimSpace(v), "..")
	if !isRange {
		to = from
	}
	lo, hi = MinYear, MaxYear
	if from != "" {
		if lo, err = parseYear(from); err != nil {
			return 0, 0, err
		}
	}
	if to != "" {
		if hi, err = parseYear(to); err != nil {
			return 0, 0, err
		}
	}
	if lo > hi {
		return 0, 0, fmt.Errorf("%w: year range %q runs backwards", ErrBadRequest, v)
	}
	return lo, hi, nil
}

func parseYear(s string) (int, error) {
	y, err := strconv.Atoi(s)
	if err != nil || y < MinYear || y > MaxYear {
		return 0, fmt.Errorf("%w: %q is not a year", ErrBadRequest, s)
	}
	return y, nil
}
