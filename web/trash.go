package web

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"

	"github.com/go-chi/chi/v5"

	"casebook/data"
)

const (
	viewTrash  = "trash"
	viewNotice = "notice"
)

func init() { viewNames = append(viewNames, viewTrash, viewNotice) }

// noticeView is the model of a page that says what a form did.
type noticeView struct {
	Tab     string
	Heading string
	Message string
	Links   []option // where to go next: Value is the URL
}

// postDelete moves a document to the trash: it leaves search and its
// page at once; its original stays, and an admin can restore it.
func (s *Server) postDelete(w http.ResponseWriter, r *http.Request) {
	doc, err := s.document(r)
	if err == nil {
		err = s.Staff.Store.TrashDocument(s.actor(r), doc.ID)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.Staff.notify()
	v := noticeView{
		Heading: "Moved to the trash",
		Message: fmt.Sprintf("%q is no longer shown or found. An administrator can restore it from the trash.", doc.Title),
		Links:   []option{{Value: "/review", Label: "Review list"}, {Value: "/", Label: "Search"}},
	}
	if u := currentUser(r); u != nil && u.Role.Can(data.RoleAdmin) {
		v.Links = append([]option{{Value: "/trash", Label: "Trash"}}, v.Links...)
	}
	s.render(w, r, http.StatusOK, viewNotice, page{Title: v.Heading, Header: true, View: v})
}

// trashView is the model of the trash page.
type trashView struct {
	Tab     string
	Entries []trashRow
	Flash   string
}

type trashRow struct {
	ID, Title, Kind, Source, By, At string
	RestoreURL                      string
}

// serveTrash lists the trashed documents, latest first.
func (s *Server) serveTrash(w http.ResponseWriter, r *http.Request) {
	entries, err := s.Staff.Store.Trash()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v := trashView{Tab: "trash", Flash: trashFlash(r.URL.Query())}
	for _, e := range entries {
		v.Entries = append(v.Entries, trashRow{
			ID: e.Doc.ID, Title: e.Doc.Title, Kind: valueLabel("kind", e.Doc.Kind), Source: e.Doc.Source, By: e.By,
			At: e.At.UTC().Format("2006-01-02 15:04 UTC"), RestoreURL: "/trash/" + url.PathEscape(e.Doc.ID) + "/restore",
		})
	}
	s.render(w, r, http.StatusOK, viewTrash, page{Title: "Trash", Header: true, View: v})
}

// trashFlash is the note a redirect back to the trash asks for.
func trashFlash(q url.Values) string {
	switch {
	case q.Has("restored"):
		return "The document is back: it shows in search again."
	case q.Has("emptied"):
		return fmt.Sprintf("Emptied the trash: %s removed for good.", q.Get("emptied"))
	}
	return ""
}

// postRestore puts a trashed document back.
func (s *Server) postRestore(w http.ResponseWriter, r *http.Request) {
	id, err := url.PathUnescape(chi.URLParam(r, "id"))
	if err == nil {
		_, err = s.Staff.Store.RestoreDocument(s.actor(r), id)
	}
	if err != nil {
		s.fail(w, r, trashError(err))
		return
	}
	s.Staff.notify()
	redirect(w, r, "/trash?restored=1")
}

// postEmptyTrash removes every trashed document for good.
func (s *Server) postEmptyTrash(w http.ResponseWriter, r *http.Request) {
	n, err := s.Staff.Store.EmptyTrash(s.actor(r))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	redirect(w, r, "/trash?emptied="+url.QueryEscape(plural(n, "document")))
}

// trashError says why a restore cannot be done.
func trashError(err error) error {
	if errors.Is(err, data.ErrExists) {
		return &userError{status: http.StatusConflict, msg: "A document from the same source was ingested since; delete it first to restore this one.", err: err}
	}
	return err
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
