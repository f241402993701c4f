package extract

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"io/fs"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// blockKind is what a block of a Word document is.
type blockKind int

const (
	blockPara blockKind = iota
	blockHeading
	blockTitle
	blockList
	blockTable
)

// docxBlock is a paragraph, a run of list items, or a table (a row per
// line, cells separated by " | ").
type docxBlock struct {
	kind blockKind
	text string
}

// docxStyles maps paragraph style ids to heading and title kinds. Word's
// built-in ids (Heading1, Title) are known without styles.xml; localised
// ids ("1" in Japanese Word) are found by the style's name or outline
// level.
type docxStyles map[string]blockKind

var headingNameRE = regexp.MustCompile(`(?i)^heading ?[1-6]$`)

// docxStylesOf reads word/styles.xml.
func docxStylesOf(zf *ZipArchive) (docxStyles, error) {
	styles := docxStyles{"Title": blockTitle}
	for i := 1; i <= 6; i++ {
		styles["Heading"+strconv.Itoa(i)] = blockHeading
	}
	raw, err := zf.ReadFile("word/styles.xml")
	if errors.Is(err, fs.ErrNotExist) {
		return styles, nil
	}
	if err != nil {
		return nil, err
	}
	dec := xml.NewDecoder(bytes.NewReader(raw))
	var id string
	for {
		tok, err := dec.Token()
		if err != nil {
			return styles, nil // a damaged styles part costs only heading detection
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "style":
			id = xmlAttr(se, "styleId")
		case "name":
			if v := xmlAttr(se, "val"); strings.EqualFold(v, "title") {
				styles[id] = blockTitle
			} else if headingNameRE.MatchString(v) {
				styles[id] = blockHeading
			}
		case "outlineLvl":
			if n, err := strconv.Atoi(xmlAttr(se, "val")); err == nil && n < 6 && id != "" && styles[id] == blockPara {
				styles[id] = blockHeading
			}
		}
	}
}

// xmlAttr returns the value of the attribute with that local name.
func xmlAttr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// docxParser walks word/document.xml.
type docxParser struct {
	styles docxStyles
	blocks []docxBlock
	paras  []*docxPara  // open paragraphs (a text box's sit inside another)
	tables []*docxTable // open tables (a table can sit in a cell)
	inText bool         // inside w:t
	skip   int          // depth inside content not read (mc:Fallback repeats mc:Choice)
}

type docxPara struct {
	kind blockKind
	text strings.Builder
}

type docxTable struct {
	rows  []string
	cells []string
	cell  []string
}

// docxBlocks returns the blocks of the document in order. On damaged XML
// it returns the blocks read so far with the error.
func docxBlocks(raw []byte, styles docxStyles) ([]docxBlock, error) {
	p := &docxParser{styles: styles}
	dec := xml.NewDecoder(bytes.NewReader(raw))
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return p.blocks, nil
		}
		if err != nil {
			return p.blocks, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			p.start(t)
		case xml.EndElement:
			p.end(t.Name.Local)
		case xml.CharData:
			if p.inText && p.skip == 0 && len(p.paras) > 0 {
				p.paras[len(p.paras)-1].text.Write(t)
			}
		}
	}
}

func (p *docxParser) start(se xml.StartElement) {
	if p.skip > 0 || se.Name.Local == "Fallback" {
		p.skip++
		return
	}
	para := p.para()
	switch se.Name.Local {
	case "p":
		p.paras = append(p.paras, &docxPara{})
	case "pStyle":
		if para != nil && para.kind == blockPara {
			para.kind = p.styles[xmlAttr(se, "val")]
		}
	case "outlineLvl":
		if n, err := strconv.Atoi(xmlAttr(se, "val")); err == nil && n < 6 && para != nil && para.kind == blockPara {
			para.kind = blockHeading
		}
	case "numPr":
		if para != nil && para.kind == blockPara {
			para.kind = blockList
		}
	case "t":
		p.inText = true
	case "tab":
		p.write(para, "\t")
	case "br", "cr":
		p.write(para, "\n")
	case "noBreakHyphen":
		p.write(para, "-")
	case "tbl":
		p.tables = append(p.tables, &docxTable{})
	case "tc":
		if t := p.table(); t != nil {
			t.cell = nil
		}
	}
}

func (p *docxParser) write(para *docxPara, s string) {
	if para != nil {
		para.text.WriteString(s)
	}
}

func (p *docxParser) para() *docxPara {
	if len(p.paras) == 0 {
		return nil
	}
	return p.paras[len(p.paras)-1]
}

func (p *docxParser) table() *docxTable {
	if len(p.tables) == 0 {
		return nil
	}
	return p.tables[len(p.tables)-1]
}

func (p *docxParser) end(local string) {
	if p.skip > 0 {
		p.skip--
		return
	}
	switch local {
	case "t":
		p.inText = false
	case "p":
		para := p.para()
		if para == nil {
			return
		}
		p.paras = p.paras[:len(p.paras)-1]
		p.addText(para.kind, docxText(para.text.String()))
	case "tc":
		if t := p.table(); t != nil {
			t.cells = append(t.cells, strings.Join(t.cell, " "))
		}
	case "tr":
		if t := p.table(); t != nil {
			for len(t.cells) > 0 && t.cells[len(t.cells)-1] == "" {
				t.cells = t.cells[:len(t.cells)-1] // empty cells at the end of a row
			}
			if row := strings.Join(t.cells, " | "); strings.Trim(row, "| ") != "" {
				t.rows = append(t.rows, row)
			}
			t.cells = nil
		}
	case "tbl":
		if t := p.table(); t != nil {
			p.tables = p.tables[:len(p.tables)-1]
			p.addText(blockTable, strings.Join(t.rows, "\n"))
		}
	}
}

// addText puts a finished paragraph or table in the open table cell, or
// else appends it as a block; list items in a row make one block.
func (p *docxParser) addText(kind blockKind, text string) {
	if text == "" {
		return
	}
	if t := p.table(); t != nil {
		t.cell = append(t.cell, strings.ReplaceAll(text, "\n", " / "))
		return
	}
	if kind == blockList {
		text = "- " + text
		if n := len(p.blocks); n > 0 && p.blocks[n-1].kind == blockList {
			p.blocks[n-1].text += "\n" + text
			return
		}
	}
	p.blocks = append(p.blocks, docxBlock{kind: kind, text: text})
}

// docxText collapses the spaces of each line of a paragraph and normalises
// it to NFC.
func docxText(s string) string {
	var lines []string
	for line := range strings.SplitSeq(s, "\n") {
		if line = strings.TrimSpace(collapseSpace(line)); line != "" {
			lines = append(lines, line)
		}
	}
	return norm.NFC.String(strings.Join(lines, "\n"))
}
