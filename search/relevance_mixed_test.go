package search

import (
	"fmt"
	"strings"

	"casebook/data"
)

// The mixed-length set: Cranfield rebuilt as short articles beside long
// paged reports, so that a scoring model's length normalisation shows.
//
// Walking the 1,400 abstracts in id order, cut them into consecutive
// blocks of 10, 20, 30, 40, 50, 10, 20, ... abstracts; the even blocks
// stay short documents, one per abstract, and each odd block becomes
// one report: title "Collected papers, volume N", the abstracts' titles
// as its headings, their texts as its pages (as a PDF's pages are
// indexed). Consecutive Cranfield abstracts are often on one subject, as
// the papers of a volume are. That gives 710 short documents and 24
// reports of 10 to 50 abstracts (1,446 to 8,396 words; the abstracts
// average 120).
//
// Judgments: a short document keeps its code; a report takes the best
// code of its abstracts (1 best, 4 least, -1 of no interest), so a
// report counts as relevant when it contains a relevant abstract (483
// report judgments are). Queries and their numbering are Cranfield's.

// mixedBlocks are the block sizes, used in turn.
var mixedBlocks = []int{10, 20, 30, 40, 50}

// mixedSet derives the mixed-length collection from Cranfield.
func mixedSet(c *cranfield) *cranfield {
	m := &cranfield{Queries: c.Queries, Qrels: map[int]qrels{}}
	reportOf := map[string]string{} // abstract id -> report id
	for i, k := 0, 0; i < len(c.Docs); k++ {
		block := c.Docs[i:min(i+mixedBlocks[k%len(mixedBlocks)], len(c.Docs))]
		i += len(block)
		if k%2 == 0 {
			for _, d := range block {
				short := *d
				short.Kind = data.KindNewsletterArticle
				m.Docs = append(m.Docs, &short)
			}
			continue
		}
		r := report(k/2+1, block)
		for _, d := range block {
			reportOf[d.ID] = r.ID
		}
		m.Docs = append(m.Docs, r)
	}
	for q, judged := range c.Qrels {
		out := qrels{}
		for id, code := range judged {
			if r, ok := reportOf[id]; ok {
				id = r
				if prev, ok := out[id]; ok {
					code = betterCode(prev, code)
				}
			}
			out[id] = code
		}
		m.Qrels[q] = out
	}
	return m
}

// report joins abstracts into one paged document.
func report(n int, abstracts []*data.Document) *data.Document {
	r := &data.Document{
		ID:    fmt.Sprintf("r%02d", n),
		Title: fmt.Sprintf("Collected papers, volume %d", n),
		Kind:  data.KindReport, Lang: "en", Source: fmt.Sprintf("cranfield-mixed/r%02d", n),
	}
	var body strings.Builder
	for _, d := range abstracts {
		r.Headings = append(r.Headings, d.Title)
		r.PageStarts = append(r.PageStarts, body.Len())
		body.WriteString(d.Body)
		body.WriteString("\n\n")
	}
	r.Body = body.String()
	return r
}

// betterCode is the more relevant of two judgment codes: 1 over 4, any
// of them over -1.
func betterCode(a, b int) int {
	switch {
	case !isRelevant(a):
		return b
	case !isRelevant(b):
		return a
	}
	return min(a, b)
}
