package records

import (
	"strings"
	"testing"
)

func TestXML(t *testing.T) {
	m := mustMapping(t, `{"format": "xml", "record": "studies/study", "id": "@id",
		"fields": {"title": "title", "body": "text/p", "city": "cities/city", "theme": "@theme", "lang": "title/@xml:lang", "date": "date"}}`)
	in := `<?xml version="1.0" encoding="UTF-8"?>
<export xmlns:cb="urn:casebook">
  <studies>
    <study id="s1" theme="transport">
      <title xml:lang="en-GB">Cable cars to the hills</title>
      <cities><city>Medellín</city><city> La Paz </city></cities>
      <date>2016-05-03T10:00:00Z</date>
      <text><p>First paragraph, with <em>emphasis</em>.</p><p>Second &amp; last.</p></text>
    </study>
    <cb:study id="s2"><title>Namespaced &#233;l&#xE8;ve</title></cb:study>
    <other><study id="s3"><title>Outside the path</title></study></other>
  </studies>
</export>`
	res := mustExtract(t, m, in)
	if res.MediaType != "application/xml" || res.Charset != "utf-8" {
		t.Errorf("MediaType, Charset = %q, %q", res.MediaType, res.Charset)
	}
	checkParts(t, res.Parts, []want{
		{key: "s1", title: "Cable cars to the hills", lang: "en",
			body: "First paragraph, with emphasis .\n\nSecond & last.",
			meta: map[string][]string{"city": {"Medellín", "La Paz"}, "theme": {"transport"}, "date": {"2016-05-03"}, "year": {"2016"}}},
		{key: "s2", title: "Namespaced élève", noMeta: true},
	})
}

func TestXMLErrors(t *testing.T) {
	m := mustMapping(t, `{"format": "xml", "record": "item", "fields": {"title": "t"}}`)
	res := mustExtract(t, m, "<list><item><t>one</t></item><item><t>two</t></item><item><t>3 < 4</t></item></list>")
	checkParts(t, res.Parts, []want{{title: "one"}, {title: "two"}})
	checkWarnings(t, res.Warnings, "stopped at line 1 after record 2")

	_, err := Extract(m, "x.xml", []byte("<list><item><t a=unquoted>one</t></item></list>"))
	checkError(t, err, ErrFormat, "x.xml", "line 1")
}

// TestSGML covers what SGML allows and XML does not, and the control
// character references of wire-service copy.
func TestSGML(t *testing.T) {
	m := mustMapping(t, `{"format": "sgml", "record": "DOC", "id": "@NO",
		"fields": {"title": "HEAD", "body": ["TEXT/BODY", "TEXT"], "country": "PLACES/D", "date": "DATE"},
		"date_layouts": ["2-Jan-2006 15:04:05.00"]}`)
	in := "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n" +
		"<DOC NO=7 TYPE=brief>\n<DATE>27-MAR-1987 14:04:26.14&#5;&#5;&#5;F</DATE>\n" +
		"<PLACES><D>japan</D><D>usa</D></PLACES>\n" +
		"<HEAD>Caf&eacute; &lt;TKY&gt; &#22;&#x1F;rises</HEAD>\n" +
		"<TEXT>&#2;\n<BODY>Prices rose 5 < 6 pct.\n    Second paragraph.\nReuter\n&#3;</BODY></TEXT>\n" +
		"</DOC>\n" +
		"<DOC NO=8><DATE>3-APR-1987  07:09:06.48</DATE><HEAD>No end tags</HEAD><TEXT>Raw text only<br>after a break\n" +
		"<DOC NO=9><HEAD>Stray end tag</P></HEAD></DOC>\n"
	res := mustExtract(t, m, in)
	if res.MediaType != "application/sgml" {
		t.Errorf("MediaType = %q", res.MediaType)
	}
	checkParts(t, res.Parts, []want{
		{key: "7", title: "Café <TKY> rises", body: "Prices rose 5 < 6 pct.\n\nSecond paragraph. Reuter",
			meta: map[string][]string{"country": {"japan", "usa"}, "date": {"1987-03-27"}, "year": {"1987"}}},
		{key: "8", title: "No end tags", body: "Raw text only after a break",
			meta: map[string][]string{"date": {"1987-04-03"}, "year": {"1987"}}},
		{key: "9", title: "Stray end tag", noMeta: true},
	})
}

func TestMarkupPaths(t *testing.T) {
	n := &node{name: "r", attrs: nil}
	a := &node{name: "A"}
	a.addText("x")
	b := &node{name: "b"}
	b.addText("y")
	a.add(b)
	a.addText("z")
	n.add(a)
	tests := []struct {
		path string
		want []string
	}{
		{"a", []string{"x\ny\nz"}},
		{"A/B", []string{"y"}},
		{"*/b", []string{"y"}},
		{".", []string{"x\ny\nz\n"}},
		{"a/missing", nil},
	}
	for _, tt := range tests {
		got := n.values(parseMarkupPath(tt.path))
		if len(got) != len(tt.want) || len(got) > 0 && got[0] != tt.want[0] {
			t.Errorf("values(%q) = %q, want %q", tt.path, got, tt.want)
		}
	}
}

func TestCleanMarkup(t *testing.T) {
	tests := []struct {
		in, want string
		sgml     bool
	}{
		{"a&#2;b&#x1f;c&#127;d&#9;e&#233;f", "abcd&#9;e&#233;f", false},
		{"a\x02b\x7fc\td", "abc\td", false},
		{"5 < 6 <b>x</b> <!-- c --> <?pi?> </b> <", "5 &lt; 6 <b>x</b> <!-- c --> <?pi?> </b> &lt;", true},
		{"5 < 6", "5 < 6", false},
		{"&#;&#x;&#99999999999999;&#", "&#;&#x;&#99999999999999;&#", false},
		{"plain", "plain", true},
	}
	for _, tt := range tests {
		if got := cleanMarkup(tt.in, tt.sgml); got != tt.want {
			t.Errorf("cleanMarkup(%q, %v) = %q, want %q", tt.in, tt.sgml, got, tt.want)
		}
	}
}

func TestCharset(t *testing.T) {
	m := mustMapping(t, `{"format": "sgml", "record": "DOC", "charset": "windows-1252", "fields": {"title": "T"}}`)
	res := mustExtract(t, m, "<DOC><T>M\xfcnchen \x93quoted\x94</T></DOC>")
	checkParts(t, res.Parts, []want{{title: "München “quoted”"}})
	if res.Charset != "windows-1252" {
		t.Errorf("Charset = %q", res.Charset)
	}
	m = mustMapping(t, `{"format": "xml", "record": "doc", "fields": {"title": "t"}}`)
	res = mustExtract(t, m, "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><doc><t>Z\xfcrich</t></doc>")
	checkParts(t, res.Parts, []want{{title: "Zürich"}})
}

// TestHostileMarkup: deep nesting and many stray end tags stay linear.
func TestHostileMarkup(t *testing.T) {
	m := mustMapping(t, `{"format": "sgml", "record": "R", "fields": {"title": "T", "body": "."}}`)
	in := "<R><T>deep</T>" + strings.Repeat("<a>", 100000) + "x" + strings.Repeat("</b>", 100000) + "</R>"
	res := mustExtract(t, m, in)
	checkParts(t, res.Parts, []want{{title: "deep", body: "deep x"}})
}
