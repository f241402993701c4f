package crawl

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"

	"casebook/data"
)

// robotsMaxSize is how much of a robots.txt is read (RFC 9309 asks for at
// least 500 KiB).
const robotsMaxSize = 512 << 10

// response is what a page request returned; body only for a 200.
type response struct {
	status    int
	header    http.Header
	location  string // of a redirect
	mediaType string
	body      []byte
}

// fetch requests u, conditionally when old says how, and reads the body
// of a 200 up to MaxSize. An error means no usable response.
func (r *run) fetch(ctx context.Context, u *url.URL, old *data.CrawlPage) (*response, error) {
	ctx, cancel := context.WithTimeout(ctx, r.Timeout)
	defer cancel()
	req, err := r.request(ctx, u.String())
	if err != nil {
		return nil, err
	}
	if old != nil && old.ETag != "" {
		req.Header.Set("If-None-Match", old.ETag)
	}
	if old != nil && old.LastModified != "" {
		req.Header.Set("If-Modified-Since", old.LastModified)
	}
	resp, err := r.client.Do(req)
	if err != nil {
		return nil, unwrapURLError(err)
	}
	defer resp.Body.Close()
	out := &response{status: resp.StatusCode, header: resp.Header, location: resp.Header.Get("Location")}
	if resp.StatusCode != http.StatusOK {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return out, nil
	}
	if out.body, err = readBody(resp, r.MaxSize); err != nil {
		return nil, err
	}
	out.mediaType = mediaType(resp.Header, out.body, u.Path)
	return out, nil
}

func (r *run) request(ctx context.Context, u string) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", r.UserAgent)
	return req, nil
}

// readBody reads at most limit bytes; a larger body is an error.
func readBody(resp *http.Response, limit int64) ([]byte, error) {
	tooLarge := fmt.Errorf("larger than the %d MiB limit", limit>>20)
	if resp.ContentLength > limit {
		return nil, tooLarge
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, fmt.Errorf("reading the body: %w", unwrapURLError(err))
	}
	if int64(len(body)) > limit {
		return nil, tooLarge
	}
	return body, nil
}

// unwrapURLError drops the "Get URL:" that net/http puts before an error;
// results already name the URL.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// host is what a run knows of one host: its robots.txt rules and when the
// last request to it ended.
type host struct {
	robots *robots
	delay  time.Duration // the larger of Crawler.Delay and Crawl-delay
	last   time.Time
}

// wait sleeps until the host's delay has passed since its last request.
func (h *host) wait(ctx context.Context) error {
	d := time.Until(h.last.Add(h.delay))
	if d <= 0 {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// host returns the host of u, reading its robots.txt on first use.
func (r *run) host(ctx context.Context, u *url.URL) (*host, error) {
	key := hostKey(u)
	if h, ok := r.hosts[key]; ok {
		return h, nil
	}
	h := &host{delay: r.Delay}
	rb, err := r.fetchRobots(ctx, key)
	h.last = time.Now()
	if err != nil {
		return nil, err
	}
	h.robots, h.delay = rb, max(r.Delay, rb.delay)
	if rb.delay > r.Delay {
		r.Logger.Info("crawl: robots.txt asks for a longer delay", "host", key, "crawl-delay", rb.delay)
	}
	r.hosts[key] = h
	return h, nil
}

// fetchRobots reads the robots.txt of host (following redirects). A
// missing one (4xx) allows everything; an unreachable one (5xx, network
// error) stops the crawl, since RFC 9309 then asks crawlers to assume
// everything is disallowed, and a later run can try again.
func (r *run) fetchRobots(ctx context.Context, host string) (*robots, error) {
	ctx, cancel := context.WithTimeout(ctx, r.Timeout)
	defer cancel()
	req, err := r.request(ctx, host+"/robots.txt")
	if err != nil {
		return nil, err
	}
	resp, err := r.Client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("crawl: robots.txt of %s is unreachable, not crawling: %w", host, unwrapURLError(err))
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode >= 200 && resp.StatusCode < 300:
		body, err := io.ReadAll(io.LimitReader(resp.Body, robotsMaxSize))
		if err != nil {
			return nil, fmt.Errorf("crawl: reading robots.txt of %s: %w", host, unwrapURLError(err))
		}
		return parseRobots(body, r.UserAgent), nil
	case resp.StatusCode >= 400 && resp.StatusCode < 500:
		return &robots{}, nil
	}
	return nil, fmt.Errorf("crawl: robots.txt of %s is unavailable (HTTP %d), not crawling", host, resp.StatusCode)
}

// documentTypes are the media types handed on for ingest, with the file
// extension a page of that type gets when its URL has none.
var documentTypes = map[string]string{
	"text/html":             ".html",
	"application/xhtml+xml": ".html",
	"text/plain":            ".txt",
	"text/markdown":         ".md",
	"text/x-markdown":       ".md",
	"text/csv":              ".csv",
	"application/json":      ".json",
	"application/x-ndjson":  ".jsonl",
	"application/pdf":       ".pdf",
	"application/msword":    ".doc",
	"application/rtf":       ".rtf",
	"text/rtf":              ".rtf",
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
	"application/vnd.oasis.opendocument.text":                                 ".odt",
}

// extensionTypes names the type of a document served without a specific
// one, by the extension of its URL.
var extensionTypes = map[string]string{
	".html": "text/html", ".htm": "text/html", ".txt": "text/plain", ".md": "text/markdown",
	".csv": "text/csv", ".json": "application/json", ".jsonl": "application/x-ndjson",
	".pdf": "application/pdf", ".doc": "application/msword", ".rtf": "application/rtf",
	".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	".odt":  "application/vnd.oasis.opendocument.text",
}

func ingestible(mediaType string) bool { _, ok := documentTypes[mediaType]; return ok }

func isHTML(mediaType string) bool {
	return mediaType == "text/html" || mediaType == "application/xhtml+xml"
}

// mediaType is the type the server declared; for none or a generic one,
// the type the URL's extension names, else the type sniffed from body.
func mediaType(h http.Header, body []byte, urlPath string) string {
	mt, _, _ := mime.ParseMediaType(h.Get("Content-Type"))
	if mt != "" && mt != "application/octet-stream" {
		return mt
	}
	if t, ok := extensionTypes[strings.ToLower(path.Ext(urlPath))]; ok {
		return t
	}
	mt, _, _ = mime.ParseMediaType(http.DetectContentType(body))
	return mt
}

// fileName is a name for the page: the last segment of its path, given
// the type's extension when it has none; "index.html" for a folder.
func fileName(u *url.URL, mediaType string) string {
	name := path.Base(u.Path)
	if strings.HasSuffix(u.Path, "/") || name == "/" || name == "." {
		name = "index"
	}
	if path.Ext(name) == "" {
		name += documentTypes[mediaType]
	}
	return name
}
