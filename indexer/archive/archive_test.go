package archive

import (
	"testing"

	"casebook/data"
)

const en = "sample/newsletter/www.example-tmg.jp/asialetter/english/newsletter/"

func TestClassify(t *testing.T) {
	issue, article := data.KindNewsletterIssue, data.KindNewsletterArticle
	tests := []struct {
		key      string
		kind     string
		issueKey string
		pos      int
	}{
		{en + "200901.html", issue, "200901", 0},
		{en + "201207/index.html", issue, "201207", 0},
		{en + "201207/INDEX.HTM", issue, "201207", 0},
		{en + "201207/3.html", article, "201207", 3},
		{en + "201011/1c.html", article, "201011", 1},
		{en + "201207/12.htm", article, "201207", 12},
		{en + "200901.html#a2", article, "200901", 0},
		{en + "200901.html?print=1", issue, "200901", 0},
		{"https://www.example-tmg.jp/asialetter/english/newsletter/201603/2.html", article, "201603", 2},
		{"200905.html", issue, "200905", 0},
		{en + "backnumber.html", "", "", 0},
		{en + "201213.html", "", "", 0},       // no month 13
		{en + "180001.html", "", "", 0},       // not a plausible year
		{en + "201207/photo.html", "", "", 0}, // not an article number
		{en + "201207/3.pdf", "", "", 0},
		{en + "x200901.html", "", "", 0},
		{"reports/2009.html", "", "", 0},
		{"", "", "", 0},
	}
	for _, tt := range tests {
		kind, key, pos := Classify(tt.key)
		if kind != tt.kind || key != tt.issueKey || pos != tt.pos {
			t.Errorf("Classify(%q) = %q, %q, %d; want %q, %q, %d", tt.key, kind, key, pos, tt.kind, tt.issueKey, tt.pos)
		}
	}
}

func TestIssueSource(t *testing.T) {
	tests := []struct{ key, want string }{
		{en + "201207/3.html", en + "201207/index.html"},
		{en + "201011/1c.html", en + "201011/index.html"},
		{en + "201207/2.htm", en + "201207/index.htm"},
		{en + "201207/index.html", en + "201207/index.html"},
		{en + "200901.html#a1", en + "200901.html"},
		{en + "200901.html", en + "200901.html"},
		{en + "201207/3.html?x=1#top", en + "201207/index.html"},
		{"https://h.example/nl/201207/4.html", "https://h.example/nl/201207/index.html"},
		{en + "backnumber.html", ""},
		{"reports/flood.pdf#2", ""},
	}
	for _, tt := range tests {
		if got := IssueSource(tt.key); got != tt.want {
			t.Errorf("IssueSource(%q) = %q, want %q", tt.key, got, tt.want)
		}
	}
}

func TestIssueNumber(t *testing.T) {
	tests := []struct {
		label string
		want  int
	}{
		{"Inaugural Issue", 1},
		{"First Issue", 1},
		{"Second Issue", 2},
		{"Third Issue", 3},
		{"Seventh Issue", 7},
		{"Twelfth Issue", 12},
		{"12th Issue", 12},
		{"21st Issue", 21},
		{"22nd Issue", 22},
		{"23rd issue", 23},
		{"36th Issue ― November 2014", 36},
		{"Twenty-first Issue", 21},
		{"Thirty Sixth Issue", 36},
		{"Twentieth Issue", 20},
		{"Fortieth Issue", 40},
		{"Interaction Asia Seventh Issue", 7},
		{"Issue No. 5", 5},
		{"No.14", 14},
		{"Issue 9 (July 2012)", 9},
		{"創刊号", 1},
		{"創刊号（2009年1月）", 1},
		{"第21号", 21},
		{"第２１号", 21},
		{"第 3 号", 3},
		{"第二十一号", 21},
		{"第十号", 10},
		{"第三十六号", 36},
		{"Special Issue", 0},
		{"Final Issue ― March 2016", 0},
		{"July 2012", 0},
		{"", 0},
	}
	for _, tt := range tests {
		if got := IssueNumber(tt.label); got != tt.want {
			t.Errorf("IssueNumber(%q) = %d, want %d", tt.label, got, tt.want)
		}
	}
}

// keys is a set of known source keys.
func keys(ks ...string) func(string) bool {
	set := map[string]bool{}
	for _, k := range ks {
		set[k] = true
	}
	return func(k string) bool { return set[k] }
}

func TestCounterpart(t *testing.T) {
	const ja = "sample/newsletter/www.example-tmg.jp/asialetter/japanese/newsletter/"
	exists := keys(ja+"200901.html", ja+"200901.html#a2", en+"201207/1.html", ja+"201207/1.html",
		"https://h.example/en/201305/1.html", "mirror/english/x/japanese/2.html")
	tests := []struct {
		key, want string
		ok        bool
	}{
		{en + "200901.html", ja + "200901.html", true},
		{en + "200901.html#a2", ja + "200901.html#a2", true},
		{en + "200901.html#a3", "", false},
		{ja + "201207/1.html", en + "201207/1.html", true},
		{en + "201207/1.html", ja + "201207/1.html", true},
		{en + "201207/2.html", "", false},
		{"https://h.example/ja/201305/1.html", "https://h.example/en/201305/1.html", true},
		{"mirror/english/x/english/2.html", "mirror/english/x/japanese/2.html", true}, // nearest folder first
		{"reports/english.html", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, ok := Counterpart(tt.key, exists)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Counterpart(%q) = %q, %v; want %q, %v", tt.key, got, ok, tt.want, tt.ok)
		}
	}
}
