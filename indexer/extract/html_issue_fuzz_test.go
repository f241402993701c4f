package extract

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// FuzzSplitIssue checks that splitting never panics and that the parts of
// a split page are well formed: valid UTF-8, keys unique and non-empty,
// positions 1..n, bounded titles and summaries.
func FuzzSplitIssue(f *testing.F) {
	paths, _ := filepath.Glob("testdata/issue_*.html")
	for _, path := range paths {
		raw, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw)
	}
	f.Add([]byte(`<ol><li><a href="#a">x</a> s<li><a href="#b">y</a><h2 id=a>A<p>t<h2><a name=b>B</h2><p>u`))
	f.Add([]byte(`<ul class=toc><li><a href="#A">x<li><a href="#%41">y</ul><a name=a></a><h3>T</h3><a name=A><h4>U</h4></a>`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		res, err := File("x.html", raw)
		if err != nil {
			return
		}
		seen := map[string]bool{}
		for i, p := range res.Parts {
			if p.Key == "" || seen[p.Key] {
				t.Errorf("part %d: key %q empty or repeated", i, p.Key)
			}
			seen[p.Key] = true
			if p.Position != i+1 {
				t.Errorf("part %d: position %d", i, p.Position)
			}
			for name, s := range map[string]string{"Key": p.Key, "Title": p.Title, "Summary": p.Summary, "Body": p.Body} {
				if !utf8.ValidString(s) {
					t.Errorf("part %d: %s is not valid UTF-8: %q", i, name, s)
				}
			}
			for _, h := range p.Headings {
				if !utf8.ValidString(h) {
					t.Errorf("part %d: heading is not valid UTF-8: %q", i, h)
				}
			}
			if utf8.RuneCountInString(p.Title) > titleMax || utf8.RuneCountInString(p.Summary) > summaryMax {
				t.Errorf("part %d: title or summary too long", i)
			}
		}
		for _, l := range res.Links {
			if !utf8.ValidString(l) {
				t.Errorf("link is not valid UTF-8: %q", l)
			}
		}
	})
}
