package crawl

import (
	"testing"
	"time"
)

const robotsTxt = `# comment
User-agent: *
Disallow: /private/
Disallow: /*.pdf$
Allow: /private/open/
Crawl-delay: 2

User-agent: otherbot
User-agent: Casebook
Disallow: /asialetter/japanese/
Allow: /asialetter/japanese/newsletter/
Disallow: /tmp   # trailing comment
Crawl-delay: 0.5

User-agent: casebook
Disallow: /*?print=1
`

func TestRobotsForOurAgent(t *testing.T) {
	r := parseRobots([]byte(robotsTxt), "Casebook/1.0 (test)")
	if r.delay != 500*time.Millisecond {
		t.Errorf("delay = %v, want 0.5s from our group", r.delay)
	}
	for path, want := range map[string]bool{
		"/asialetter/english/newsletter/200901.html":  true,
		"/asialetter/japanese/200901.html":            false,
		"/asialetter/japanese/newsletter/200901.html": true, // longer Allow wins
		"/tmp.html":       false,
		"/private/x.html": true, // the * group does not apply
		"/a.html?print=1": false,
		"/robots.txt":     true,
	} {
		if got := r.allowed(path); got != want {
			t.Errorf("casebook %s: allowed = %v, want %v", path, got, want)
		}
	}
}

func TestRobotsForAnyAgent(t *testing.T) {
	r := parseRobots([]byte(robotsTxt), "SomeBot/2")
	if r.delay != 2*time.Second {
		t.Errorf("delay = %v, want 2s", r.delay)
	}
	for path, want := range map[string]bool{
		"/private/a.html":      false,
		"/private/open/a.html": true,
		"/report.pdf":          false,
		"/report.pdf?x=1":      true, // $ anchors the end
		"/asialetter/japanese": true,
	} {
		if got := r.allowed(path); got != want {
			t.Errorf("* %s: allowed = %v, want %v", path, got, want)
		}
	}
}

func TestRobotsEdgeCases(t *testing.T) {
	for _, tc := range []struct {
		txt, path string
		want      bool
	}{
		{"", "/a", true},
		{"User-agent: *\nDisallow:\n", "/a", true},
		{"User-agent: *\nDisallow: /\n", "/a", false},
		{"User-agent: *\nDisallow: /\nAllow: /$\n", "/", true},
		{"User-agent: *\nDisallow: /a\nAllow: /a\n", "/a", true}, // a tie goes to Allow
		{"Disallow: /\n", "/a", true},                            // no group: ignored
		{"User-agent: *\nDisallow: /*/b*c\n", "/x/yy/bxxc/z", false},
		{"User-agent: *\nDisallow: /*/b*c\n", "/x/bxxd", true},
		{"User-agent: *\r\nDisallow: /a\r\n", "/a/b", false},
	} {
		if got := parseRobots([]byte(tc.txt), "casebook").allowed(tc.path); got != tc.want {
			t.Errorf("%q %s: allowed = %v, want %v", tc.txt, tc.path, got, tc.want)
		}
	}
}
