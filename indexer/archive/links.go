package archive

import (
	"net/url"
	"path"
	"regexp"
	"strings"
)

// DeadLinks returns the links of the page at pageKey, as written and each
// once, that point inside the archive at a file exists does not know.
//
// A link is resolved against pageKey with path semantics, its query and
// fragment stripped and a folder ("201207/") read as its index.html. In-page
// anchors, links to other sites (http, https, mailto, javascript and any
// other scheme) and links that climb out of the archive are left out. For a
// page key that is a URL, the archive is its host. For a path, it is the
// mirror folder named like a host ("www.example.jp"), which root-relative
// links and absolute links to that host resolve against; without one,
// such links are left out, and so are relative links that climb above the
// key's first folder.
func DeadLinks(pageKey string, links []string, exists func(string) bool) []string {
	r := newResolver(pageKey)
	var dead []string
	seen := map[string]bool{}
	for _, l := range links {
		l = strings.TrimSpace(l)
		if seen[l] {
			continue
		}
		seen[l] = true
		if target, ok := r.resolve(l); ok && !exists(target) {
			dead = append(dead, l)
		}
	}
	return dead
}

// resolver resolves links against one page.
type resolver struct {
	page *url.URL // the page as a URL, when its key is one
	path string   // the page's path, when its key is a file path
	root string   // the mirror folder named like a host, with its trailing "/"
	host string   // that host, lower case
}

func newResolver(pageKey string) resolver {
	page, _ := splitKey(pageKey)
	if u, err := url.Parse(page); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
		return resolver{page: u, host: strings.ToLower(u.Host)}
	}
	r := resolver{path: page}
	r.root, r.host = mirrorRoot(page)
	return r
}

// hostName matches a folder a site mirror names after the host.
var hostName = regexp.MustCompile(`(?i)^(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?$`)

// mirrorRoot returns the folder nearest the file that is named like a
// host, and that host.
func mirrorRoot(p string) (root, host string) {
	segs := strings.Split(p, "/")
	for i := len(segs) - 2; i >= 0; i-- {
		if hostName.MatchString(segs[i]) {
			return strings.Join(segs[:i+1], "/") + "/", strings.ToLower(segs[i])
		}
	}
	return "", ""
}

// resolve returns the key link points at, and false for a link that is
// not checked.
func (r resolver) resolve(link string) (string, bool) {
	ref, err := url.Parse(link)
	if err != nil || ref.Opaque != "" {
		return "", false
	}
	if ref.Scheme != "" && ref.Scheme != "http" && ref.Scheme != "https" {
		return "", false
	}
	if ref.Host == "" && ref.Path == "" {
		return "", false // "#anchor", "?query" or empty: this page
	}
	if ref.Host != "" && strings.ToLower(ref.Host) != r.host {
		return "", false
	}
	if r.page != nil {
		return r.resolveURL(ref)
	}
	return r.resolvePath(ref)
}

func (r resolver) resolveURL(ref *url.URL) (string, bool) {
	u := r.page.ResolveReference(&url.URL{Path: ref.Path, RawPath: ref.RawPath})
	u.Path = withIndex(u.Path)
	if u.RawPath != "" {
		u.RawPath = withIndex(u.RawPath)
	}
	return u.String(), true
}

func (r resolver) resolvePath(ref *url.URL) (string, bool) {
	if strings.HasPrefix(ref.Path, "/") {
		if r.root == "" {
			return "", false
		}
		return withIndex(r.root + strings.TrimLeft(ref.Path, "/")), true
	}
	target := cleanJoin(r.path, ref.Path)
	if !r.inside(target) {
		return "", false
	}
	return withIndex(target), true
}

// inside reports whether a resolved path stays within the archive.
func (r resolver) inside(target string) bool {
	if r.root != "" {
		return strings.HasPrefix(target, r.root)
	}
	if target == ".." || strings.HasPrefix(target, "../") {
		return false
	}
	first, _, nested := strings.Cut(r.path, "/")
	return path.IsAbs(r.path) || !nested || strings.HasPrefix(target, first+"/")
}
