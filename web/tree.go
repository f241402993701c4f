package web

import (
	"cmp"
	"slices"

	"casebook/search"
)

// tree nests the values of one or more facets by the reference
// hierarchy. Each value keeps the count of its own facet; a parent the
// engine did not return (none of its documents are in the result under
// that facet's counts) is added without a count, so that every value
// has its place and every level can be selected.
type tree struct {
	req   search.Request
	h     *hierarchy
	nodes map[treeKey]*treeNode
	all   []*treeNode // in the order they were added
}

type treeKey struct{ facet, value string }

type treeNode struct {
	treeKey
	fv      search.FacetValue
	counted bool
	parent  *treeNode
	kids    []*treeNode
}

func newTree(req search.Request, h *hierarchy) *tree {
	return &tree{req: req, h: h, nodes: map[treeKey]*treeNode{}}
}

// add places the values of one facet.
func (t *tree) add(facet string, vals []search.FacetValue) {
	for _, v := range vals {
		n := t.node(facet, v.Value)
		n.fv, n.counted = v, true
	}
}

func (t *tree) node(facet, value string) *treeNode {
	k := treeKey{facet, value}
	if n, ok := t.nodes[k]; ok {
		return n
	}
	n := &treeNode{treeKey: k, fv: search.FacetValue{Value: value}}
	t.nodes[k], t.all = n, append(t.all, n)
	return n
}

// views links every node to its parent, adding parents as needed, and
// returns the top level, each level ordered by count.
func (t *tree) views() []valueView {
	for i := 0; i < len(t.all); i++ { // parents added here are linked too
		n := t.all[i]
		facet, value, ok := t.h.parent(n.facet, n.value)
		if !ok {
			continue
		}
		p := t.node(facet, value)
		if p.isUnder(n) {
			continue // a loop in the reference data
		}
		n.parent, p.kids = p, append(p.kids, n)
	}
	var roots []*treeNode
	for _, n := range t.all {
		if n.parent == nil {
			roots = append(roots, n)
		}
	}
	return t.viewAll(roots)
}

func (t *tree) viewAll(nodes []*treeNode) []valueView {
	slices.SortStableFunc(nodes, func(a, b *treeNode) int {
		return cmp.Or(cmp.Compare(b.weight(), a.weight()), cmp.Compare(a.value, b.value))
	})
	out := make([]valueView, 0, len(nodes))
	for _, n := range nodes {
		v := newValueView(t.req, n.facet, n.fv, n.counted)
		v.Children = t.viewAll(n.kids)
		out = append(out, v)
	}
	return out
}

// isUnder reports whether n is other or one of its descendants.
func (n *treeNode) isUnder(other *treeNode) bool {
	for p := n; p != nil; p = p.parent {
		if p == other {
			return true
		}
	}
	return false
}

// weight orders siblings: a node's count, or its largest child's when
// it was not counted itself.
func (n *treeNode) weight() int {
	w := n.fv.Count
	for _, k := range n.kids {
		w = max(w, k.weight())
	}
	return w
}
