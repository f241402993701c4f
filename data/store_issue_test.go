package data_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"casebook/data"
)

const (
	enDir = "mirror/www.example-tmg.jp/asialetter/english/newsletter/"
	jaDir = "mirror/www.example-tmg.jp/asialetter/japanese/newsletter/"
)

func issueDoc(source, key, label, lang string) *data.Document {
	return &data.Document{
		ID: data.DocumentID(source), Source: source, Title: label + " of " + key, Body: "contents",
		Kind: data.KindNewsletterIssue, Lang: lang, Issue: &data.Issue{Label: label, Key: key},
	}
}

func articleDoc(source, issueSource, title string, pos int) *data.Document {
	return &data.Document{
		ID: data.DocumentID(source), Source: source, Title: title, Summary: "about " + title, Body: "text of " + title,
		Kind: data.KindNewsletterArticle, Lang: "en",
		Issue: &data.Issue{ID: data.DocumentID(issueSource), Key: "x", Position: pos},
	}
}

func mustPut(t *testing.T, s *data.Store, docs ...*data.Document) {
	t.Helper()
	for _, d := range docs {
		if _, err := s.PutDocument(d, nil); err != nil {
			t.Fatal(err)
		}
	}
}

func mustIssue(t *testing.T, s *data.Store, source string) *data.IssueView {
	t.Helper()
	v, err := s.Issue(data.DocumentID(source))
	if err != nil {
		t.Fatalf("Issue(%s): %v", source, err)
	}
	return v
}

func articleTitles(v *data.IssueView) []string {
	var out []string
	for _, a := range v.Articles {
		out = append(out, fmt.Sprintf("%d %s", a.Position, a.Title))
	}
	return out
}

// archive stores three English issues of both page shapes, a Japanese
// one, and articles put out of order.
func archive(t *testing.T) *data.Store {
	s := mustOpen(t)
	mustPut(t, s,
		articleDoc(enDir+"201207/2.html", enDir+"201207/index.html", "Tomsk", 2),
		articleDoc(enDir+"201207/1c.html", enDir+"201207/index.html", "Column", 1),
		issueDoc(enDir+"201207/index.html", "201207", "21st Issue", "en"),
		articleDoc(enDir+"201207/1.html", enDir+"201207/index.html", "Plenary", 1),
		issueDoc(enDir+"200903.html", "200903", "Second Issue", "en"),
		issueDoc(jaDir+"200901.html", "200901", "創刊号", "ja"),
		issueDoc(enDir+"200901.html", "200901", "Inaugural Issue", "en"),
		articleDoc(enDir+"200901.html#a2", enDir+"200901.html", "Sewerage", 2),
		articleDoc(enDir+"200901.html#a1", enDir+"200901.html", "Welcome", 1),
		doc("reports/flood.pdf", "Flood report"),
	)
	return s
}

func TestIssueArticlesAndNeighbours(t *testing.T) {
	s := archive(t)
	tests := []struct {
		source     string
		articles   []string
		prev, next string
	}{
		{enDir + "200901.html", []string{"1 Welcome", "2 Sewerage"}, "", enDir + "200903.html"},
		{enDir + "200903.html", nil, enDir + "200901.html", enDir + "201207/index.html"},
		{enDir + "201207/index.html", []string{"1 Plenary", "1 Column", "2 Tomsk"}, enDir + "200903.html", ""},
		{jaDir + "200901.html", nil, "", ""},
	}
	for _, tt := range tests {
		v := mustIssue(t, s, tt.source)
		if v.Issue.Source != tt.source {
			t.Errorf("%s: issue %s", tt.source, v.Issue.Source)
		}
		if got := articleTitles(v); !slices.Equal(got, tt.articles) {
			t.Errorf("%s: articles %q, want %q", tt.source, got, tt.articles)
		}
		for _, l := range []struct {
			name string
			got  data.IssueLink
			want string
		}{{"prev", v.Prev, tt.prev}, {"next", v.Next, tt.next}} {
			if want := idOrEmpty(l.want); l.got.ID != want {
				t.Errorf("%s: %s = %+v, want %s", tt.source, l.name, l.got, l.want)
			}
		}
	}
	v := mustIssue(t, s, enDir+"200903.html")
	if v.Prev.Label != "Inaugural Issue" || v.Prev.Title != "Inaugural Issue of 200901" {
		t.Errorf("prev link %+v", v.Prev)
	}
	if a := mustIssue(t, s, enDir+"200901.html").Articles[0]; a.Summary != "about Welcome" || a.Lang != "en" || a.ID != data.DocumentID(enDir+"200901.html#a1") {
		t.Errorf("article %+v", a)
	}
}

