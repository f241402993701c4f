package web

import (
	"errors"
	"net/http"
	"unicode/utf8"

	"casebook/data"
)

const viewEdit = "edit"

func init() { viewNames = append(viewNames, viewEdit) }

// maxEditForm bounds the body of an edit form.
const maxEditForm = 64 << 10

// editView is the model of the edit page.
type editView struct {
	Tab         string
	Doc         *data.Document
	DocURL      string
	Action      string // the form's target
	Form        editForm
	Kinds       []option
	Themes      []string
	Other       []data.Tag // tags the form does not edit: countries, regions, year
	Corrections []string   // the staff's corrections so far, as sentences
	Errors      []string
	Saved       bool
	CanReingest bool
}

// serveEdit shows the edit form of a document.
func (s *Server) serveEdit(w http.ResponseWriter, r *http.Request) {
	doc, err := s.document(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.renderEdit(w, r, http.StatusOK, doc, formOf(doc), nil)
}

func (s *Server) renderEdit(w http.ResponseWriter, r *http.Request, status int, doc *data.Document, f editForm, problems []string) {
	st := s.Staff
	v := editView{
		Doc: doc, DocURL: docURL(doc.ID, ""), Action: editURL(doc.ID), Form: f,
		Kinds: kindOptions(), Themes: st.themeLabels(), Errors: problems,
		Saved: r.Method == http.MethodGet && r.URL.Query().Has("saved"), CanReingest: doc.Hash != "",
	}
	for _, t := range doc.Tags {
		if t.Facet != data.FacetCity && t.Facet != data.FacetTheme {
			v.Other = append(v.Other, t)
		}
	}
	cs, err := st.Store.Corrections(doc.ID)
	if err != nil {
		s.logger().Warn("corrections", "id", doc.ID, "err", err)
	}
	for _, c := range cs {
		v.Corrections = append(v.Corrections, correctionText(c))
	}
	s.render(w, r, status, viewEdit, page{Title: "Edit: " + doc.Title, Header: true, View: v})
}

// postEdit stores the differences between the form and the document as
// corrections, with an audit entry, and tells the index.
func (s *Server) postEdit(w http.ResponseWriter, r *http.Request) {
	doc, err := s.document(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxEditForm)
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, formError(err))
		return
	}
	cs, problems := s.Staff.editCorrections(doc, r.PostForm, s.actor(r))
	if len(problems) > 0 {
		s.renderEdit(w, r, http.StatusBadRequest, doc, sentForm(doc, r.PostForm), problems)
		return
	}
	if len(cs) > 0 {
		if _, err := s.Staff.Store.Edit(s.actor(r), doc.ID, cs); err != nil {
			s.fail(w, r, err)
			return
		}
		s.Staff.notify()
	}
	redirect(w, r, editURL(doc.ID)+"?saved=1")
}

// postReingest reads the document's stored original again, as a job:
// extraction and enrichment run anew and the staff's corrections apply.
func (s *Server) postReingest(w http.ResponseWriter, r *http.Request) {
	doc, err := s.document(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	b, err := s.Staff.Pipeline.ReingestBatch(doc.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	job, err := s.Staff.startAudited(b, data.AuditEntry{Actor: s.actor(r), Action: data.ActionDocReingest, Target: doc.ID})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	redirect(w, r, jobURL(job.ID))
}

// formError is a 413 for a form over the limit, else a 400.
func formError(err error) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return tooLarge("The form is too large.")
	}
	return &userError{status: http.StatusBadRequest, msg: "The form could not be read. Please try again.", err: err}
}

// correctionText says what a correction did, for the edit page.
func correctionText(c data.Correction) string {
	verb := "set " + c.Facet + " to"
	switch {
	case c.Remove:
		verb = "removed " + c.Facet
	case c.Facet == data.FacetCity || c.Facet == data.FacetTheme || c.Facet == data.FacetCountry:
		verb = "added " + c.Facet
	}
	value := c.Value
	switch {
	case value == "":
		value = "(empty)"
	case utf8.RuneCountInString(value) > 80:
		value = string([]rune(value)[:80]) + "…"
	}
	return verb + " " + value + ", by " + c.By + " on " + c.At.UTC().Format("2006-01-02")
}
