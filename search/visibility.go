package search

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"casebook/data"
)

// fieldVisibility holds a document's visibility, "public" or "internal",
// as a keyword: indexed, not stored.
const fieldVisibility = "visibility"

// Scope says which documents a caller may see. The zero value is the
// public's: internal documents are left out of hits, counts,
// suggestions and related documents.
type Scope struct {
	Internal bool // a logged-in reader, staff or admin: internal documents too
}

// visibility is how the index records d: public unless it is internal,
// so a document always has the field and old records read as public.
func visibility(d *data.Document) string {
	if d.Internal() {
		return data.VisibilityInternal
	}
	return data.VisibilityPublic
}

// internalQuery matches the internal documents.
func internalQuery() query.Query {
	tq := bleve.NewTermQuery(data.VisibilityInternal)
	tq.SetField(fieldVisibility)
	return tq
}

// scoped returns q, less the internal documents unless sc allows them.
func scoped(q query.Query, sc Scope) query.Query {
	if sc.Internal {
		return q
	}
	b := bleve.NewBooleanQuery()
	b.AddMust(q)
	b.AddMustNot(internalQuery())
	return b
}

// hidden returns the internal ids of the documents sc may not see, for
// counts read straight from postings; nil when there are none.
func hidden(ctx context.Context, r index.IndexReader, sc Scope) (map[string]bool, error) {
	if sc.Internal {
		return nil, nil
	}
	tfr, err := r.TermFieldReader(ctx, []byte(data.VisibilityInternal), fieldVisibility, false, false, false)
	if err != nil {
		return nil, fmt.Errorf("search: internal documents: %w", err)
	}
	defer tfr.Close()
	var out map[string]bool
	for {
		d, err := tfr.Next(nil)
		if err != nil {
			return nil, fmt.Errorf("search: internal documents: %w", err)
		}
		if d == nil {
			return out, nil
		}
		if out == nil {
			out = map[string]bool{}
		}
		out[string(d.ID)] = true
	}
}

// visibleCount counts the documents with term in field that are not in
// skip.
func visibleCount(ctx context.Context, r index.IndexReader, field, term string, skip map[string]bool) (int, error) {
	tfr, err := r.TermFieldReader(ctx, []byte(term), field, false, false, false)
	if err != nil {
		return 0, err
	}
	defer tfr.Close()
	if len(skip) == 0 {
		return int(tfr.Count()), nil
	}
	n := 0
	for {
		d, err := tfr.Next(nil)
		if err != nil || d == nil {
			return n, err
		}
		if !skip[string(d.ID)] {
			n++
		}
	}
}
