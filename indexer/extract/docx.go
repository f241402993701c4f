package extract

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
)

// TypeDOCX is the media type of Word documents (Office Open XML).
const TypeDOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

// docxMain is the part holding a Word document's text.
const docxMain = "word/document.xml"

// extractZipped reads a zip archive that is a DOCX. ok is false for other
// archives, which File refuses as unsupported.
func extractZipped(name string, raw []byte) (res *Result, err error, ok bool) {
	zf, err := OpenZip(raw, DefaultZipLimits)
	if err != nil {
		return nil, err, true
	}
	if !zf.Has(docxMain) {
		return nil, nil, false
	}
	res, err = extractDOCX(zf)
	return res, err, true
}

// extractDOCX reads the paragraphs, headings, tables and lists of the main
// document part, and the core properties.
func extractDOCX(zf *ZipArchive) (*Result, error) {
	styles, err := docxStylesOf(zf)
	if err != nil {
		return nil, err
	}
	main, err := zf.ReadFile(docxMain)
	if err != nil {
		return nil, err
	}
	blocks, err := docxBlocks(main, styles)
	res := &Result{MediaType: TypeDOCX, Charset: "utf-8"}
	if err != nil {
		if len(blocks) == 0 {
			return nil, fmt.Errorf("%w: %s: %v", ErrCorrupt, docxMain, err)
		}
		res.Warnings = append(res.Warnings, fmt.Sprintf("%s is damaged, text after the damage is lost: %v", docxMain, err))
	}
	props, err := docxCoreProps(zf)
	if err != nil {
		if !errors.Is(err, ErrCorrupt) {
			return nil, err
		}
		res.Warnings = append(res.Warnings, err.Error())
	}
	fillDOCX(res, blocks, props)
	return finish(res)
}

// fillDOCX sets the body, title, headings and summary from the blocks and
// the core properties.
func fillDOCX(res *Result, blocks []docxBlock, props docxProps) {
	var paras []string
	titleStyled := ""
	for _, b := range blocks {
		paras = append(paras, b.text)
		if b.kind == blockHeading || b.kind == blockTitle {
			res.Headings = append(res.Headings, collapseSpace(b.text))
		}
		if b.kind == blockTitle && titleStyled == "" {
			titleStyled = collapseSpace(b.text)
		}
	}
	res.Body = joinParagraphs(paras)
	res.Title = firstNonEmpty(meaningfulTitle(props.title), titleStyled, openingLine(blocks), firstHeading(res.Headings), firstLine(blocks))
	res.Summary = firstNonEmpty(collapseSpace(props.description), summaryFrom(paras, res.Title, res.Headings))
	res.Lang = normalizeLang(props.language)
	res.Meta = props.meta()
}

func firstHeading(headings []string) string {
	if len(headings) > 0 {
		return headings[0]
	}
	return ""
}

// openingLine returns the document's first block when it is a short
// plain paragraph, a title in all but style ("STAGE B SUBMISSION REPORT").
func openingLine(blocks []docxBlock) string {
	if len(blocks) == 0 || blocks[0].kind != blockPara || displayWidth(blocks[0].text) > 120 || !hasLetter(blocks[0].text) {
		return ""
	}
	return collapseSpace(blocks[0].text)
}

// firstLine returns the first line with a letter or digit outside tables.
func firstLine(blocks []docxBlock) string {
	for _, b := range blocks {
		if b.kind == blockTable {
			continue
		}
		for line := range strings.SplitSeq(b.text, "\n") {
			if hasLetter(line) {
				return collapseSpace(line)
			}
		}
	}
	return ""
}

// docxProps are the core properties (docProps/core.xml) kept.
type docxProps struct {
	title, description, creator, language, created, modified string
}

func (p docxProps) meta() map[string][]string {
	meta := map[string][]string{}
	if a := collapseSpace(p.creator); a != "" {
		meta["author"] = []string{a}
	}
	if d := firstNonEmpty(pdfDate(p.created), pdfDate(p.modified)); d != "" {
		meta["date"] = []string{d}
	}
	return meta
}

// docxCoreProps reads docProps/core.xml; a document without one has no
// properties.
func docxCoreProps(zf *ZipArchive) (docxProps, error) {
	var p docxProps
	raw, err := zf.ReadFile("docProps/core.xml")
	if errors.Is(err, fs.ErrNotExist) {
		return p, nil
	}
	if err != nil {
		return p, err
	}
	fields := map[string]*string{
		"title": &p.title, "description": &p.description, "creator": &p.creator,
		"language": &p.language, "created": &p.created, "modified": &p.modified,
	}
	dec := xml.NewDecoder(strings.NewReader(string(raw)))
	for {
		tok, err := dec.Token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return p, nil
			}
			return p, fmt.Errorf("%w: docProps/core.xml: %v", ErrCorrupt, err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			if dst, ok := fields[se.Name.Local]; ok {
				var v string
				if err := dec.DecodeElement(&v, &se); err == nil {
					*dst = strings.TrimSpace(v)
				}
			}
		}
	}
}
