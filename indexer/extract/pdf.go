package extract

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/klippa-app/go-pdfium"
	pdfiumerrors "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
)

// TypePDF is the media type of PDF files.
const TypePDF = "application/pdf"

var (
	// ErrEncrypted means the file is encrypted and cannot be opened without
	// a password (PDFs encrypted only against editing or printing are read).
	ErrEncrypted = errors.New("encrypted")
	// ErrCorrupt means the file is damaged or truncated, or could not be
	// read within ExtractTimeout.
	ErrCorrupt = errors.New("corrupt file")
)

const (
	// ExtractTimeout bounds the time one PDF may take.
	ExtractTimeout = 60 * time.Second
	// MaxPDFPages is how many pages of a PDF are read; the rest are
	// counted but not read, with a warning.
	MaxPDFPages = 2000
	// minCharsPerPage is the text a PDF must have, on average per page, to
	// count as having a text layer: less is stray text on scanned pages
	// (chart labels, a page number).
	minCharsPerPage = 16
)

// pdfTimeout is ExtractTimeout, shortened by tests.
var pdfTimeout = ExtractTimeout

// flagNoText is data.FlagNoText (this package does not import data).
const flagNoText = "no-text"

// pdfDoc is what PDFium reads from a file.
type pdfDoc struct {
	pages    []string          // text of each page read, as PDFium gives it
	count    int               // pages in the file
	info     map[string]string // document information: Title, Author, CreationDate...
	warnings []string
}

// extractPDF reads a PDF's text layer page by page.
func extractPDF(name string, raw []byte) (*Result, error) {
	if !hasEOFMarker(raw) {
		return nil, fmt.Errorf("%w: truncated: no %%%%EOF marker at the end", ErrCorrupt)
	}
	doc, err := withPDFium(pdfTimeout, func(inst pdfium.Pdfium) (*pdfDoc, error) {
		return readPDF(inst, raw)
	})
	if err != nil {
		return nil, err
	}
	return pdfResult(name, raw, doc), nil
}

// hasEOFMarker reports an end-of-file marker in the last KiB, after
// trailing whitespace and NUL padding, where readers look for it. A PDF cut
// short (an interrupted download or upload) has none; PDFium would rebuild
// what is left without saying so.
func hasEOFMarker(raw []byte) bool {
	raw = bytes.TrimRight(raw, " \t\r\n\x00")
	return bytes.Contains(raw[max(0, len(raw)-1024):], []byte("%%EOF"))
}

// readPDF opens the document and reads its pages and information.
func readPDF(inst pdfium.Pdfium, raw []byte) (*pdfDoc, error) {
	opened, err := inst.OpenDocument(&requests.OpenDocument{File: &raw})
	if err != nil {
		return nil, openError(err)
	}
	ref := opened.Document
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: ref})
	count, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: ref})
	if err != nil {
		return nil, fmt.Errorf("%w: counting pages: %v", ErrCorrupt, err)
	}
	if count.PageCount <= 0 {
		return nil, fmt.Errorf("%w: the document has no pages", ErrCorrupt)
	}
	doc := &pdfDoc{count: count.PageCount, info: map[string]string{}}
	if err := doc.readPages(inst, ref); err != nil {
		return nil, err
	}
	if md, err := inst.GetMetaData(&requests.GetMetaData{Document: ref}); err == nil {
		for _, tag := range md.Tags {
			doc.info[tag.Tag] = tag.Value
		}
	}
	return doc, nil
}

// readPages reads the text of each page up to MaxPDFPages. A page PDFium
// cannot read is left empty with a warning; a trap ends the document.
func (doc *pdfDoc) readPages(inst pdfium.Pdfium, ref references.FPDF_DOCUMENT) error {
	n := min(doc.count, MaxPDFPages)
	if n < doc.count {
		doc.warnings = append(doc.warnings, fmt.Sprintf("only the first %d of %d pages were read", n, doc.count))
	}
	doc.pages = make([]string, n)
	for i := range n {
		text, err := inst.GetPageText(&requests.GetPageText{Page: requests.Page{
			ByIndex: &requests.PageByIndex{Document: ref, Index: i},
		}})
		if err != nil {
			if isTrap(err) {
				return err
			}
			doc.warnings = append(doc.warnings, fmt.Sprintf("page %d could not be read: %v", i+1, err))
			continue
		}
		doc.pages[i] = text.Text
	}
	return nil
}

// openError tells an encrypted file from a damaged one.
func openError(err error) error {
	switch {
	case errors.Is(err, pdfiumerrors.ErrPassword):
		return fmt.Errorf("%w: the PDF needs a password to open", ErrEncrypted)
	case errors.Is(err, pdfiumerrors.ErrSecurity):
		return fmt.Errorf("%w: the PDF uses an unsupported encryption", ErrEncrypted)
	case isTrap(err):
		return err
	}
	return fmt.Errorf("%w: not a readable PDF (%v)", ErrCorrupt, err)
}

// pdfResult turns the pages into a Result: body with page offsets, title,
// summary and metadata, or the no-text flag for a scan.
func pdfResult(name string, raw []byte, doc *pdfDoc) *Result {
	res := &Result{MediaType: TypePDF, Meta: map[string][]string{}, Warnings: doc.warnings}
	lines := make([][]string, len(doc.pages))
	pages := make([]string, len(doc.pages))
	chars := 0
	for i, p := range doc.pages {
		lines[i] = pdfLines(p)
		pages[i] = joinPDFLines(lines[i])
		chars += visibleChars(pages[i])
	}
	info := pdfInfoOf(doc.info, raw)
	res.Meta["pages"] = []string{strconv.Itoa(doc.count)}
	info.addMeta(res.Meta)
	if chars < minCharsPerPage*len(pages) {
		res.Flags = []string{flagNoText}
		res.PageStarts = make([]int, len(pages))
		res.Title = firstNonEmpty(info.title, nameHint(name))
		res.Warnings = append(res.Warnings, noTextWarning(doc.count, chars))
		return finishPDF(res)
	}
	res.Body, res.PageStarts = joinPages(pages)
	res.Title = firstNonEmpty(info.title, pdfTitleLine(lines), nameHint(name))
	res.Summary = firstNonEmpty(info.subject, pdfSummary(pages, res.Title))
	return finishPDF(res)
}

func noTextWarning(pages, chars int) string {
	w := fmt.Sprintf("no text layer (scanned?): %d pages", pages)
	if chars > 0 {
		w += fmt.Sprintf("; %d characters of stray text ignored", chars)
	}
	return w
}

// finishPDF applies the limits every Result keeps.
func finishPDF(res *Result) *Result {
	res.Title = truncate(res.Title, titleMax)
	res.Summary = truncate(res.Summary, summaryMax)
	if len(res.Warnings) == 0 {
		res.Warnings = nil
	}
	return res
}

func firstNonEmpty(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}

// extractBinary reads the binary formats File supports, PDF and DOCX,
// found by their signature. ok is false for anything else, including a zip
// archive that is not a DOCX.
func extractBinary(name string, raw []byte) (res *Result, err error, ok bool) {
	start := bytes.TrimLeft(raw[:min(len(raw), 1024)], " \t\r\n")
	switch {
	case bytes.HasPrefix(start, []byte("%PDF-")):
		res, err = extractPDF(name, raw)
		return res, err, true
	case bytes.HasPrefix(raw, []byte("PK\x03\x04")), bytes.HasPrefix(raw, []byte("PK\x05\x06")):
		return extractZipped(name, raw)
	}
	return nil, nil, false
}
