package extract

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestDetectType(t *testing.T) {
	tests := []struct{ raw, want string }{
		{"<!DOCTYPE html><html><body>x</body></html>", TypeHTML},
		{"\xef\xbb\xbf  <!-- saved from url=(0042) -->\n<HTML>", TypeHTML},
		{`<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">`, TypeHTML},
		{"<P>An old fragment", TypeHTML},
		{"<table width=600><tr><td>layout", TypeHTML},
		{"Some text first\n<html><body>then a page", TypeHTML},
		{"---\ntitle: Case\n---\n# Case\n", TypeMarkdown},
		{"---\ntitle: Case\n---\n<html><body><p>x</p></body></html>", TypeHTML},
		{"# Heading\n\nNo front matter, no name: plain text.", TypePlain},
		{"<paragraph> is not a tag we know", TypePlain},
		{"%PDF-1.7\n", "application/pdf"},
		{"GIF89a\x01\x00", "image/gif"},
		{"\x00\x01\x02\x03", "application/octet-stream"},
	}
	for _, tt := range tests {
		if got := DetectType([]byte(tt.raw)); got != tt.want {
			t.Errorf("DetectType(%q) = %q, want %q", tt.raw, got, tt.want)
		}
	}
}

func TestMarkdownNameHint(t *testing.T) {
	res, err := File("notes.md", []byte("<p align=\"center\">Logo</p>\n\n# Notes\n\nText with *emphasis*."))
	if err != nil {
		t.Fatal(err)
	}
	if res.MediaType != TypeMarkdown || res.Title != "Notes" || !strings.Contains(res.Body, "Text with emphasis.") {
		t.Errorf("File = %+v", res)
	}
}

func TestIsBoilerplateLine(t *testing.T) {
	drop := []string{
		"Japanese | English", "日本語 | English", "English / 日本語", "Back to Contents",
		"≫ Back to top", "▲Page top", "ページの先頭へ", "Adobe Flash Player を取得",
		"This content requires Adobe Flash Player.", "Get ADOBE FLASH PLAYER",
		"Copyright (C) 2009 Tokyo Metropolitan Government. All Rights Reserved.",
		"© 2012 ANMC21", "copyright 2010 the secretariat",
	}
	keep := []string{
		"English", "Japanese teachers visited Seoul.", "Copyright law reform in Seoul",
		"(c) the third approach: shared data", "Back to school in Manila", "Top of the agenda was flood control",
	}
	for _, s := range drop {
		if !isBoilerplateLine(s) {
			t.Errorf("isBoilerplateLine(%q) = false, want true", s)
		}
	}
	for _, s := range keep {
		if isBoilerplateLine(s) {
			t.Errorf("isBoilerplateLine(%q) = true, want false", s)
		}
	}
}

func TestIsBoilerplateAttr(t *testing.T) {
	drop := [][2]string{
		{"nav", ""}, {"", "gnav"}, {"", "breadcrumbs"}, {"footer", ""}, {"", "global-header"},
		{"masthead", ""}, {"langswitch", ""}, {"", "lang_switch"}, {"", "sidebar2"},
		{"", "flash"}, {"", "back"}, {"pagetop", ""}, {"", "copyright"}, {"", "share-buttons"},
		{"", "box menu-list"},
	}
	keep := [][2]string{
		{"content", "main"}, {"", "has-sidebar"}, {"", "background"}, {"", "issue"},
		{"", "lang-en"}, {"", "article-header-title"}, {"", "caption"}, {"", "shared-story"},
	}
	for _, a := range drop {
		if !isBoilerplateAttr(a[0], a[1]) {
			t.Errorf("isBoilerplateAttr(%q, %q) = false, want true", a[0], a[1])
		}
	}
	for _, a := range keep {
		if isBoilerplateAttr(a[0], a[1]) {
			t.Errorf("isBoilerplateAttr(%q, %q) = true, want false", a[0], a[1])
		}
	}
}

