package archive

import (
	"slices"
	"testing"
)

func TestDeadLinks(t *testing.T) {
	const root = "sample/newsletter/www.example-tmg.jp/"
	page := en + "201207/1.html"
	exists := keys(
		en+"201207/index.html", en+"201207/2.html", en+"index.html", en+"backnumber.html",
		root+"asialetter/japanese/newsletter/201207/1.html", root+"index.html",
		root+"asialetter/event/my report.html",
		"https://www.example-tmg.jp/nl/201207/index.html", "https://www.example-tmg.jp/nl/index.html",
		"docs/a/b.html",
	)
	tests := []struct {
		name  string
		page  string
		links []string
		want  []string
	}{
		{"existing relative links", page, []string{"index.html", "2.html", "../backnumber.html", "./2.html#top", "2.html?x=1"}, nil},
		{"missing relative links", page, []string{"3.html", "../201305/index.html", "images/1_01.jpg"},
			[]string{"3.html", "../201305/index.html", "images/1_01.jpg"}},
		{"folder links open index.html", page, []string{"./", "../", "../../../../", "../201305/"}, []string{"../201305/"}},
		{"in-page anchors and same page", page, []string{"#top", "#a1", "", "?print=1", "  #x  "}, nil},
		{"other sites and schemes", page, []string{"http://get.adobe.com/jp/flashplayer/", "https://example.org/x.html",
			"mailto:secretariat@example.jp", "javascript:history.back()", "JavaScript:void(0)", "tel:+81", "ftp://x/y", "//cdn.example/x.js"}, nil},
		{"other edition", page, []string{"../../../japanese/newsletter/201207/1.html", "../../../japanese/newsletter/201207/2.html"},
			[]string{"../../../japanese/newsletter/201207/2.html"}},
		{"root-relative and same-host links use the mirror folder", page,
			[]string{"/index.html", "/asialetter/none.html", "http://www.example-tmg.jp/index.html", "https://WWW.example-tmg.jp/gone.html"},
			[]string{"/asialetter/none.html", "https://WWW.example-tmg.jp/gone.html"}},
		{"escapes and duplicates", page, []string{"../../../event/my%20report.html", "../../../event/none%20.html", "3.html", "3.html"},
			[]string{"../../../event/none%20.html", "3.html"}},
		{"links out of the mirror are not checked", page, []string{"../../../../../../outside.html", "../../../../../x.html"}, nil},
		{"URL page", "https://www.example-tmg.jp/nl/201207/1.html#x",
			[]string{"index.html", "../index.html", "3.html", "/nl/201207/", "//www.example-tmg.jp/nl/gone.html", "https://other.example/3.html"},
			[]string{"3.html", "//www.example-tmg.jp/nl/gone.html"}},
		{"path without a mirror folder", "docs/a/c.html",
			[]string{"b.html", "d.html", "/abs.html", "../../x.html", "http://h.example/x.html"},
			[]string{"d.html"}},
		{"malformed links are not checked", page, []string{"%zz.html", "http://[::1"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := DeadLinks(tt.page, tt.links, exists)
			if !slices.Equal(got, tt.want) {
				t.Errorf("DeadLinks(%q, %q) = %q, want %q", tt.page, tt.links, got, tt.want)
			}
		})
	}
}
