package search

import (
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
	"golang.org/x/text/unicode/norm"
)

// nfkcName is a char filter that NFKC-normalises text before it is split
// into words, so that ＣＯ２ is one word, co2. Indexed text is normalised
// before it reaches bleve (see toIndexDoc), so the filter changes no
// offsets there and highlight positions stay right; it matters for queries.
const nfkcName = "casebook_nfkc"

type nfkcFilter struct{}

func (nfkcFilter) Filter(b []byte) []byte {
	if norm.NFKC.IsNormal(b) {
		return b
	}
	return norm.NFKC.Bytes(b)
}

func nfkc(s string) string {
	if norm.NFKC.IsNormalString(s) {
		return s
	}
	return norm.NFKC.String(s)
}

func init() {
	err := registry.RegisterCharFilter(nfkcName, func(map[string]any, *registry.Cache) (analysis.CharFilter, error) {
		return nfkcFilter{}, nil
	})
	if err != nil {
		panic(err)
	}
}
