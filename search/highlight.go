package search

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/bleve/v2/search/highlight"
	"github.com/blevesearch/bleve/v2/search/highlight/fragmenter/simple"
	simplehl "github.com/blevesearch/bleve/v2/search/highlight/highlighter/simple"
)

// The highlighter marks matches with private-use runes instead of HTML, so
// that snippets become plain segments and templates escape all of them.
const (
	highlighterName = "casebook"
	markStart       = "\uE000"
	markEnd         = "\uE001"
	pageMark        = "\uE002" // pageMark + page number + pageMark opens a fragment of a paged text
	fragmentSize    = 220
)

type markFormatter struct{}

func (markFormatter) Format(f *highlight.Fragment, locs highlight.TermLocations) string {
	var b strings.Builder
	if len(f.ArrayPositions) > 0 {
		b.WriteString(pageMark + strconv.FormatUint(f.ArrayPositions[0]+1, 10) + pageMark)
	}
	start, end := wordBounds(f, locs)
	cur := start
	for _, l := range locs {
		if l == nil || !l.ArrayPositions.Equals(f.ArrayPositions) || l.Start < cur {
			continue
		}
		if l.End > end {
			break
		}
		b.Write(clean(f.Orig[cur:l.Start]))
		b.WriteString(markStart)
		b.Write(clean(f.Orig[l.Start:l.End]))
		b.WriteString(markEnd)
		cur = l.End
	}
	b.Write(clean(f.Orig[cur:end]))
	return b.String()
}

// wordBounds narrows a fragment so it neither starts nor ends inside a
// word, without dropping a match. Text without spaces nearby (Japanese)
// is left as it is.
func wordBounds(f *highlight.Fragment, locs highlight.TermLocations) (int, int) {
	first, last := f.End, f.Start
	for _, l := range locs {
		if l != nil && l.Start >= f.Start && l.End <= f.End {
			first, last = min(first, l.Start), max(last, l.End)
		}
	}
	start, end := f.Start, f.End
	if start > 0 && !isSpace(f.Orig[start-1]) {
		if i := bytes.IndexByte(f.Orig[start:min(first, start+24)], ' '); i >= 0 {
			start += i + 1
		}
	}
	if end < len(f.Orig) && !isSpace(f.Orig[end]) {
		lo := max(last, end-24)
		if i := bytes.LastIndexByte(f.Orig[lo:end], ' '); i >= 0 {
			end = lo + i
		}
	}
	return start, end
}

func isSpace(b byte) bool { return b == ' ' || b == '\n' || b == '\t' || b == '\r' }

// markers removes our marker runes, which share their first two bytes.
var (
	markers     = strings.NewReplacer(markStart, "", markEnd, "", pageMark, "")
	markersLead = []byte(markStart[:2])
)

// clean drops our marker runes from document text.
func clean(b []byte) []byte {
	if !bytes.Contains(b, markersLead) {
		return b
	}
	return []byte(markers.Replace(string(b)))
}

// cutPage takes the page number out of a fragment, if it has one. It is
// near the front, after the ellipsis bleve puts before a fragment that
// does not start its text.
func cutPage(s string) (string, int) {
	before, rest, ok := strings.Cut(s, pageMark)
	if !ok {
		return s, 0
	}
	num, after, ok := strings.Cut(rest, pageMark)
	if !ok {
		return s, 0
	}
	n, _ := strconv.Atoi(num)
	return before + after, n
}

func init() {
	err := registry.RegisterHighlighter(highlighterName, func(_ map[string]any, _ *registry.Cache) (highlight.Highlighter, error) {
		return simplehl.NewHighlighter(simple.NewFragmenter(fragmentSize), markFormatter{}, " … "), nil
	})
	if err != nil {
		panic(err)
	}
}

// parseSnippet turns a marked fragment into segments, whitespace folded.
func parseSnippet(s string) Snippet {
	s = strings.Join(strings.Fields(s), " ")
	var out Snippet
	for s != "" {
		i := strings.Index(s, markStart)
		if i < 0 {
			out = append(out, Segment{Text: s})
			break
		}
		if i > 0 {
			out = append(out, Segment{Text: s[:i]})
		}
		s = s[i+len(markStart):]
		j := strings.Index(s, markEnd)
		if j < 0 {
			j = len(s)
		}
		if n := len(out); n > 0 && out[n-1].Match {
			out[n-1].Text += s[:j] // bigrams marked one by one: "バン" "コク" is one word
		} else {
			out = append(out, Segment{Text: s[:j], Match: true})
		}
		s = strings.TrimPrefix(s[j:], markEnd)
	}
	return out
}
