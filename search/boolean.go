package search

import (
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// compiler turns a boolean query tree into a bleve query. Words match
// the text fields as in textQuery, but every word is required unless an
// OR says otherwise; field terms become filters as in fieldClauses.
type compiler struct {
	ix       *Index
	x        *expander
	clauses  int
	hasWords bool // a word or phrase is searched: rank by relevance, highlight
	notes    []string
}

// compile returns nil for a node with nothing searchable (only stop words).
func (c *compiler) compile(n Node) (query.Query, error) {
	switch n := n.(type) {
	case Term:
		return c.term(n)
	case Not:
		q, err := c.compile(n.Node)
		if q == nil || err != nil {
			return nil, err
		}
		return without(bleve.NewMatchAllQuery(), q), nil
	case And:
		return c.and(n)
	case Or:
		return c.or(n)
	}
	return nil, fmt.Errorf("search: unknown query node %T", n)
}

func (c *compiler) and(nodes And) (query.Query, error) {
	var must, mustNot []query.Query
	for _, n := range nodes {
		inner, negated := n.(Not)
		if negated {
			n = inner.Node
		}
		q, err := c.compile(n)
		if err != nil {
			return nil, err
		}
		switch {
		case q == nil:
		case negated:
			mustNot = append(mustNot, q)
		default:
			must = append(must, q)
		}
	}
	if len(must)+len(mustNot) == 0 {
		return nil, nil
	}
	if len(must) == 0 {
		must = append(must, bleve.NewMatchAllQuery())
	}
	b := bleve.NewBooleanQuery()
	b.AddMust(must...)
	b.AddMustNot(mustNot...)
	return b, nil
}

// or drops alternatives with nothing searchable: "flood OR the" is flood.
func (c *compiler) or(nodes Or) (query.Query, error) {
	var alts []query.Query
	for _, n := range nodes {
		q, err := c.compile(n)
		if err != nil {
			return nil, err
		}
		if q != nil {
			alts = append(alts, q)
		}
	}
	switch len(alts) {
	case 0:
		return nil, nil
	case 1:
		return alts[0], nil
	}
	return bleve.NewDisjunctionQuery(alts...), nil
}

func (c *compiler) term(t Term) (query.Query, error) {
	if t.Field != "" && t.Field != "title" {
		must, _, words, notes, err := c.ix.fieldClauses([]Term{t})
		if err != nil {
			return nil, err
		}
		c.notes = append(c.notes, notes...)
		if len(must) > 0 {
			return must[0], nil
		}
		t = words[0] // a malformed year, searched as a word
	}
	g := group{terms: []Term{t}}
	if t.Field == "" {
		g.also = c.x.useful(t.Text)
	}
	qs, n := c.x.clauses(g)
	q := qs[0]
	if q == nil {
		return nil, nil
	}
	if c.clauses += n; c.clauses > maxClauses {
		return nil, fmt.Errorf("%w: query too long", ErrBadRequest)
	}
	c.hasWords = true
	return q, nil
}

// without returns q less what not matches.
func without(q, not query.Query) query.Query {
	b := bleve.NewBooleanQuery()
	b.AddMust(q)
	b.AddMustNot(not)
	return b
}
