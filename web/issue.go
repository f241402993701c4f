package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"

	"casebook/data"
	"casebook/search"
)

// Issues is what the issue page reads from the store; *data.Store
// implements it. Issue returns an error wrapping data.ErrNotFound when id
// names no newsletter issue. The Server's Docs provide it when they can;
// without it every issue page is a 404.
type Issues interface {
	Issue(id string) (*data.IssueView, error)
}

var _ Issues = (*data.Store)(nil)

const viewIssue = "issue"

// The issue view is registered here, beside its handler.
func init() { viewNames = append(viewNames, viewIssue) }

// serveIssue shows a newsletter issue: its table of contents with links
// to each article, the issues before and after it and its other-language
// edition.
func (s *Server) serveIssue(w http.ResponseWriter, r *http.Request) {
	v, err := s.issue(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, viewIssue, page{Title: v.Title, Header: true, View: v})
}

// issue loads the issue named by the {id} of the route.
func (s *Server) issue(r *http.Request) (issueView, error) {
	id, err := url.PathUnescape(chi.URLParam(r, "id"))
	if err != nil || id == "" {
		return issueView{}, fmt.Errorf("web: issue id %q: %w", chi.URLParam(r, "id"), data.ErrNotFound)
	}
	issues, ok := s.Docs.(Issues)
	if !ok {
		return issueView{}, fmt.Errorf("web: issue %q: the store lists no issues: %w", id, data.ErrNotFound)
	}
	v, err := issues.Issue(id)
	if err == nil {
		err = hideInternal(r, v.Issue)
	}
	if err != nil {
		return issueView{}, fmt.Errorf("web: issue %q: %w", id, err)
	}
	return newIssueView(publicIssue(r, v)), nil
}

// issueView is the model of the issue page.
type issueView struct {
	Doc         *data.Document
	Title       string // the issue's heading: "Inaugural Issue — January 2009"
	Subtitle    bool   // show Label and When below it: the heading lacks one of them
	Label       string // "Inaugural Issue"
	Number      int
	When        string // "January 2009"
	LangLabel   string
	DocURL      string // the issue page as a document
	Articles    []issueArticle
	Prev, Next  *issueNav
	Other       *issueNav // the other-language edition
	SearchURL   string    // newsletter articles of the same year and language
	SearchLabel string
}

type issueArticle struct {
	URL      string
	Title    string
	Summary  string
	Lang     string
	Position int
}

type issueNav struct {
	URL   string
	Label string
	Lang  string
}

func newIssueView(iv *data.IssueView) issueView {
	doc := iv.Issue
	v := issueView{
		Doc:       doc,
		Title:     doc.Title,
		When:      issueWhen(doc),
		LangLabel: valueLabel(search.FacetLang, doc.Lang),
		DocURL:    docURL(doc.ID, ""),
		Prev:      issueNavTo(iv.Prev),
		Next:      issueNavTo(iv.Next),
		Other:     otherEdition(doc),
	}
	if doc.Issue != nil {
		v.Label, v.Number = doc.Issue.Label, doc.Issue.Number
	}
	for _, a := range iv.Articles {
		v.Articles = append(v.Articles, issueArticle{
			URL: docURL(a.ID, ""), Title: a.Title, Summary: a.Summary, Lang: a.Lang, Position: a.Position,
		})
	}
	v.Subtitle = (v.Label != "" || v.When != "") && !(strings.Contains(v.Title, v.Label) && strings.Contains(v.Title, v.When))
	v.SearchURL, v.SearchLabel = issueSearch(doc)
	return v
}

func issueURL(id string) string { return "/issue/" + url.PathEscape(id) }

func issueNavTo(l data.IssueLink) *issueNav {
	if l.ID == "" {
		return nil
	}
	label := l.Label
	if label == "" {
		label = l.Title
	}
	return &issueNav{URL: issueURL(l.ID), Label: label}
}

// otherEdition links the issue's counterpart in the other language.
func otherEdition(doc *data.Document) *issueNav {
	if doc.Counterpart == "" {
		return nil
	}
	nav := &issueNav{URL: issueURL(doc.Counterpart), Label: "Other language edition"}
	switch doc.Lang {
	case "en":
		nav.Label, nav.Lang = "日本語版 (Japanese edition)", "ja"
	case "ja":
		nav.Label, nav.Lang = "English edition", "en"
	}
	return nav
}

// issueWhen is the month of an issue, from its key ("200901" is January
// 2009), else its date or year.
func issueWhen(doc *data.Document) string {
	if doc.Issue != nil {
		if t, err := time.Parse("200601", doc.Issue.Key); err == nil {
			return t.Format("January 2006")
		}
	}
	if doc.Date != "" {
		return doc.Date
	}
	if doc.Year != 0 {
		return strconv.Itoa(doc.Year)
	}
	return ""
}

// issueSearch links the search for newsletter articles of the issue's
// year and language: there is no issue facet to narrow by.
func issueSearch(doc *data.Document) (string, string) {
	year := doc.Year
	if doc.Issue != nil && year == 0 && len(doc.Issue.Key) >= 4 {
		year, _ = strconv.Atoi(doc.Issue.Key[:4])
	}
	if year == 0 {
		return "", ""
	}
	q := url.Values{search.FacetKind: {data.KindNewsletterArticle}, search.FacetYear: {strconv.Itoa(year)}}
	label := fmt.Sprintf("All newsletter articles from %d", year)
	if doc.Lang != "" {
		q.Set(search.FacetLang, doc.Lang)
		label += " in " + valueLabel(search.FacetLang, doc.Lang)
	}
	return pageURL(q), label
}
