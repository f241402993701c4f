package extract

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
)

// MaxSize is the largest file File reads.
const MaxSize = 32 << 20

// Media types File reports.
const (
	TypeHTML     = "text/html"
	TypeMarkdown = "text/markdown"
	TypePlain    = "text/plain"
)

var (
	// ErrEmpty means the file has zero bytes or only whitespace.
	ErrEmpty = errors.New("empty file")
	// ErrUnsupported means the file is of a type not read (yet): binary
	// data, images, executables, PDF, DOCX, archives.
	ErrUnsupported = errors.New("unsupported type")
	// ErrNoText means the type is readable but the file holds no text,
	// such as an HTML page of only markup and scripts.
	ErrNoText = errors.New("no text")
	// ErrTooLarge means the file is larger than MaxSize.
	ErrTooLarge = errors.New("file too large")
)

// Result is what one file yields.
type Result struct {
	MediaType string              // "text/html", "text/markdown", "text/plain" (detected by content)
	Charset   string              // charset the bytes were decoded from: "utf-8", "shift_jis", "euc-jp", "iso-2022-jp", "windows-1252"
	Title     string              // first <h1>, <title>, front matter title, or first line
	Summary   string              // description, else first substantial paragraph; at most ~300 characters
	Headings  []string            // h1-h6 / Markdown headings, in order, text only
	Body      string              // main text: paragraphs separated by "\n\n", no markup
	Lang      string              // "en", "ja", ... when the source declares it, else ""
	Meta      map[string][]string // front matter and <meta name> values, lower-case keys; dates as "YYYY-MM-DD"
	Warnings  []string            // what staff should know that did not stop extraction

	PageStarts []int    // paged formats (PDF): byte offset in Body where each page starts; page n is Body[PageStarts[n-1]:PageStarts[n]]
	Flags      []string // e.g. data.FlagNoText for a PDF without a text layer
	Links      []string // HTML: href values as written, for link checks
	Parts      []Part   // when the file holds several documents (an issue page split into articles, records); each becomes a document
}

// Part is one document inside a file. Fields left empty are taken from the
// file's Result (Lang, Meta are merged: the part's values win).
type Part struct {
	Key      string // stable within the file: an anchor ("a1"), a record id; the document id derives from it
	Position int    // 1-based order in the file
	Title    string
	Summary  string
	Headings []string
	Body     string
	Lang     string
	Meta     map[string][]string
}

// File extracts text from one file. name is only a hint (its extension
// marks Markdown); the type is detected from the content. Errors wrap
// ErrTooLarge, ErrEmpty, ErrUnsupported or ErrNoText with the file name and
// the detail.
func File(name string, raw []byte) (*Result, error) {
	res, err := file(name, raw)
	if err != nil {
		return nil, fmt.Errorf("extract %s: %w", name, err)
	}
	return res, nil
}

func file(name string, raw []byte) (*Result, error) {
	if len(raw) > MaxSize {
		return nil, fmt.Errorf("%w: %d bytes, the limit is %d", ErrTooLarge, len(raw), MaxSize)
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, ErrEmpty
	}
	if res, err, ok := extractBinary(name, raw); ok {
		return res, err
	}
	if what, ok := unsupported(raw); ok {
		return nil, fmt.Errorf("%w: %s", ErrUnsupported, what.detail)
	}
	text, charset, warnings, err := Decode(raw, "")
	if err != nil {
		return nil, err
	}
	if isJapanese(charset) {
		text = jisDashes.Replace(text)
	}
	if strings.TrimSpace(strings.TrimPrefix(text, "\ufeff")) == "" {
		return nil, ErrEmpty
	}
	res, err := extractText(name, text)
	if err != nil {
		return nil, err
	}
	res.Charset = charset
	res.Warnings = append(warnings, res.Warnings...)
	return res, nil
}

// jisDashes maps the dash of JIS X 0208 (row 1, cell 29), which
// Windows-31J and the WHATWG decoders give as U+2015 HORIZONTAL BAR, to the
// EM DASH it stands for in the JIS standard and in the pages' prose.
var jisDashes = strings.NewReplacer("\u2015", "\u2014")

// extractText dispatches decoded text to the extractor for its type.
func extractText(name, text string) (*Result, error) {
	kind, fm, rest, warning := classify(name, text)
	var res *Result
	var err error
	switch kind {
	case TypeHTML:
		res, err = extractHTML(rest)
	case TypeMarkdown:
		res = extractMarkdown(rest)
	default:
		res = extractPlain(rest)
	}
	if err != nil {
		return nil, err
	}
	if warning != "" {
		res.Warnings = append(res.Warnings, warning)
	}
	applyFrontMatter(res, fm)
	return finish(res)
}

// finish enforces the limits every Result keeps and decides whether there
// is any text at all.
func finish(res *Result) (*Result, error) {
	if res.Body == "" && (res.MediaType == TypeHTML || res.Title == "" && res.Summary == "") {
		return nil, fmt.Errorf("%w: nothing textual in this %s file", ErrNoText, res.MediaType)
	}
	res.Title = truncate(res.Title, titleMax)
	res.Summary = truncate(res.Summary, summaryMax)
	if len(res.Meta) == 0 {
		res.Meta = nil
	}
	return res, nil
}
