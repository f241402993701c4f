package crawl

import (
	"bufio"
	"bytes"
	"strconv"
	"strings"
	"time"
)

// robots is the part of a robots.txt that applies to one user agent: the
// rules of the groups naming its product token, else those of "*"
// (RFC 9309, section 2.2.1).
type robots struct {
	rules []robotsRule
	delay time.Duration // Crawl-delay, 0 when not given
}

type robotsRule struct {
	allow   bool
	pattern string
}

// robotsGroup is one group of a robots.txt: its user agents and lines.
type robotsGroup struct {
	agents []string
	robots
}

// parseRobots reads a robots.txt for the user agent ua. Lines it does not
// understand are ignored, as the RFC asks.
func parseRobots(body []byte, ua string) *robots {
	var groups []*robotsGroup
	var cur *robotsGroup
	inAgents := false
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(nil, 64<<10)
	for sc.Scan() {
		key, value, ok := robotsLine(sc.Text())
		if !ok {
			continue
		}
		if key == "user-agent" {
			if !inAgents {
				cur = &robotsGroup{}
				groups = append(groups, cur)
			}
			cur.agents = append(cur.agents, strings.ToLower(value))
			inAgents = true
			continue
		}
		inAgents = false
		if cur != nil {
			cur.add(key, value)
		}
	}
	return pickGroups(groups, productToken(ua))
}

// robotsLine splits "Key: value # comment" into a lower-case key and value.
func robotsLine(line string) (key, value string, ok bool) {
	line, _, _ = strings.Cut(line, "#")
	key, value, ok = strings.Cut(line, ":")
	return strings.ToLower(strings.TrimSpace(key)), strings.TrimSpace(value), ok
}

func (g *robotsGroup) add(key, value string) {
	switch key {
	case "allow", "disallow":
		if value != "" { // an empty Disallow allows everything: no rule
			g.rules = append(g.rules, robotsRule{allow: key == "allow", pattern: value})
		}
	case "crawl-delay":
		if secs, err := strconv.ParseFloat(value, 64); err == nil && secs > 0 && secs < 86400 {
			g.delay = time.Duration(secs * float64(time.Second))
		}
	}
}

// pickGroups merges the groups that name token, or else those of "*".
func pickGroups(groups []*robotsGroup, token string) *robots {
	for _, want := range []string{token, "*"} {
		r := &robots{}
		found := false
		for _, g := range groups {
			for _, a := range g.agents {
				if a == want {
					found = true
					r.rules = append(r.rules, g.rules...)
					r.delay = max(r.delay, g.delay)
					break
				}
			}
		}
		if found {
			return r
		}
	}
	return &robots{}
}

// productToken is the name of a user agent string, lower case:
// "casebook" for "Casebook/1.0 (+https://...)".
func productToken(ua string) string {
	ua = strings.ToLower(strings.TrimSpace(ua))
	if i := strings.IndexAny(ua, "/ "); i >= 0 {
		ua = ua[:i]
	}
	return ua
}

// allowed reports whether path (with its query) may be fetched: the rule
// with the longest pattern that matches decides, Allow winning a tie; with
// no match, everything is allowed. /robots.txt itself always is.
func (r *robots) allowed(path string) bool {
	if path == "/robots.txt" {
		return true
	}
	best, allow := -1, true
	for _, rule := range r.rules {
		if !robotsMatch(rule.pattern, path) {
			continue
		}
		n := len(rule.pattern)
		if n > best || n == best && rule.allow {
			best, allow = n, rule.allow
		}
	}
	return allow
}

// robotsMatch reports whether pattern matches the start of path, where
// "*" stands for any run of characters and a final "$" anchors the end.
func robotsMatch(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	pattern = strings.TrimSuffix(pattern, "$")
	if !anchored {
		pattern += "*"
	}
	// Glob matching with one backtrack point: the last "*" seen.
	p, s, star, mark := 0, 0, -1, 0
	for s < len(path) {
		switch {
		case p < len(pattern) && pattern[p] == '*':
			star, mark = p, s
			p++
		case p < len(pattern) && pattern[p] == path[s]:
			p++
			s++
		case star >= 0:
			mark++
			p, s = star+1, mark
		default:
			return false
		}
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
}
