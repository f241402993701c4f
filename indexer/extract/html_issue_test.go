package extract

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The issue_split_* fixtures are Shift_JIS copies of the UTF-8 drafts in
// testdata/drafts; TestGolden pins their whole Result. Regenerate with
//
//	for f in testdata/drafts/issue_split_*.html; do iconv -f UTF-8 -t CP932 $f > testdata/$(basename $f); done
//	go test -run 'TestGolden/issue_split' -update .
//
// The tests below state what each one is for.

func TestSplitIssue(t *testing.T) {
	tests := []struct {
		file      string
		title     string
		keys      []string
		titles    []string // of the parts, when checked
		linkCount int
	}{
		{"issue_split_basic.html", "Fifth Issue — September 2009", []string{"a1", "a2", "a3"},
			[]string{"Waste Management and Recycling — A Trainee from Jakarta",
				"Junior Sports Exchange: Relay Runners from Bangkok and Taipei",
				"(1) From Kuala Lumpur: Keeping the River of Life Clean"}, 12},
		// Uppercase tags, a plain numbered list, <A NAME> inside the
		// heading and, in another case, before it; a link to a missing anchor.
		{"issue_split_legacy.html", "Third Issue — May 2009", []string{"a1", "a2", "a3"}, nil, 6},
		// An unclosed list swallows the articles; an unclosed <a name> and
		// an unclosed heading.
		{"issue_split_broken.html", "Sixth Issue — November 2009", []string{"a1", "a2", "a3"},
			[]string{"Emergency Medical Care — A Trainee from Hanoi", "(1) From Jakarta: Five Years of Busways",
				"(2) From Singapore: Four National Taps"}, 3},
		{"issue_split_ja.html", "第5号（2009年9月）", []string{"a1", "a2"}, nil, 4},
		// A page per article, a contents page linking to other pages and a
		// report with a list of in-page links are not split.
		{"issue_split_article.html", "New Member City: Ulaanbaatar, a Capital Growing Fast", nil, nil, 4},
		{"issue_split_contents.html", "21st Issue — July 2012", nil, nil, 4},
		{"issue_split_notissue.html", "Flood control in Tokyo and Kuala Lumpur", nil, nil, 3},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			res := mustFile(t, filepath.Join("testdata", tt.file))
			if res.Title != tt.title {
				t.Errorf("Title = %q, want %q", res.Title, tt.title)
			}
			if len(res.Links) != tt.linkCount {
				t.Errorf("%d links, want %d: %q", len(res.Links), tt.linkCount, res.Links)
			}
			var keys, titles []string
			for i, p := range res.Parts {
				keys, titles = append(keys, p.Key), append(titles, p.Title)
				checkPart(t, i, p)
			}
			if !slices.Equal(keys, tt.keys) {
				t.Errorf("part keys %q, want %q", keys, tt.keys)
			}
			if tt.titles != nil && !slices.Equal(titles, tt.titles) {
				t.Errorf("part titles %q, want %q", titles, tt.titles)
			}
			if len(res.Parts) > 0 {
				checkIssueBody(t, res)
			}
		})
	}
}

// checkPart checks what every part of a split issue has.
func checkPart(t *testing.T, i int, p Part) {
	t.Helper()
	if p.Position != i+1 {
		t.Errorf("part %s: Position %d, want %d", p.Key, p.Position, i+1)
	}
	if p.Title == "" || p.Summary == "" || p.Body == "" {
		t.Errorf("part %s: empty title, summary or body: %+v", p.Key, p)
	}
	if !strings.HasPrefix(p.Body, p.Title) {
		t.Errorf("part %s: body does not start with its heading: %q", p.Key, p.Body)
	}
	for _, junk := range []string{"Page top", "Back to top", "ページの先頭へ", "Flash Player", "Copyright", "In this issue"} {
		if strings.Contains(p.Body, junk) {
			t.Errorf("part %s: body holds boilerplate %q", p.Key, junk)
		}
	}
}

// checkIssueBody checks that the issue's own body is its contents, and
// that no article text leaked into it.
func checkIssueBody(t *testing.T, res *Result) {
	t.Helper()
	for _, p := range res.Parts {
		if !strings.Contains(res.Body, p.Title) && !strings.Contains(p.Title, "Tokyo Company") {
			t.Errorf("issue body lacks headline %q", p.Title)
		}
		last := p.Body[strings.LastIndex(p.Body, "\n")+1:]
		if strings.Contains(res.Body, last) {
			t.Errorf("issue body holds article text %q", last)
		}
	}
}

func TestSplitIssueCaptionsAndSummaries(t *testing.T) {
	res := mustFile(t, "testdata/issue_split_basic.html")
	if got := res.Parts[0].Summary; !strings.HasPrefix(got, "An engineer from Jakarta spent two weeks") {
		t.Errorf("summary from the contents: %q", got)
	}
	if got := res.Parts[1].Summary; !strings.HasPrefix(got, "In August, junior athletes") {
		t.Errorf("summary for an item without one should come from the article: %q", got)
	}
	if got := res.Parts[2].Summary; !strings.HasPrefix(got, "Kuala Lumpur explains") {
		t.Errorf("summary after a dash: %q", got)
	}
	for i, caption := range []string{"Mr. Budi at the sorting line", "Runners from Bangkok and Taipei pass the baton"} {
		if !strings.Contains(res.Parts[i].Body, caption) {
			t.Errorf("part %d lost its caption %q", i+1, caption)
		}
	}
	if strings.Contains(res.Parts[0].Body, "Junior Sports") || strings.Contains(res.Parts[1].Body, "Kuala Lumpur") {
		t.Error("an article runs into the next one")
	}
}

// TestSplitSampleNewsletter runs the splitter over the bundled mirror:
// single-page issues split into their four articles, contents pages and
// article pages stay whole, and every HTML page reports its links.
func TestSplitSampleNewsletter(t *testing.T) {
	root := "../../data/sample/newsletter"
	if _, err := os.Stat(root); err != nil {
		t.Skip("sample newsletter not present")
	}
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".html" {
			return err
		}
		res := mustFile(t, path)
		single := !strings.Contains(filepath.Base(filepath.Dir(path)), "20")
		if single && len(res.Parts) != 4 || !single && len(res.Parts) != 0 {
			t.Errorf("%s: %d parts", path, len(res.Parts))
		}
		if len(res.Links) == 0 {
			t.Errorf("%s: no links", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
