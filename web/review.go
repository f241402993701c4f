package web

import (
	"net/http"
	"net/url"

	"casebook/data"
)

const viewReview = "review"

func init() { viewNames = append(viewNames, viewReview) }

// reviewShown is how many entries each list of the review page shows.
const reviewShown = 50

// reviewView is the model of the review page.
type reviewView struct {
	Tab        string
	NoText     []reviewDoc
	LowTags    []reviewDoc
	Duplicates [][]reviewDoc
	Failed     []failedRow
	Totals     struct{ NoText, LowTags, Duplicates, Failed int }
	Shown      int
	LowTagBar  int
}

// reviewDoc is a document of the review page with its links.
type reviewDoc struct {
	Title, Kind, Source string
	URL, EditURL        string
	Tags                []data.Tag
}

type failedRow struct {
	Path, Error, When string
	JobURL            string
}

// serveReview lists what needs a look: documents without text, with
// weak tags or like another, and files that failed.
func (s *Server) serveReview(w http.ResponseWriter, r *http.Request) {
	rv, err := s.Staff.Store.Review(reviewShown)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v := reviewView{Tab: "review", Totals: rv.Totals, Shown: reviewShown, LowTagBar: data.LowTagScore}
	v.NoText, v.LowTags = reviewDocs(rv.NoText), reviewDocs(rv.LowTags)
	for _, g := range rv.Duplicates {
		v.Duplicates = append(v.Duplicates, reviewDocs(g))
	}
	for _, f := range rv.Failed {
		v.Failed = append(v.Failed, failedRow{Path: f.Path, Error: f.Error, When: f.At.UTC().Format("2006-01-02"), JobURL: jobURL(f.Job)})
	}
	s.render(w, r, http.StatusOK, viewReview, page{Title: "Review", Header: true, View: v})
}

func reviewDocs(docs []data.ReviewDoc) []reviewDoc {
	out := make([]reviewDoc, 0, len(docs))
	for _, d := range docs {
		out = append(out, reviewDoc{
			Title: d.Title, Kind: valueLabel("kind", d.Kind), Source: d.Source, Tags: d.Tags,
			URL: docURL(d.ID, ""), EditURL: editURL(d.ID),
		})
	}
	return out
}

// editURL is the edit page of document id.
func editURL(id string) string { return "/doc/" + url.PathEscape(id) + "/edit" }
