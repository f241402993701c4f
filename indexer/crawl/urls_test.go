package crawl

import (
	"net/url"
	"slices"
	"testing"
)

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"HTTP://Example.JP:80/a/./b/../c.html#frag": "http://example.jp/a/c.html",
		"https://example.jp:443":                    "https://example.jp/",
		"http://example.jp:8080/x?q=1#f":            "http://example.jp:8080/x?q=1",
		"http://example.jp/a/..":                    "http://example.jp/",
		"http://user:pw@example.jp/a?":              "http://example.jp/a",
		"http://[::1]:80/x":                         "http://[::1]/x",
		" http://example.jp/a\tb.html ":             "http://example.jp/ab.html",
	} {
		got, err := Normalize(in)
		if err != nil || got != want {
			t.Errorf("Normalize(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"/relative", "mailto:a@example.jp", "ftp://example.jp/", "http://", "http://a b/"} {
		if got, err := Normalize(bad); err == nil {
			t.Errorf("Normalize(%q) = %q, want an error", bad, got)
		}
	}
}

func TestDefaultScope(t *testing.T) {
	for in, want := range map[string]string{
		"http://example.jp/asialetter/english/newsletter/200901.html": "http://example.jp/asialetter/english/newsletter/",
		"http://example.jp/asialetter/?page=2":                        "http://example.jp/asialetter/",
		"http://example.jp/":                                          "http://example.jp/",
	} {
		u, _ := url.Parse(in)
		if got := defaultScope(u); got != want {
			t.Errorf("defaultScope(%s) = %s, want %s", in, got, want)
		}
	}
}

func TestPageLinks(t *testing.T) {
	page, _ := url.Parse("http://example.jp/news/200901.html")
	body := `<html><head><meta http-equiv="Refresh" content="5; URL='201001.html'"></head><body>
		<A HREF="#a1">toc</A> <a href="200903.html#a2">next</a> <a href=" ../index.html ">up</a>
		<a href="mailto:sec@example.jp">mail</a> <a href="javascript:top()">top</a> <a>none</a>
		<map><area href="/map.html"></map> <iframe src="//other.example/embed"></iframe>
		<frameset><frame src="menu.html"></frameset> <a href="200903.html">again</a>
		<base href="http://example.jp/archive/"> <a href="old.html">old</a></body></html>`
	var got []string
	for _, u := range pageLinks(page, []byte(body)) {
		got = append(got, u.String())
	}
	want := []string{
		"http://example.jp/news/201001.html", "http://example.jp/news/200901.html", "http://example.jp/news/200903.html",
		"http://example.jp/index.html", "http://example.jp/map.html", "http://other.example/embed",
		"http://example.jp/news/menu.html", "http://example.jp/archive/old.html",
	}
	if !slices.Equal(got, want) {
		t.Errorf("links:\n got %q\nwant %q", got, want)
	}
}

func TestFileName(t *testing.T) {
	for in, want := range map[[2]string]string{
		{"http://e.jp/a/200901.html", "text/html"}:    "200901.html",
		{"http://e.jp/a/", "text/html"}:               "index.html",
		{"http://e.jp/report", "application/pdf"}:     "report.pdf",
		{"http://e.jp/notes.txt", "text/plain"}:       "notes.txt",
		{"http://e.jp/data?id=3", "text/csv"}:         "data.csv",
		{"http://e.jp/x/readme", "application/x-foo"}: "readme",
	} {
		u, _ := url.Parse(in[0])
		if got := fileName(u, in[1]); got != want {
			t.Errorf("fileName(%s, %s) = %s, want %s", in[0], in[1], got, want)
		}
	}
}
