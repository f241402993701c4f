package extract

import (
	"archive/zip"
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"`

// sampleDocument has a title, headings in built-in and localised styles,
// prose with a break and a tab, a list, a table, a text box written twice
// (mc:Choice and mc:Fallback), deleted text and a field code.
const sampleDocument = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ` + wordNS + `><w:body>
<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Flood Control in Bangkok</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Background</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">The city widened </w:t></w:r><w:r><w:t>its canals</w:t><w:br/><w:t>and built</w:t><w:tab/><w:t>retention ponds.</w:t></w:r>
<w:del><w:r><w:delText>DELETED</w:delText></w:r></w:del><w:r><w:instrText>PAGEREF _Toc1</w:instrText></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>dredging</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>pumping stations</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="2"/></w:pPr><w:r><w:t>結果</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>District</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Ponds</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>Bang Kapi</w:t></w:r></w:p><w:p><w:r><w:t>(east)</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>12</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>
<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>Text box note</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>
<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Text box note</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
<w:p><w:r><w:t>東京都の治水対策は、地下調節池と河川改修を組み合わせて進められてきた。</w:t></w:r></w:p>
</w:body></w:document>`

const sampleStyles = `<?xml version="1.0" encoding="UTF-8"?><w:styles ` + wordNS + `>
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/></w:style></w:styles>`

const sampleCore = `<?xml version="1.0" encoding="UTF-8"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>Bangkok Flood Control Case Study</dc:title><dc:creator>Bangkok Metropolitan Administration</dc:creator><dc:language>en-GB</dc:language>
<dcterms:created xsi:type="dcterms:W3CDTF">2019-03-15T09:30:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2020-01-02T00:00:00Z</dcterms:modified></cp:coreProperties>`

// buildZip writes the entries, in the order given (name, content, ...).
func buildZip(entries ...string) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for i := 0; i+1 < len(entries); i += 2 {
		w, _ := zw.Create(entries[i])
		w.Write([]byte(entries[i+1]))
	}
	zw.Close()
	return b.Bytes()
}

func buildDOCX(document, styles, core string) []byte {
	entries := []string{"[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`, docxMain, document}
	if styles != "" {
		entries = append(entries, "word/styles.xml", styles)
	}
	if core != "" {
		entries = append(entries, "docProps/core.xml", core)
	}
	return buildZip(entries...)
}

func TestDOCX(t *testing.T) {
	res, err := File("case.docx", buildDOCX(sampleDocument, sampleStyles, sampleCore))
	if err != nil {
		t.Fatal(err)
	}
	if res.MediaType != TypeDOCX || res.Title != "Bangkok Flood Control Case Study" || res.Lang != "en" {
		t.Errorf("MediaType %q, Title %q, Lang %q", res.MediaType, res.Title, res.Lang)
	}
	if got := strings.Join(res.Headings, "; "); got != "Flood Control in Bangkok; Background; 結果" {
		t.Errorf("Headings = %q", got)
	}
	for _, want := range []string{
		"The city widened its canals\nand built retention ponds.",
		"- dredging\n- pumping stations",
		"District | Ponds\nBang Kapi (east) | 12\n\n",
		"\n\nText box note\n\n東京都",
	} {
		if !strings.Contains(res.Body, want) {
			t.Errorf("Body lacks %q:\n%s", want, res.Body)
		}
	}
	for _, unwanted := range []string{"DELETED", "PAGEREF", "Text box note\n\nText box note", "12 |"} {
		if strings.Contains(res.Body, unwanted) {
			t.Errorf("Body has %q:\n%s", unwanted, res.Body)
		}
	}
	if res.Meta["date"][0] != "2019-03-15" || res.Meta["author"][0] != "Bangkok Metropolitan Administration" {
		t.Errorf("Meta = %v", res.Meta)
	}
	if !strings.HasPrefix(res.Summary, "The city widened") {
		t.Errorf("Summary = %q", res.Summary)
	}
}

