package web

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strings"

	"github.com/go-chi/chi/v5"

	"casebook/data"
	"casebook/search"
)

// serveDocument shows one document: metadata with the evidence for each
// tag, summary, outline, text and related practices.
func (s *Server) serveDocument(w http.ResponseWriter, r *http.Request) {
	doc, err := s.document(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v := newDocumentView(doc, safeBack(r.URL.Query().Get("back")))
	v.Related = s.related(r.Context(), doc, v.Back, scope(r))
	s.render(w, r, http.StatusOK, viewDocument, page{
		Title:  doc.Title,
		Header: true,
		View:   v,
	})
}

// document loads the document named by the {id} of the route.
func (s *Server) document(r *http.Request) (*data.Document, error) {
	id, err := url.PathUnescape(chi.URLParam(r, "id"))
	if err != nil || id == "" {
		return nil, fmt.Errorf("web: document id %q: %w", chi.URLParam(r, "id"), data.ErrNotFound)
	}
	doc, err := s.Docs.Document(id)
	if err == nil {
		err = hideInternal(r, doc)
	}
	if err != nil {
		return nil, fmt.Errorf("web: document %q: %w", id, err)
	}
	return doc, nil
}

// documentView is the model of the document page.
type documentView struct {
	Doc         *data.Document
	Back        string
	KindLabel   string
	LangLabel   string
	When        string // date if known, else year
	YearURL     string
	Tags        []tagRow
	Paragraphs  []string
	NoText      bool
	OtherFlags  []string
	SourceURL   string // the source as a link, only for http(s)
	OriginalURL string
	Details     []detailRow // the source's other metadata: type, period, event years...
	Related     []relatedRow
}

// detailRow is one item of a document's other metadata.
type detailRow struct {
	Label  string
	Values string
}

// detailLabels rename metadata keys that would read like another row: a
// case study's "type" is its category, not the document's kind.
var detailLabels = map[string]string{"type": "Category"}

// detailRows lists doc.Meta by key, with readable labels.
func detailRows(meta map[string][]string) []detailRow {
	keys := make([]string, 0, len(meta))
	for k := range meta {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	rows := make([]detailRow, 0, len(keys))
	for _, k := range keys {
		label := strings.ReplaceAll(k, "_", " ")
		if label == "" {
			continue
		}
		label = strings.ToUpper(label[:1]) + label[1:]
		if l, ok := detailLabels[k]; ok {
			label = l
		}
		rows = append(rows, detailRow{Label: label, Values: strings.Join(meta[k], ", ")})
	}
	return rows
}

// tagRow is one facet value of the document and why it has it.
type tagRow struct {
	Facet    string
	Repeat   bool // not the facet's first row: the label is shown once
	Value    string
	URL      string
	Origin   string
	Evidence string
}

func newDocumentView(doc *data.Document, back string) documentView {
	v := documentView{
		Doc:        doc,
		Back:       back,
		KindLabel:  valueLabel(search.FacetKind, doc.Kind),
		LangLabel:  valueLabel(search.FacetLang, doc.Lang),
		When:       doc.Date,
		Tags:       tagRows(doc),
		Paragraphs: paragraphs(doc.Body),
		NoText:     doc.HasFlag(data.FlagNoText),
		SourceURL:  httpURL(doc.Source),
		Details:    detailRows(doc.Meta),
	}
	if v.When == "" && doc.Year != 0 {
		v.When = fmt.Sprint(doc.Year)
	}
	if doc.Year != 0 {
		v.YearURL = pageURL(url.Values{search.FacetYear: {fmt.Sprint(doc.Year)}})
	}
	for _, f := range doc.Flags {
		if f != data.FlagNoText {
			v.OtherFlags = append(v.OtherFlags, f)
		}
	}
	if doc.Hash != "" {
		v.OriginalURL = "/doc/" + url.PathEscape(doc.ID) + "/original"
	}
	return v
}

// tagFacets are the facets whose tags the document page lists.
var tagFacets = []string{data.FacetCity, data.FacetCountry, data.FacetRegion, data.FacetTheme}

func tagRows(doc *data.Document) []tagRow {
	var out []tagRow
	for _, facet := range tagFacets {
		first := true
		for _, t := range doc.Tags {
			if t.Facet != facet {
				continue
			}
			out = append(out, tagRow{
				Facet:    facetLabel(facet),
				Repeat:   !first,
				Value:    t.Value,
				URL:      pageURL(url.Values{facet: {t.Value}}),
				Origin:   t.Origin,
				Evidence: t.Evidence,
			})
			first = false
		}
	}
	return out
}

var blankLines = regexp.MustCompile(`\n[ \t\r\f\v]*\n\s*`)

// paragraphs splits text on blank lines.
func paragraphs(body string) []string {
	var out []string
	for _, p := range blankLines.Split(strings.ReplaceAll(body, "\r\n", "\n"), -1) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// safeBack keeps a back link only if it is a path on this site: it must
// start with one "/" (not "//" or "/\", which browsers read as another
// host) and carry no scheme, host or control characters.
func safeBack(back string) string {
	if len(back) < 1 || len(back) > 2000 || back[0] != '/' {
		return ""
	}
	if len(back) > 1 && (back[1] == '/' || back[1] == '\\') {
		return ""
	}
	if strings.ContainsFunc(back, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
		return ""
	}
	u, err := url.Parse(back)
	if err != nil || u.Scheme != "" || u.Host != "" {
		return ""
	}
	return back
}

// httpURL returns source if it is an absolute http or https URL.
func httpURL(source string) string {
	u, err := url.Parse(source)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}
