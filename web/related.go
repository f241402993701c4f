package web

import (
	"context"
	"errors"
	"strings"

	"casebook/data"
	"casebook/search"
)

// relatedCount is how many related practices a document page lists.
const relatedCount = 5

// relatedRow is one related practice on a document page.
type relatedRow struct {
	Title   string
	URL     string
	Lang    string
	Where   string // its cities
	About   string // its themes
	Year    int
	Snippet search.Snippet
}

// related lists documents like doc, if the engine can find them. A
// failure only costs the section, so it is logged, not shown.
func (s *Server) related(ctx context.Context, doc *data.Document, back string, sc search.Scope) []relatedRow {
	rel, ok := s.Search.(search.Relater)
	if !ok {
		return nil
	}
	hits, err := rel.Related(ctx, doc.ID, relatedCount, sc)
	if err != nil {
		if !errors.Is(err, data.ErrNotFound) { // not indexed yet
			s.logger().Warn("related documents", "id", doc.ID, "err", err)
		}
		return nil
	}
	rows := make([]relatedRow, 0, len(hits))
	for _, h := range hits {
		rows = append(rows, relatedRow{
			Title: h.Title, URL: docURL(h.ID, back), Lang: h.Lang, Year: h.Year, Snippet: h.Snippet,
			Where: strings.Join(h.Cities, ", "), About: strings.Join(h.Themes, ", "),
		})
	}
	return rows
}
