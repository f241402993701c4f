package extract

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"time"
)

// pdfInfo is the metadata Casebook keeps from a PDF.
type pdfInfo struct {
	title, subject, author, date string
}

// pdfInfoOf reads the document information dictionary (decoded by
// PDFium) and, for what it lacks, an uncompressed XMP packet.
func pdfInfoOf(tags map[string]string, raw []byte) pdfInfo {
	xmp := xmpValues(raw)
	info := pdfInfo{
		title:   meaningfulTitle(firstNonEmpty(meaningfulTitle(tags["Title"]), xmp["title"])),
		subject: meaningfulTitle(tags["Subject"]),
		author:  strings.TrimSpace(collapseSpace(firstNonEmpty(tags["Author"], xmp["creator"]))),
		date:    firstNonEmpty(pdfDate(tags["CreationDate"]), pdfDate(xmp["created"]), pdfDate(tags["ModDate"]), pdfDate(xmp["modified"])),
	}
	return info
}

func (info pdfInfo) addMeta(meta map[string][]string) {
	if info.author != "" {
		meta["author"] = []string{info.author}
	}
	if info.date != "" {
		meta["date"] = []string{info.date}
	}
}

// pdfDate reads a PDF date ("D:20080424142424+09'00'") or an XMP date
// ("2021-01-19T09:37:16+08:00") as YYYY-MM-DD, or "" when it is not a
// plausible date.
func pdfDate(s string) string {
	s = strings.TrimPrefix(strings.TrimSpace(s), "D:")
	var t time.Time
	var err error
	switch {
	case len(s) >= 10 && s[4] == '-':
		t, err = time.Parse(time.DateOnly, s[:10])
	case len(s) >= 8:
		t, err = time.Parse("20060102", s[:8])
	default:
		return ""
	}
	if err != nil || t.Year() < 1980 || t.After(time.Now().AddDate(1, 0, 0)) {
		return ""
	}
	return t.Format(time.DateOnly)
}

var (
	// producerTitleRE matches the prefix some producers put before a file
	// name ("Microsoft Word - report.doc").
	producerTitleRE = regexp.MustCompile(`(?i)^(microsoft (word|powerpoint|excel)|powerpoint|word) - `)
	// fileExtRE matches a file name's extension left in a title.
	fileExtRE = regexp.MustCompile(`(?i)\.(docx?|pdf|pptx?|xlsx?|indd|qxd|rtf|txt|odt|pages|ai|eps|tiff?|jpe?g|png|exe|html?)$`)
	// placeholderTitleRE matches titles that name no document.
	placeholderTitleRE = regexp.MustCompile(`(?i)^(untitled|untitled document|no title|title|document\d*|doc\d*|slide \d+|powerpoint presentation|presentation\d*|book\d*|sheet\d*|print|scan|scanned document|pdf|new document|microsoft word|layout \d+|\d+|[0-9a-f-]{16,})$`)
)

// meaningfulTitle cleans a metadata title and returns "" for one that names
// no document: empty, a placeholder ("Untitled", "Document1"), a number, a
// file name that says nothing.
func meaningfulTitle(s string) string {
	s = strings.TrimSpace(collapseSpace(s))
	s = producerTitleRE.ReplaceAllString(s, "")
	s = strings.TrimSpace(fileExtRE.ReplaceAllString(s, ""))
	if placeholderTitleRE.MatchString(s) {
		return ""
	}
	letters := 0
	for _, r := range s {
		if isWide(r) {
			letters += 2
		} else if hasLetter(string(r)) {
			letters++
		}
	}
	if letters < 3 {
		return ""
	}
	return s
}

// xmpPacketRE finds the XMP packet, which writers leave uncompressed so
// that tools can find it in the bytes.
var xmpPacketRE = regexp.MustCompile(`(?s)<x:xmpmeta.*?</x:xmpmeta>`)

// xmpField is an XMP property, written as an element (holding text or
// an rdf:Alt/Seq of rdf:li) or as an attribute.
type xmpField struct {
	key        string
	elem, attr *regexp.Regexp
}

func newXMPField(key, prop string) xmpField {
	return xmpField{
		key:  key,
		elem: regexp.MustCompile(`(?s)<` + prop + `\b[^>]*>(.*?)</` + prop + `>`),
		attr: regexp.MustCompile(prop + `="([^"]*)"`),
	}
}

var (
	xmpFields = []xmpField{
		newXMPField("title", "dc:title"),
		newXMPField("creator", "dc:creator"),
		newXMPField("created", "xmp:CreateDate"),
		newXMPField("modified", "xmp:ModifyDate"),
	}
	xmpItemRE = regexp.MustCompile(`(?s)<rdf:li\b[^>]*>(.*?)</rdf:li>`)
)

// xmpValues returns the title, creator and dates of the XMP packet.
func xmpValues(raw []byte) map[string]string {
	i := bytes.Index(raw, []byte("<x:xmpmeta"))
	if i < 0 {
		return nil
	}
	packet := xmpPacketRE.Find(raw[i:min(len(raw), i+256<<10)])
	if packet == nil {
		return nil
	}
	text := strings.ToValidUTF8(string(packet), "")
	values := map[string]string{}
	for _, f := range xmpFields {
		if v := f.value(text); v != "" {
			values[f.key] = v
		}
	}
	return values
}

func (f xmpField) value(packet string) string {
	if m := f.elem.FindStringSubmatch(packet); m != nil {
		inner := m[1]
		if li := xmpItemRE.FindStringSubmatch(inner); li != nil {
			inner = li[1]
		}
		return strings.TrimSpace(html.UnescapeString(inner))
	}
	if m := f.attr.FindStringSubmatch(packet); m != nil {
		return strings.TrimSpace(html.UnescapeString(m[1]))
	}
	return ""
}