func idOrEmpty(source string) string {
	if source == "" {
		return ""
	}
	return data.DocumentID(source)
}

func TestIssueNotFound(t *testing.T) {
	s := archive(t)
	for _, id := range []string{"nope", "", data.DocumentID(enDir + "201207/1.html"), data.DocumentID("reports/flood.pdf")} {
		if _, err := s.Issue(id); !errors.Is(err, data.ErrNotFound) {
			t.Errorf("Issue(%q) = %v, want ErrNotFound", id, err)
		}
	}
}

func TestIssueIndexFollowsWrites(t *testing.T) {
	s := archive(t)
	issue := enDir + "201207/index.html"
	moved := articleDoc(enDir+"201207/2.html", issue, "Tomsk, revised", 0)
	mustPut(t, s, moved)
	if got := articleTitles(mustIssue(t, s, issue)); !slices.Equal(got, []string{"0 Tomsk, revised", "1 Plenary", "1 Column"}) {
		t.Errorf("after moving an article: %q", got)
	}
	elsewhere := articleDoc(enDir+"201207/2.html", enDir+"200903.html", "Tomsk, moved", 4)
	mustPut(t, s, elsewhere)
	if got := articleTitles(mustIssue(t, s, issue)); len(got) != 2 {
		t.Errorf("article still listed in its old issue: %q", got)
	}
	if got := articleTitles(mustIssue(t, s, enDir+"200903.html")); !slices.Equal(got, []string{"4 Tomsk, moved"}) {
		t.Errorf("article not in its new issue: %q", got)
	}
	if err := s.DeleteDocument(data.DocumentID(enDir + "201207/1.html")); err != nil {
		t.Fatal(err)
	}
	if got := articleTitles(mustIssue(t, s, issue)); !slices.Equal(got, []string{"1 Column"}) {
		t.Errorf("after deleting an article: %q", got)
	}
	if err := s.DeleteDocument(data.DocumentID(enDir + "200903.html")); err != nil {
		t.Fatal(err)
	}
	if v := mustIssue(t, s, enDir+"200901.html"); v.Next.ID != data.DocumentID(issue) {
		t.Errorf("after deleting the middle issue, next = %+v", v.Next)
	}
	if v := mustIssue(t, s, issue); v.Prev.ID != data.DocumentID(enDir+"200901.html") {
		t.Errorf("after deleting the middle issue, prev = %+v", v.Prev)
	}
}

func TestIssueKindChange(t *testing.T) {
	s := archive(t)
	d := issueDoc(enDir+"200903.html", "200903", "Second Issue", "en")
	d.Kind, d.Title = data.KindReport, "no longer an issue"
	mustPut(t, s, d)
	if v := mustIssue(t, s, enDir+"200901.html"); v.Next.ID != data.DocumentID(enDir+"201207/index.html") {
		t.Errorf("next = %+v", v.Next)
	}
}

func TestIssueOrderManyIssues(t *testing.T) {
	s := mustOpen(t)
	var keys []string
	for y := 2009; y <= 2016; y++ {
		for m := 1; m <= 12; m += 2 {
			keys = append(keys, fmt.Sprintf("%d%02d", y, m))
		}
	}
	for _, i := range rand.New(rand.NewPCG(1, 2)).Perm(len(keys)) {
		mustPut(t, s, issueDoc(enDir+keys[i]+"/index.html", keys[i], "Issue", "en"))
	}
	for i, k := range keys {
		v := mustIssue(t, s, enDir+k+"/index.html")
		wantPrev, wantNext := "", ""
		if i > 0 {
			wantPrev = data.DocumentID(enDir + keys[i-1] + "/index.html")
		}
		if i+1 < len(keys) {
			wantNext = data.DocumentID(enDir + keys[i+1] + "/index.html")
		}
		if v.Prev.ID != wantPrev || v.Next.ID != wantNext {
			t.Fatalf("%s: prev %q next %q, want %q %q", k, v.Prev.ID, v.Next.ID, wantPrev, wantNext)
		}
	}
}

func TestReindexIssues(t *testing.T) {
	s := archive(t)
	before := mustIssue(t, s, enDir+"201207/index.html")
	if err := s.ReindexIssues(); err != nil {
		t.Fatal(err)
	}
	after := mustIssue(t, s, enDir+"201207/index.html")
	if !slices.Equal(articleTitles(before), articleTitles(after)) || before.Prev != after.Prev || before.Next != after.Next {
		t.Errorf("reindex changed the view: %+v -> %+v", before, after)
	}
}
