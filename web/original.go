package web

import (
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"path"
	"regexp"
	"strings"

	"casebook/data"
)

// serveOriginal streams the file a document was extracted from, always
// as a download with a name we make, never the source's own.
func (s *Server) serveOriginal(w http.ResponseWriter, r *http.Request) {
	doc, err := s.document(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if doc.Hash == "" {
		s.fail(w, r, fmt.Errorf("web: document %s has no original: %w", doc.ID, data.ErrNotFound))
		return
	}
	rc, err := s.Docs.OpenOriginal(doc.Hash)
	if err != nil {
		s.fail(w, r, fmt.Errorf("web: original of %s: %w", doc.ID, err))
		return
	}
	defer rc.Close()
	h := w.Header()
	h.Set("Content-Type", originalType(doc.MediaType, doc.Charset))
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": originalName(doc)}))
	h.Set("Content-Security-Policy", "default-src 'none'; sandbox")
	h.Set("X-Content-Type-Options", "nosniff")
	if _, err := io.Copy(w, rc); err != nil {
		s.logError(r, http.StatusOK, fmt.Errorf("web: send original of %s: %w", doc.ID, err))
	}
}

var (
	unsafeName = regexp.MustCompile(`[^A-Za-z0-9_-]+`)
	safeExt    = regexp.MustCompile(`^\.[a-z0-9]{1,8}$`)
	charsetRe  = regexp.MustCompile(`^[A-Za-z0-9._:-]{1,40}$`)
)

// extByType names files whose source path has no usable extension.
var extByType = map[string]string{
	"application/pdf":  ".pdf",
	"text/plain":       ".txt",
	"text/html":        ".html",
	"text/markdown":    ".md",
	"text/csv":         ".csv",
	"application/json": ".json",
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
}

// originalName is "casebook-<id><ext>": the id with anything but letters,
// digits, "-" and "_" removed, and the source's extension if it is short
// and plain, else one derived from the media type.
func originalName(doc *data.Document) string {
	id := strings.Trim(unsafeName.ReplaceAllString(doc.ID, "-"), "-")
	if len(id) > 64 {
		id = id[:64]
	}
	return "casebook-" + id + originalExt(doc)
}

func originalExt(doc *data.Document) string {
	src := doc.Source
	if u, err := url.Parse(src); err == nil && u.Path != "" {
		src = u.Path
	}
	src, _, _ = strings.Cut(src, "#")
	ext := strings.ToLower(path.Ext(strings.ReplaceAll(src, `\`, "/")))
	if safeExt.MatchString(ext) {
		return ext
	}
	mt, _, _ := mime.ParseMediaType(doc.MediaType)
	return extByType[mt]
}

// originalType serves plain text with its stored charset and PDF as
// PDF; anything else (HTML, office files) as opaque bytes, so that no
// browser renders a stored page on our origin.
func originalType(mediaType, charset string) string {
	mt, params, _ := mime.ParseMediaType(mediaType)
	switch mt {
	case "application/pdf":
		return "application/pdf"
	case "text/plain":
		cs := charset
		if cs == "" {
			cs = params["charset"]
		}
		if charsetRe.MatchString(cs) {
			return "text/plain; charset=" + cs
		}
		return "text/plain"
	}
	return "application/octet-stream"
}
