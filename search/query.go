package search

import (
	"fmt"
	"strings"
	"unicode"
)

// Query is a parsed user query. Terms lists its words, phrases and field
// terms in order; Root is the same as a tree when the query uses AND, OR,
// NOT or parentheses, and nil for a plain list of terms (every positive
// term must match, no negated one may; see textQuery for long lists).
type Query struct {
	Terms []Term
	Root  Node
	// Notes say how a malformed query was read: "read as plain words: a
	// "(" is never closed".
	Notes []string
}

// Node is a part of a boolean query: an And, Or, Not or a Term.
type Node interface{ isNode() }

// And needs every one of its nodes.
type And []Node

// Or needs at least one of its nodes.
type Or []Node

// Not excludes what its node matches.
type Not struct{ Node Node }

func (And) isNode()  {}
func (Or) isNode()   {}
func (Not) isNode()  {}
func (Term) isNode() {}

// Term is a word or a quoted phrase, possibly negated with a leading "-",
// possibly for one field: city:Bangkok, theme:"waste", year:2009..2012,
// title:flood.
type Term struct {
	Text   string
	Phrase bool
	Not    bool
	Field  string // "" for the text; else one of QueryFields
}

// QueryFields are the field prefixes a query may use.
var QueryFields = []string{FacetCity, FacetCountry, FacetRegion, FacetTheme, FacetKind, FacetLang, FacetYear, "title"}

// ParseQuery reads words, "quoted phrases", -exclusions, field terms and
// the operators AND, OR and NOT (in capitals; lower-case "and" is a word)
// with parentheses. Nothing else has special meaning to the engine: *, ?,
// ~ and / are plain text and fall away in analysis. It never fails: an
// unclosed quote runs to the end of the input, and a malformed boolean
// query ("flood OR", "(waste") is read as plain words, with a note.
func ParseQuery(s string) Query {
	toks := lex(s)
	q := Query{}
	for _, t := range toks {
		if t.kind == tokTerm {
			q.Terms = append(q.Terms, t.term)
		}
	}
	if !hasOperators(toks) {
		return q
	}
	p := &parser{toks: toks}
	root, err := p.parse()
	if err != nil {
		q.Notes = []string{"read as plain words: " + err.Error()}
		return q
	}
	q.Root = root
	return q
}

// Token kinds.
const (
	tokTerm = iota
	tokAnd
	tokOr
	tokNot
	tokOpen
	tokClose
)

type token struct {
	kind int
	term Term
}

// hasOperators reports whether toks hold AND, OR or NOT. Parentheses
// alone are punctuation: "stress in wings (at mach 2)" is a question.
func hasOperators(toks []token) bool {
	for _, t := range toks {
		if t.kind == tokAnd || t.kind == tokOr || t.kind == tokNot {
			return true
		}
	}
	return false
}

// lex splits s into terms, operators and parentheses.
func lex(s string) []token {
	var out []token
	rs := []rune(s)
	for i := 0; i < len(rs); {
		switch r := rs[i]; {
		case unicode.IsSpace(r):
			i++
			continue
		case r == '(' || r == ')':
			out = append(out, token{kind: map[rune]int{'(': tokOpen, ')': tokClose}[r]})
			i++
			continue
		}
		not := false
		if rs[i] == '-' && i+1 < len(rs) && !unicode.IsSpace(rs[i+1]) {
			not = true
			i++
			if rs[i] == '(' { // -(a OR b)
				out = append(out, token{kind: tokNot})
				continue
			}
		}
		var t Term
		t, i = readTerm(rs, i)
		t.Not = not
		if op, ok := operators[t.Text]; ok && !t.Phrase && !not && t.Field == "" {
			out = append(out, token{kind: op})
			continue
		}
		if strings.TrimSpace(t.Text) != "" {
			out = append(out, token{kind: tokTerm, term: t})
		}
	}
	return out
}

var operators = map[string]int{"AND": tokAnd, "OR": tokOr, "NOT": tokNot}

// readTerm reads one word, quoted phrase or field:value starting at i.
func readTerm(rs []rune, i int) (Term, int) {
	if field, n := fieldPrefix(rs[i:]); field != "" && i+n < len(rs) && !unicode.IsSpace(rs[i+n]) && rs[i+n] != ')' {
		t, j := readPlain(rs, i+n)
		t.Field = field
		return t, j
	}
	return readPlain(rs, i)
}

