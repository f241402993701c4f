package search

import (
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
)

// maxCursor bounds the length of a cursor token.
const maxCursor = 4096

// A cursor is the sort keys of one hit, so that the next page starts
// right after it (bleve's search_after) whatever was added before it.
// Its token is the sort name, then each key in unpadded base64url, all
// joined by dots: only URL-safe characters, and keys may be any bytes
// (bleve's numeric sort keys are binary).

// cursorPage is how a request pages: by offset, or after or before keys.
type cursorPage struct {
	keys   []string // nil: by offset
	before bool
}

// effectiveSort is the order a request is really sorted by: relevance
// without words means newest first.
func effectiveSort(s string, hasWords bool) string {
	if s == "" || s == SortRelevance {
		if hasWords {
			return SortRelevance
		}
		return SortNewest
	}
	return s
}

// readCursor decodes the request's cursor, if any, for the sort order.
func readCursor(req Request, sort string, order []string) (cursorPage, error) {
	token, before := req.After, false
	if req.Before != "" {
		if token != "" {
			return cursorPage{}, fmt.Errorf("%w: both after and before given", ErrBadRequest)
		}
		token, before = req.Before, true
	}
	if token == "" {
		return cursorPage{}, nil
	}
	keys, err := decodeCursor(token, sort, order)
	if err != nil {
		return cursorPage{}, err
	}
	return cursorPage{keys: keys, before: before}, nil
}

func decodeCursor(token, sort string, order []string) ([]string, error) {
	bad := fmt.Errorf("%w: the page cursor is not valid for this search", ErrBadRequest)
	parts := strings.Split(token, ".")
	if len(token) > maxCursor || parts[0] != sort || len(parts) != len(order)+1 {
		return nil, bad
	}
	keys := make([]string, len(order))
	for i, p := range parts[1:] {
		b, err := base64.RawURLEncoding.DecodeString(p)
		if err != nil {
			return nil, bad
		}
		keys[i] = string(b)
		if isScore(order[i]) {
			if _, err := strconv.ParseFloat(keys[i], 64); err != nil {
				return nil, bad
			}
		}
	}
	return keys, nil
}

func encodeCursor(sort string, order []string, h *bsearch.DocumentMatch) string {
	parts := make([]string, 0, len(order)+1)
	parts = append(parts, sort)
	for i, o := range order {
		key := ""
		switch {
		case isScore(o):
			// bleve keeps "_score" as the key and compares scores.
			key = strconv.FormatFloat(h.Score, 'g', -1, 64)
		case i < len(h.Sort):
			key = h.Sort[i]
		}
		parts = append(parts, base64.RawURLEncoding.EncodeToString([]byte(key)))
	}
	return strings.Join(parts, ".")
}

func isScore(o string) bool { return strings.TrimPrefix(o, "-") == "_score" }

// setPage asks for one hit more than the page holds: it tells whether
// there is a page beyond this one.
func (c cursorPage) setPage(sr *bleve.SearchRequest, req Request) {
	sr.Size = req.Size + 1
	switch {
	case c.keys == nil:
		sr.From = (req.Page - 1) * req.Size
	case c.before:
		sr.SearchBefore = c.keys
	default:
		sr.SearchAfter = c.keys
	}
}

// cut drops the extra hit and makes the cursors of the pages either
// side. Before a cursor, bleve returns the hits nearest it last, so the
// extra one is the first.
func (c cursorPage) cut(req Request, sort string, order []string, hits bsearch.DocumentMatchCollection) (page bsearch.DocumentMatchCollection, next, prev string) {
	more := len(hits) > req.Size
	switch {
	case more && c.before:
		hits = hits[1:]
	case more:
		hits = hits[:req.Size]
	}
	if len(hits) == 0 {
		return hits, "", ""
	}
	hasNext := c.before || more
	hasPrev := (c.keys == nil && req.Page > 1) || (c.keys != nil && !c.before) || (c.before && more)
	if hasNext {
		next = encodeCursor(sort, order, hits[len(hits)-1])
	}
	if hasPrev {
		prev = encodeCursor(sort, order, hits[0])
	}
	return hits, next, prev
}
