package extract

import (
	"bytes"
	"path/filepath"
	"strings"
)

// sniffLimit is how much of a file type detection looks at.
const sniffLimit = 8 << 10

// unsupportedType names a type File refuses, with the detail for the error.
type unsupportedType struct {
	mediaType string
	detail    string
}

// magics are the signatures of binary formats, checked at the file start.
var magics = []struct {
	prefix string
	unsupportedType
}{
	{"%PDF-", unsupportedType{"application/pdf", "not a readable PDF"}},
	{"PK\x03\x04", unsupportedType{"application/zip", "zip archive (only DOCX is read)"}},
	{"PK\x05\x06", unsupportedType{"application/zip", "zip archive (only DOCX is read)"}},
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", unsupportedType{"application/x-ole-storage", "old Microsoft Office files (DOC, XLS, PPT) are not supported yet"}},
	{"{\\rtf", unsupportedType{"application/rtf", "RTF is not supported yet"}},
	{"%!PS", unsupportedType{"application/postscript", "PostScript is not supported"}},
	{"\x89PNG\r\n\x1a\n", unsupportedType{"image/png", "PNG image"}},
	{"\xff\xd8\xff", unsupportedType{"image/jpeg", "JPEG image"}},
	{"GIF87a", unsupportedType{"image/gif", "GIF image"}},
	{"GIF89a", unsupportedType{"image/gif", "GIF image"}},
	{"II*\x00", unsupportedType{"image/tiff", "TIFF image"}},
	{"MM\x00*", unsupportedType{"image/tiff", "TIFF image"}},
	{"\x7fELF", unsupportedType{"application/x-executable", "ELF executable"}},
	{"\x1f\x8b", unsupportedType{"application/gzip", "gzip archive"}},
	{"7z\xbc\xaf\x27\x1c", unsupportedType{"application/x-7z-compressed", "7-Zip archive"}},
	{"Rar!\x1a\x07", unsupportedType{"application/vnd.rar", "RAR archive"}},
	{"OggS", unsupportedType{"audio/ogg", "Ogg media"}},
	{"fLaC", unsupportedType{"audio/flac", "FLAC audio"}},
	{"ID3\x03", unsupportedType{"audio/mpeg", "MP3 audio"}},
	{"ID3\x04", unsupportedType{"audio/mpeg", "MP3 audio"}},
}

// officeZips tell Office documents from other zip archives by a member name.
var officeZips = []struct {
	member string
	unsupportedType
}{
	{"word/", unsupportedType{"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX without word/document.xml"}},
	{"xl/", unsupportedType{"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX is not supported yet"}},
	{"ppt/", unsupportedType{"application/vnd.openxmlformats-officedocument.presentationml.presentation", "PPTX is not supported yet"}},
	{"application/vnd.oasis.opendocument", unsupportedType{"application/vnd.oasis.opendocument", "OpenDocument files are not supported yet"}},
}

var binaryData = unsupportedType{"application/octet-stream", "binary data"}

// DetectType returns the media type of raw judged by its content:
// "text/html", "text/markdown" (only with YAML front matter, since the name
// is not known here) or "text/plain" for the types File reads, else the
// media type of a format File refuses, "application/octet-stream" for
// unrecognised binary data.
func DetectType(raw []byte) string {
	if what, ok := unsupported(raw); ok {
		return what.mediaType
	}
	text, _, _, err := Decode(raw[:min(len(raw), sniffLimit)], "")
	if err != nil {
		return binaryData.mediaType
	}
	kind, _, _, _ := classify("", text)
	return kind
}

// unsupported reports a binary format by its signature, or binary data by
// NUL bytes or a high share of control bytes.
func unsupported(raw []byte) (unsupportedType, bool) {
	start := bytes.TrimLeft(raw[:min(len(raw), 1024)], " \t\r\n")
	for _, m := range magics {
		if bytes.HasPrefix(start, []byte(m.prefix)) {
			return zipKind(raw, m.unsupportedType), true
		}
	}
	if bytes.HasPrefix(raw, []byte("\xff\xfe")) || bytes.HasPrefix(raw, []byte("\xfe\xff")) {
		return unsupportedType{}, false // UTF-16 text has NUL bytes
	}
	if isBinary(raw[:min(len(raw), sniffLimit)]) {
		return binaryData, true
	}
	return unsupportedType{}, false
}