func TestStripInline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"**bold** and __strong__", "bold and strong"},
		{"*em*, _em_ and snake_case_name", "em, em and snake_case_name"},
		{"[a link](http://x.org/a_b) and ![img](i.png)", "a link and"},
		{"[ref link][1] and <https://example.org>", "ref link and https://example.org"},
		{"`code *kept*` and ~~gone~~", "code *kept* and gone"},
		{"<span class=\"x\">tag</span> &amp; entity", "tag & entity"},
		{`\*not em\* and 2 * 3 * 4`, "*not em* and 2 * 3 * 4"},
		{"東京\n都庁", "東京都庁"},
	}
	for _, tt := range tests {
		if got := stripInline(tt.in); got != tt.want {
			t.Errorf("stripInline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTruncate(t *testing.T) {
	long := strings.Repeat("Flood control in Kuala Lumpur ", 30)
	got := truncate(long, summaryMax)
	if n := utf8.RuneCountInString(got); n > summaryMax || n < summaryMax-100 {
		t.Errorf("truncate gave %d runes", n)
	}
	if !strings.HasSuffix(got, "…") || strings.HasSuffix(got, " …") {
		t.Errorf("truncate = %q, want it cut on a word boundary with …", got)
	}
	ja := strings.Repeat("研修の参加者は、帰国後に成果を報告した。", 30)
	if got := truncate(ja, summaryMax); utf8.RuneCountInString(got) > summaryMax || !strings.HasSuffix(got, "。…") {
		t.Errorf("truncate(ja) = %q", got)
	}
}

func TestFrontMatter(t *testing.T) {
	src := "---\nTitle: Waste in Hanoi\ndate: 2014-03-01 09:00:00\ncities: [Hanoi, \"Ho Chi Minh City\"]\nyear: 2014\nempty:\nbase: &b {kind: report}\nmore:\n  <<: *b\n  lang: ja-JP\n---\nBody text of the case.\n"
	meta, rest, warning := splitFrontMatter(src)
	want := map[string][]string{
		"title": {"Waste in Hanoi"}, "date": {"2014-03-01"}, "cities": {"Hanoi", "Ho Chi Minh City"},
		"year": {"2014"}, "base.kind": {"report"}, "more.kind": {"report"}, "more.lang": {"ja-JP"},
	}
	if warning != "" || rest != "Body text of the case.\n" || !reflect.DeepEqual(meta, want) {
		t.Errorf("splitFrontMatter = %q, %q, %q", meta, rest, warning)
	}
}

// TestFrontMatterAliasBomb checks that nested aliases cannot blow up.
func TestFrontMatterAliasBomb(t *testing.T) {
	src := "---\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n---\ntext\n"
	meta, _, _ := splitFrontMatter(src)
	total := 0
	for _, v := range meta {
		total += len(v)
	}
	if total > maxFrontMatterValues {
		t.Errorf("%d values, want at most %d", total, maxFrontMatterValues)
	}
}

func TestHTMLWithFrontMatter(t *testing.T) {
	src := "---\ntitle: Youth Football in Tokyo\ncity: [Tokyo, Seoul]\n---\n<html lang=\"en\"><body><h1>U-14 tournament</h1><p>Sixteen teams played.</p></body></html>"
	res, err := File("case.html", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if res.MediaType != TypeHTML || res.Title != "Youth Football in Tokyo" || res.Body != "U-14 tournament\n\nSixteen teams played." || len(res.Meta["city"]) != 2 {
		t.Errorf("File = %+v", res)
	}
}

func TestHTMLTitleAndLang(t *testing.T) {
	res, err := File("p.html", []byte(`<html xml:lang="ja-JP"><head><title>Interaction Asia | Tokyo Company Introduction</title><meta name="Author" content="Secretariat"></head><body><div class="header"><h1>Interaction Asia</h1></div><p>A maker of water meters.</p></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	if res.Title != "Tokyo Company Introduction" || res.Lang != "ja" || res.Meta["author"][0] != "Secretariat" {
		t.Errorf("File = %+v", res)
	}
}

func TestPlainTitle(t *testing.T) {
	res, err := File("r.txt", []byte("\n====\n  Report on air quality  \nbody line one\nbody line two\n"))
	if err != nil {
		t.Fatal(err)
	}
	if res.Title != "Report on air quality" || res.Body != "body line one body line two" {
		t.Errorf("File = %+v", res)
	}
}

func TestHTMLNameHint(t *testing.T) {
	raw := []byte("Interaction Asia, Third Issue<br>\n<b>Hanoi</b> hosted the youth football games.<br>")
	for name, want := range map[string]string{"200905.htm": TypeHTML, "200905.txt": TypePlain} {
		res, err := File(name, raw)
		if err != nil {
			t.Fatal(err)
		}
		if res.MediaType != want {
			t.Errorf("File(%q) type = %q, want %q", name, res.MediaType, want)
		}
	}
}

func TestMarkdownPictureCaptionIsNotAHeading(t *testing.T) {
	md := "---\ntitle: Waterfront\n---\n\n## Key issues\n\n###### ![Aerial](/img/a.jpg)**Aerial view of the harbour** © A. Photographer\n\nThe harbour was rebuilt.\n"
	res, err := File("w.md", []byte(md))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Headings) != 1 || res.Headings[0] != "Key issues" {
		t.Errorf("headings = %q", res.Headings)
	}
	if !strings.Contains(res.Body, "Aerial view of the harbour") {
		t.Errorf("caption lost from the body: %q", res.Body)
	}
}
