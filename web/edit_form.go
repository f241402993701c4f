package web

import (
	"net/url"
	"slices"
	"strconv"
	"strings"

	"casebook/data"
)

// editForm is the edit page's form: what it shows, or what was sent.
type editForm struct {
	Title, Summary, Kind, Year, Visibility string
	Cities, Themes                         []tagChoice
	AddCities, AddTheme                    string
}

// tagChoice is one city or theme of the document, kept unless unticked,
// with who set it and why.
type tagChoice struct {
	Value, Origin, Evidence string
	Keep                    bool
}

// tagTable is one facet's rows of the edit form, for the tagTable partial.
type tagTable struct {
	Name, Label, Empty string // form field, column heading, text without rows
	Rows               []tagChoice
}

// Table returns the rows of facet (city or theme) for the tagTable partial.
func (f editForm) Table(facet string) tagTable {
	if facet == data.FacetCity {
		return tagTable{Name: "city", Label: "City", Empty: "No city yet.", Rows: f.Cities}
	}
	return tagTable{Name: "theme", Label: "Theme", Empty: "No theme yet.", Rows: f.Themes}
}

// formOf fills the form from the stored document.
func formOf(doc *data.Document) editForm {
	f := editForm{Title: doc.Title, Summary: doc.Summary, Kind: doc.Kind, Visibility: visibilityOf(doc)}
	if doc.Year != 0 {
		f.Year = strconv.Itoa(doc.Year)
	}
	f.Cities, f.Themes = choices(doc, data.FacetCity, nil), choices(doc, data.FacetTheme, nil)
	return f
}

// sentForm is the form as posted, shown again when it is refused.
func sentForm(doc *data.Document, v url.Values) editForm {
	return editForm{
		Title: v.Get("title"), Summary: v.Get("summary"), Kind: v.Get("kind"), Year: v.Get("year"),
		Visibility: v.Get("visibility"), AddCities: v.Get("add_cities"), AddTheme: v.Get("add_theme"),
		Cities: choices(doc, data.FacetCity, v["city"]), Themes: choices(doc, data.FacetTheme, v["theme"]),
	}
}

// choices lists doc's values of facet; kept, when not nil, says which
// the form left ticked.
func choices(doc *data.Document, facet string, kept []string) []tagChoice {
	var out []tagChoice
	for _, t := range doc.Tags {
		if t.Facet == facet && !slices.ContainsFunc(out, func(c tagChoice) bool { return c.Value == t.Value }) {
			keep := kept == nil || slices.Contains(kept, t.Value)
			out = append(out, tagChoice{Value: t.Value, Origin: t.Origin, Evidence: t.Evidence, Keep: keep})
		}
	}
	return out
}

func visibilityOf(doc *data.Document) string {
	if doc.Internal() {
		return data.VisibilityInternal
	}
	return data.VisibilityPublic
}

// editCorrections compares the posted form with doc and returns the
// corrections by actor that make the difference. Only values the form
// showed (the *_shown fields) can be removed, so a tag added meanwhile
// by someone else is not dropped by a stale form.
func (st *Staff) editCorrections(doc *data.Document, v url.Values, actor string) ([]data.Correction, []string) {
	e := &edits{actor: actor}
	title := strings.Join(strings.Fields(v.Get("title")), " ")
	switch {
	case title == "":
		e.problem("The title cannot be empty.")
	case title != doc.Title:
		e.set(data.FieldTitle, title)
	}
	if summary := strings.TrimSpace(strings.ReplaceAll(v.Get("summary"), "\r\n", "\n")); summary != doc.Summary {
		e.set(data.FieldSummary, summary)
	}
	if kind := v.Get("kind"); kind != doc.Kind {
		e.check(checkKind(kind))
		e.set(data.FieldKind, kind)
	}
	e.year(v.Get("year"), doc.Year)
	if vis := v.Get("visibility"); vis != visibilityOf(doc) {
		e.check(checkVisibility(vis))
		e.set(data.FieldVisibility, vis)
	}
	e.values(data.FacetCity, doc.Cities(), v["city_shown"], v["city"])
	added, problems := st.cityValues(v.Get("add_cities"))
	e.problems = append(e.problems, problems...)
	e.add(data.FacetCity, doc.Cities(), added)
	e.values(data.FacetTheme, doc.Themes(), v["theme_shown"], v["theme"])
	if t := v.Get("add_theme"); t != "" {
		e.check(st.checkTheme(t))
		e.add(data.FacetTheme, doc.Themes(), []string{t})
	}
	if len(e.problems) > 0 {
		return nil, e.problems
	}
	return e.cs, nil
}

// edits collects the corrections of one form and what is wrong with it.
type edits struct {
	actor    string
	cs       []data.Correction
	problems []string
}

func (e *edits) set(facet, value string) {
	e.cs = append(e.cs, data.Correction{Facet: facet, Value: value, By: e.actor})
}

func (e *edits) problem(msg string) { e.problems = append(e.problems, msg) }

func (e *edits) check(err error) {
	if err != nil {
		e.problem(err.Error())
	}
}

func (e *edits) year(typed string, have int) {
	y, err := yearField(typed)
	switch {
	case err != nil:
		e.problem(err.Error())
	case y == 0 && have != 0:
		e.problem("The year can be changed but not removed.")
	case y != have:
		e.set(data.FacetYear, strconv.Itoa(y))
	}
}

// values removes the values of facet the form showed but left unticked.
func (e *edits) values(facet string, have, shown, kept []string) {
	for _, v := range shown {
		if slices.Contains(have, v) && !slices.Contains(kept, v) {
			e.cs = append(e.cs, data.Correction{Facet: facet, Value: v, Remove: true, By: e.actor})
		}
	}
}

// add adds the values the document does not have yet.
func (e *edits) add(facet string, have, values []string) {
	for _, v := range values {
		if !slices.Contains(have, v) {
			e.set(facet, v)
		}
	}
}
