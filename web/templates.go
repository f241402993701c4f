package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"text/template/parse"

	"github.com/go-chi/chi/v5/middleware"

	"casebook/data"
)

//go:embed templates
var templateFS embed.FS

// Views, each a file templates/<view>.html that defines "content" for
// the layout.
const (
	viewSearch   = "search"
	viewDocument = "document"
	viewError    = "error"
)

var viewNames = []string{viewSearch, viewDocument, viewError}

// views holds one parsed template set per view: the layout, every
// partial and the view's own file. They are parsed once, at boot.
type views map[string]*template.Template

// parseViews parses layout.html, partials/*.html and one file per view
// from fsys. A missing or broken file is an error, so that the server
// does not start with a page it cannot show.
func parseViews(fsys fs.FS, funcs template.FuncMap) (views, error) {
	base, err := template.New("layout.html").Funcs(funcs).ParseFS(fsys, "layout.html", "partials/*.html")
	if err != nil {
		return nil, fmt.Errorf("web: parse layout: %w", err)
	}
	out := views{}
	for _, name := range viewNames {
		t, err := template.Must(base.Clone()).ParseFS(fsys, name+".html")
		if err != nil {
			return nil, fmt.Errorf("web: parse view %s: %w", name, err)
		}
		for _, block := range []string{"layout", "content"} {
			if t.Lookup(block) == nil {
				return nil, fmt.Errorf("web: view %s: template %q not defined", name, block)
			}
		}
		if err := checkCalls(t); err != nil {
			return nil, fmt.Errorf("web: view %s: %w", name, err)
		}
		out[name] = t
	}
	return out, nil
}

// checkCalls reports a {{template "x"}} whose x is not defined, which
// html/template would otherwise only find when the page is first shown.
func checkCalls(t *template.Template) error {
	for _, tt := range t.Templates() {
		if tt.Tree == nil {
			continue
		}
		var missing string
		walk(tt.Tree.Root, func(n *parse.TemplateNode) {
			if missing == "" && t.Lookup(n.Name) == nil {
				missing = n.Name
			}
		})
		if missing != "" {
			return fmt.Errorf("template %q calls undefined %q", tt.Name(), missing)
		}
	}
	return nil
}

// walk calls fn for every {{template}} node under n.
func walk(n parse.Node, fn func(*parse.TemplateNode)) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			walk(c, fn)
		}
	case *parse.TemplateNode:
		fn(n)
	case *parse.IfNode:
		walk(n.List, fn)
		walk(n.ElseList, fn)
	case *parse.RangeNode:
		walk(n.List, fn)
		walk(n.ElseList, fn)
	case *parse.WithNode:
		walk(n.List, fn)
		walk(n.ElseList, fn)
	}
}

// templateFuncs are the functions every template can call.
func templateFuncs(a assets) template.FuncMap {
	return template.FuncMap{
		"asset":      a.url,
		"facetLabel": facetLabel,
		"valueLabel": valueLabel,
	}
}

// page is what the layout renders; View is the view's own model.
type page struct {
	Title     string
	Query     string // for the search box in the header
	Header    bool   // show the search box in the header
	Version   string
	RequestID string
	Status    int
	Refresh   bool       // reload the page every few seconds (a running job)
	User      *data.User // who is logged in, for the header; nil if anonymous
	View      any
}

// IsAdmin reports whether the header shows the admin link.
func (p page) IsAdmin() bool { return p.User != nil && p.User.Role.Can(data.RoleAdmin) }

// render executes a view into a buffer and only then writes it, so that
// a template error becomes a clean 500 instead of half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, view string, p page) {
	p.Version = s.Version
	p.RequestID = middleware.GetReqID(r.Context())
	p.Status = status
	p.User = currentUser(r)
	var buf bytes.Buffer
	if err := s.views[view].ExecuteTemplate(&buf, "layout", p); err != nil {
		s.logger().Error("render", "view", view, "err", err, "request_id", p.RequestID)
		if view != viewError {
			s.render(w, r, http.StatusInternalServerError, viewError, page{Title: "Server error", View: errorView{Message: msgInternal}})
			return
		}
		http.Error(w, msgInternal, http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}