func zipKind(raw []byte, kind unsupportedType) unsupportedType {
	if kind.mediaType != "application/zip" {
		return kind
	}
	head := raw[:min(len(raw), 64<<10)]
	for _, o := range officeZips {
		if bytes.Contains(head, []byte(o.member)) {
			return o.unsupportedType
		}
	}
	return kind
}

// isBinary reports NUL bytes or more than 5% control bytes other than
// whitespace, ESC (ISO-2022-JP) and SUB (an old end-of-file mark).
func isBinary(b []byte) bool {
	controls := 0
	for _, c := range b {
		switch {
		case c == 0:
			return true
		case c == '\t', c == '\n', c == '\r', c == '\f', c == '\v', c == 0x1b, c == 0x1a:
		case c < 0x20, c == 0x7f:
			controls++
		}
	}
	return controls*20 > len(b)
}

// classify decides the media type of decoded text and splits off its
// front matter. A file with front matter is Markdown unless the rest is
// HTML.
func classify(name, text string) (kind string, fm map[string][]string, rest, warning string) {
	fm, rest, warning = splitFrontMatter(text)
	kind = detectText(name, rest)
	if fm != nil && kind == TypePlain {
		kind = TypeMarkdown
	}
	return kind, fm, rest, warning
}

// detectText sniffs decoded text. A Markdown name hint overrides weak HTML
// signs (a <p> or <div> at the start), not a doctype or <html>; an HTML
// name hint lets any tag near the start make a fragment HTML.
func detectText(name, text string) string {
	ext := strings.ToLower(filepath.Ext(name))
	md := markdownExts[ext]
	switch {
	case sniffHTML(text, md):
		return TypeHTML
	case md:
		return TypeMarkdown
	case htmlExts[ext] && htmlTagRE.MatchString(text[:min(len(text), 1024)]):
		return TypeHTML
	}
	return TypePlain
}

var (
	markdownExts = map[string]bool{".md": true, ".markdown": true, ".mdown": true, ".mkd": true}
	htmlExts     = map[string]bool{".html": true, ".htm": true, ".shtml": true, ".xhtml": true}
)

var (
	strongHTML = []string{"<!doctype html", "<html", "<head", "<body"}
	weakHTML   = []string{"<p", "<table", "<title", "<meta", "<div", "<h1", "<h2", "<h3", "<h4", "<h5", "<h6", "<font", "<center", "<br", "<ul", "<ol"}
)

// sniffHTML looks at the first tag after whitespace, comments and XML
// declarations, and for a doctype, <html> or <body> tag near the start.
func sniffHTML(text string, strongOnly bool) bool {
	head := strings.ToLower(text[:min(len(text), 1024)])
	start := skipPreamble(head)
	if hasTagPrefix(start, strongHTML) || !strongOnly && hasTagPrefix(start, weakHTML) {
		return true
	}
	return strings.Contains(head, "<!doctype html") || strings.Contains(head, "<html") || strings.Contains(head, "<body")
}

// skipPreamble skips whitespace, a BOM, comments and <?...?> declarations.
func skipPreamble(s string) string {
	for {
		s = strings.TrimLeft(s, " \t\n\f\ufeff")
		var end string
		switch {
		case strings.HasPrefix(s, "<!--"):
			end = "-->"
		case strings.HasPrefix(s, "<?"):
			end = "?>"
		default:
			return s
		}
		i := strings.Index(s, end)
		if i < 0 {
			return ""
		}
		s = s[i+len(end):]
	}
}

// hasTagPrefix reports whether s starts with one of the tags followed by a
// character that ends a tag name.
func hasTagPrefix(s string, tags []string) bool {
	for _, t := range tags {
		if !strings.HasPrefix(s, t) {
			continue
		}
		rest := s[len(t):]
		if rest == "" || strings.ContainsRune(" \t\n\f>/", rune(rest[0])) {
			return true
		}
	}
	return false
}
