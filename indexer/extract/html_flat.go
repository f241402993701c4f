package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// extractFlatHTML reads a page the tree walk cannot take, token by token:
// no nesting, so no depth limit. Blocks still separate paragraphs and
// scripts are still skipped, but boilerplate elements are not recognised.
func extractFlatHTML(text, warning string) *Result {
	res := &Result{MediaType: TypeHTML, Warnings: []string{warning}}
	w := &walker{}
	var title strings.Builder
	skip, inTitle := 0, false
	z := html.NewTokenizer(strings.NewReader(text))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		name, hasAttr := z.TagName()
		a := atom.Lookup(name)
		switch tt {
		case html.TextToken:
			switch {
			case skip > 0:
			case inTitle:
				title.Write(z.Text())
			default:
				w.cur.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			if a == atom.Html && hasAttr && res.Lang == "" {
				res.Lang = tokenLang(z)
			}
			inTitle = inTitle || a == atom.Title
			if n := flatTag(w, a, true); tt == html.StartTagToken {
				skip += n
			}
		case html.EndTagToken:
			inTitle = inTitle && a != atom.Title
			skip = max(0, skip-flatTag(w, a, false))
		}
	}
	w.flush()
	res.Title = collapseSpace(title.String())
	if res.Title == "" && len(w.paras) > 0 {
		res.Title = truncate(strings.ReplaceAll(w.paras[0], "\n", " "), titleMax)
	}
	res.Body = joinParagraphs(w.paras)
	res.Summary = summaryFrom(w.paras, res.Title, nil)
	return res
}

// flatSkipped are the dropped tags whose content the tokenizer reads as raw
// text, so that their end tag always comes.
var flatSkipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Iframe: true, atom.Textarea: true,
}

// flatTag handles one tag for extractFlatHTML and returns 1 for a tag whose
// content is skipped.
func flatTag(w *walker, a atom.Atom, start bool) int {
	switch {
	case flatSkipped[a]:
		return 1
	case a == atom.Br && start:
		w.lineBreak()
	case blockTags[a], headingLevel(a) > 0:
		w.flush()
	}
	return 0
}

func tokenLang(z *html.Tokenizer) string {
	for {
		key, val, more := z.TagAttr()
		if string(key) == "lang" {
			return normalizeLang(string(val))
		}
		if !more {
			return ""
		}
	}
}
