package indexer

import (
	"context"
	"fmt"

	"casebook/data"
)

// retagBatch is how many documents share one store transaction in Retag.
const retagBatch = 256

// Retag runs enrichment again on every stored document, without reading
// the sources: after the gazetteer or the taxonomy changed. Tags the
// source gave are kept and fed back to enrichment as metadata; staff
// corrections are applied by the store on write. It returns how many
// documents changed.
func (p *Pipeline) Retag(ctx context.Context) (int, error) {
	ids, err := p.Store.IDs()
	if err != nil {
		return 0, err
	}
	changed := 0
	for start := 0; start < len(ids); start += retagBatch {
		if err := ctx.Err(); err != nil {
			return changed, err
		}
		n, err := p.retag(ids[start:min(start+retagBatch, len(ids))])
		changed += n
		if err != nil {
			return changed, err
		}
	}
	if changed > 0 && p.OnStored != nil {
		p.OnStored()
	}
	return changed, nil
}

func (p *Pipeline) retag(ids []string) (int, error) {
	docs := make([]*data.Document, 0, len(ids))
	for _, id := range ids {
		doc, err := p.Store.Document(id)
		if err != nil {
			return 0, err
		}
		p.Enricher.Enrich(doc, sourceMeta(doc))
		docs = append(docs, doc)
	}
	outs, errs, err := p.Store.PutFiles([]data.FileDocs{{Docs: docs}})
	if err == nil {
		err = errs[0]
	}
	if err != nil {
		return 0, fmt.Errorf("retag: %w", err)
	}
	n := 0
	for _, o := range outs[0] {
		if o != data.Unchanged {
			n++
		}
	}
	return n, nil
}

// sourceMeta strips doc of the tags enrichment made and returns the ones
// its source gave, as the metadata enrichment takes them from. The year
// is recomputed unless the source gave it.
func sourceMeta(doc *data.Document) map[string][]string {
	meta := map[string][]string{}
	kept := doc.Tags[:0]
	yearFromSource := false
	for _, t := range doc.Tags {
		if t.Origin != data.OriginSource {
			continue // detected: made again; staff: reapplied by the store
		}
		kept = append(kept, t)
		meta[t.Facet] = append(meta[t.Facet], t.Value)
		yearFromSource = yearFromSource || t.Facet == data.FacetYear
	}
	doc.Tags = kept
	if !yearFromSource {
		doc.Year = 0
	}
	if doc.Date != "" {
		meta["date"] = []string{doc.Date}
	}
	if doc.Issue != nil && doc.Issue.Label != "" {
		meta["issue"] = []string{doc.Issue.Label}
	}
	return meta
}
