package extract

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf16"
)

// Hand-written PDFs for tests: the objects are laid out and the cross
// reference table is computed here, so each fixture is a few hundred bytes
// of readable PDF.

// pdfPage is one page of a fixture: Latin lines in Helvetica, Japanese
// lines in Ryumin-Light (not embedded, as old Japanese government PDFs
// have it), horizontal or vertical.
type pdfPage struct {
	lines    []string
	japanese []string
	vertical bool
	drawing  bool // a filled rectangle and no text, like a scanned image
}

// buildPDF writes a PDF with the pages and a document information
// dictionary (nil for none).
func buildPDF(info map[string]string, pages ...pdfPage) []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"", // the page tree, filled in below
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		"<< /Type /Font /Subtype /Type0 /BaseFont /Ryumin-Light-UniJIS-UCS2-H /Encoding /UniJIS-UCS2-H /DescendantFonts [6 0 R] >>",
		"<< /Type /Font /Subtype /Type0 /BaseFont /Ryumin-Light-UniJIS-UCS2-V /Encoding /UniJIS-UCS2-V /DescendantFonts [6 0 R] >>",
		"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /Ryumin-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 2 >> /FontDescriptor 7 0 R /DW 1000 >>",
		"<< /Type /FontDescriptor /FontName /Ryumin-Light /Flags 6 /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 709 /StemV 69 >>",
	}
	var kids []string
	for _, p := range pages {
		content := p.content()
		objs = append(objs, fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content))
		objs = append(objs, fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 4 0 R /F3 5 0 R >> >> /Contents %d 0 R >>", len(objs)))
		kids = append(kids, fmt.Sprintf("%d 0 R", len(objs)))
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(pages))
	trailer := "/Root 1 0 R"
	if info != nil {
		var d []string
		for k, v := range info {
			d = append(d, fmt.Sprintf("/%s %s", k, pdfString(v)))
		}
		objs = append(objs, "<< "+strings.Join(d, " ")+" >>")
		trailer += fmt.Sprintf(" /Info %d 0 R", len(objs))
	}
	return layoutPDF(objs, trailer)
}

func (p pdfPage) content() string {
	var b strings.Builder
	if p.drawing {
		b.WriteString("0.5 g 50 50 495 742 re f\n")
	}
	for i, line := range p.lines {
		fmt.Fprintf(&b, "BT /F1 12 Tf 72 %d Td %s Tj ET\n", 770-16*i, pdfString(line))
	}
	for i, line := range p.japanese {
		if p.vertical {
			fmt.Fprintf(&b, "BT /F3 14 Tf %d 780 Td <%s> Tj ET\n", 520-20*i, utf16Hex(line))
		} else {
			fmt.Fprintf(&b, "BT /F2 12 Tf 72 %d Td <%s> Tj ET\n", 500-16*i, utf16Hex(line))
		}
	}
	return b.String()
}

// pdfString writes s as a PDF literal string, or as UTF-16 with a byte
// order mark when it is not ASCII.
func pdfString(s string) string {
	for _, r := range s {
		if r > 0x7e {
			return "<FEFF" + utf16Hex(s) + ">"
		}
	}
	return "(" + strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`).Replace(s) + ")"
}

func utf16Hex(s string) string {
	var b strings.Builder
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	return b.String()
}

// layoutPDF numbers the objects from 1 and writes the file with its cross
// reference table.
func layoutPDF(objs []string, trailer string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d %s >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, trailer, xref)
	return b.Bytes()
}