// TestDOCXTitleFallbacks: without core properties the Title-styled
// paragraph names the document, without it the first heading.
func TestDOCXTitleFallbacks(t *testing.T) {
	res, err := File("a.docx", buildDOCX(sampleDocument, "", ""))
	if err != nil || res.Title != "Flood Control in Bangkok" || len(res.Meta) != 0 {
		t.Errorf("no core properties: %+v, %v", res, err)
	}
	doc := strings.Replace(sampleDocument, `<w:pStyle w:val="Title"/>`, `<w:pStyle w:val="Heading1"/>`, 1)
	doc = strings.Replace(doc, `<w:p><w:pPr>`, `<w:p><w:r><w:t>Long opening paragraph that is not a title at all, since it goes on and on about drainage, canals, pumps, and rain for far more than a title would.</w:t></w:r></w:p><w:p><w:pPr>`, 1)
	res, err = File("b.docx", buildDOCX(doc, "", `<cp:coreProperties xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Document1</dc:title></cp:coreProperties>`))
	if err != nil || res.Title != "Flood Control in Bangkok" {
		t.Errorf("placeholder core title: Title %q, %v", res.Title, err)
	}
}

func TestDOCXErrors(t *testing.T) {
	good := buildDOCX(sampleDocument, sampleStyles, sampleCore)
	tests := []struct {
		name   string
		raw    []byte
		want   error
		detail string
	}{
		{"truncated", good[:len(good)/2], ErrCorrupt, "zip"},
		{"not a docx", buildZip("photos/a.txt", "holiday"), ErrUnsupported, "zip archive"},
		{"xlsx", buildZip("xl/workbook.xml", "<workbook/>"), ErrUnsupported, "XLSX"},
		{"broken xml", buildDOCX("<w:document><w:body><w:p>", "", ""), ErrCorrupt, "document.xml"},
		{"no text", buildDOCX(`<w:document `+wordNS+`><w:body><w:p/></w:body></w:document>`, "", ""), ErrNoText, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := File(tt.name+".docx", tt.raw)
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.detail) {
				t.Fatalf("File = %+v, %v; want %v with %q", res, err, tt.want, tt.detail)
			}
		})
	}
}

// TestDOCXDamagedTail keeps the text before damage in document.xml.
func TestDOCXDamagedTail(t *testing.T) {
	doc := `<w:document ` + wordNS + `><w:body><w:p><w:r><w:t>Kept paragraph about Hanoi.</w:t></w:r></w:p><w:p><w:r></w:t></w:body>`
	res, err := File("damaged.docx", buildDOCX(doc, "", ""))
	if err != nil {
		t.Fatal(err)
	}
	if res.Body != "Kept paragraph about Hanoi." || len(res.Warnings) != 1 {
		t.Errorf("Body %q, Warnings %q", res.Body, res.Warnings)
	}
}

// FuzzDOCX builds a DOCX around fuzzed document XML, and also reads the
// fuzzed bytes as a file: never a panic, always valid UTF-8.
func FuzzDOCX(f *testing.F) {
	f.Add([]byte(sampleDocument), buildDOCX(sampleDocument, sampleStyles, sampleCore))
	f.Add([]byte(`<w:document><w:body><w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl></w:body></w:document>`), []byte("PK\x03\x04"))
	f.Add([]byte(`<w:p><w:t>a</w:p></w:t><mc:Fallback>`), buildZip("word/document.xml", "\xff\xfe<"))
	f.Fuzz(func(t *testing.T, document, raw []byte) {
		checkFuzzResult(t, "raw.docx", raw)
		checkFuzzResult(t, "built.docx", buildDOCX(string(document), sampleStyles, sampleCore))
	})
}

func checkFuzzResult(t *testing.T, name string, raw []byte) {
	res, err := File(name, raw)
	if err != nil {
		if !isSentinel(err) && !errors.Is(err, ErrCorrupt) && !errors.Is(err, ErrEncrypted) && !errors.Is(err, ErrArchiveLimit) {
			t.Fatalf("error %v wraps no sentinel", err)
		}
		return
	}
	for _, s := range append([]string{res.Title, res.Summary, res.Body}, res.Headings...) {
		if !utf8.ValidString(s) {
			t.Fatalf("not valid UTF-8: %q", s)
		}
	}
	for i, start := range res.PageStarts {
		if start > len(res.Body) || i > 0 && start < res.PageStarts[i-1] {
			t.Fatalf("PageStarts %v out of order for a body of %d bytes", res.PageStarts, len(res.Body))
		}
	}
}