// fieldPrefix returns the field named by "name:" at the start of rs, and
// the prefix's length; "" when rs starts with no known field.
func fieldPrefix(rs []rune) (string, int) {
	for _, f := range QueryFields {
		p := []rune(f + ":")
		if len(rs) >= len(p) && strings.EqualFold(string(rs[:len(p)]), string(p)) {
			return f, len(p)
		}
	}
	return "", 0
}

// readPlain reads one word or quoted phrase starting at i. A word ends at
// a space, a quote or a closing parenthesis.
func readPlain(rs []rune, i int) (Term, int) {
	if rs[i] == '"' {
		j := i + 1
		for j < len(rs) && rs[j] != '"' {
			j++
		}
		t := Term{Text: string(rs[i+1 : j]), Phrase: true}
		return t, j + 1
	}
	j := i
	for j < len(rs) && !unicode.IsSpace(rs[j]) && rs[j] != '"' && rs[j] != ')' && (j == i || rs[j] != '(') {
		j++
	}
	return Term{Text: string(rs[i:j])}, j
}

// parser reads a token list by recursive descent:
//
//	or    = and { OR and }
//	and   = unary { [AND] unary }
//	unary = NOT unary | "(" or ")" | term
type parser struct {
	toks []token
	pos  int
}

// maxDepth bounds nesting, so a hostile query cannot exhaust the stack.
const maxDepth = 32

func (p *parser) parse() (Node, error) {
	n, err := p.or(0)
	if err != nil {
		return nil, err
	}
	if p.pos < len(p.toks) {
		return nil, fmt.Errorf(`a ")" has no "(" before it`)
	}
	return n, nil
}

func (p *parser) peek() int {
	if p.pos < len(p.toks) {
		return p.toks[p.pos].kind
	}
	return -1
}

func (p *parser) or(depth int) (Node, error) {
	var alts Or
	for {
		n, err := p.and(depth)
		if err != nil {
			return nil, err
		}
		alts = append(alts, n)
		if p.peek() != tokOr {
			break
		}
		p.pos++
	}
	if len(alts) == 1 {
		return alts[0], nil
	}
	return alts, nil
}

func (p *parser) and(depth int) (Node, error) {
	var all And
	for {
		if p.peek() == tokAnd {
			if len(all) == 0 {
				return nil, fmt.Errorf("AND needs something before it")
			}
			p.pos++
		}
		n, err := p.unary(depth)
		if err != nil {
			return nil, err
		}
		all = append(all, n)
		if k := p.peek(); k == -1 || k == tokOr || k == tokClose {
			break
		}
	}
	if len(all) == 1 {
		return all[0], nil
	}
	return all, nil
}

func (p *parser) unary(depth int) (Node, error) {
	if depth > maxDepth {
		return nil, fmt.Errorf("parentheses nest deeper than %d", maxDepth)
	}
	switch p.peek() {
	case -1:
		if p.pos > 0 && p.toks[p.pos-1].kind != tokTerm && p.toks[p.pos-1].kind != tokClose {
			return nil, fmt.Errorf("%s needs a word after it", opName(p.toks[p.pos-1].kind))
		}
		return nil, fmt.Errorf("the query ends where a word was expected")
	case tokNot:
		p.pos++
		n, err := p.unary(depth + 1)
		if err != nil {
			return nil, err
		}
		return Not{Node: n}, nil
	case tokOpen:
		p.pos++
		n, err := p.or(depth + 1)
		if err != nil {
			return nil, err
		}
		if p.peek() != tokClose {
			return nil, fmt.Errorf(`a "(" is never closed`)
		}
		p.pos++
		return n, nil
	case tokTerm:
		t := p.toks[p.pos].term
		p.pos++
		if t.Not {
			t.Not = false
			return Not{Node: t}, nil
		}
		return t, nil
	case tokClose:
		return nil, fmt.Errorf(`a ")" has no "(" before it, or nothing inside`)
	}
	return nil, fmt.Errorf("%s needs a word after it", opName(p.peek()))
}

func opName(kind int) string {
	for name, k := range operators {
		if k == kind {
			return name
		}
	}
	return `"("`
}
