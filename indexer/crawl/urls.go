package crawl

import (
	"fmt"
	"net"
	"net/url"
	"strings"
)

// Normalize returns the canonical form of an absolute http or https URL:
// scheme and host in lower case, no default port, "/" for an empty path,
// no "." or ".." segments, no fragment. It is the form a URL is known by
// in the frontier, the visited set and the store.
func Normalize(raw string) (string, error) {
	u, err := url.Parse(cleanRef(raw))
	if err != nil {
		return "", fmt.Errorf("crawl: %w", err)
	}
	if !u.IsAbs() || u.Host == "" {
		return "", fmt.Errorf("crawl: %q is not an absolute URL", raw)
	}
	c, ok := canonical(u)
	if !ok {
		return "", fmt.Errorf("crawl: %q is not an http or https URL", raw)
	}
	return c.String(), nil
}

// resolve resolves ref, as written in the page at base, to a canonical
// URL; ok is false for links a crawler cannot follow (mailto:, javascript:,
// malformed ones).
func resolve(base *url.URL, ref string) (*url.URL, bool) {
	r, err := url.Parse(cleanRef(ref))
	if err != nil {
		return nil, false
	}
	return canonical(base.ResolveReference(r))
}

// cleanRef strips what browsers ignore in a written URL: surrounding
// spaces and embedded tabs and line breaks.
func cleanRef(ref string) string {
	return strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(strings.TrimSpace(ref))
}

// canonical normalises an absolute URL; see Normalize.
func canonical(u *url.URL) (*url.URL, bool) {
	c := *u
	c.Scheme = strings.ToLower(c.Scheme)
	if c.Scheme != "http" && c.Scheme != "https" || c.Host == "" || c.Opaque != "" {
		return nil, false
	}
	c.Host = canonicalHost(c.Scheme, c.Host)
	c.User, c.Fragment, c.RawFragment, c.ForceQuery = nil, "", "", false
	if c.Path == "" {
		c.Path, c.RawPath = "/", ""
	}
	// Resolving an absolute reference removes its dot segments.
	return u.ResolveReference(&c), true
}

// canonicalHost lower-cases host and drops the scheme's default port.
func canonicalHost(scheme, host string) string {
	host = strings.ToLower(host)
	h, port, err := net.SplitHostPort(host)
	if err != nil {
		return host
	}
	if scheme == "http" && port == "80" || scheme == "https" && port == "443" {
		if strings.Contains(h, ":") {
			return "[" + h + "]"
		}
		return h
	}
	return host
}

// defaultScope is the directory of the start URL: everything up to and
// including the last "/" of its path.
func defaultScope(start *url.URL) string {
	s := *start
	s.RawQuery = ""
	s.Path = s.Path[:strings.LastIndex(s.Path, "/")+1]
	s.RawPath = ""
	return s.String()
}

// hostKey names the host (and port) a URL is fetched from, for robots.txt
// and the politeness delay.
func hostKey(u *url.URL) string { return u.Scheme + "://" + u.Host }
