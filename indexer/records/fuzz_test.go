package records

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"unicode"
	"unicode/utf8"

	"casebook/indexer/extract"
)

// Mappings the fuzz tests read with.
const (
	fuzzCSVMapping = `{"format": "csv", "id": "id", "fields": {"title": "title", "body": ["text", "summary"],
		"summary": "summary", "city": "city", "date": "date", "year": "year"}, "separator": ";"}`
	fuzzJSONMapping = `{"format": "json", "record": "items", "id": "id", "fields": {"title": "title", "body": "body",
		"city": "place.city", "theme": "tags", "date": "date"}}`
	fuzzJSONLMapping = `{"format": "jsonl", "id": "id", "fields": {"title": "title", "body": "body", "theme": "tags"}}`
	fuzzSGMLMapping  = `{"format": "sgml", "record": "DOC", "id": "@ID", "fields": {"title": "TEXT/TITLE",
		"body": ["TEXT/BODY", "TEXT"], "country": "PLACES/D", "date": "DATE"}, "date_layouts": ["2-Jan-2006 15:04:05.00"]}`
	fuzzXMLMapping = `{"format": "xml", "record": "items/item", "id": "@id", "fields": {"title": "title", "body": "p", "lang": "@xml:lang"}}`
)

func FuzzCSV(f *testing.F) {
	if raw, err := os.ReadFile("testdata/case-studies.csv"); err == nil {
		f.Add(raw)
	}
	f.Add([]byte("id,title,text,city,date\n1,A,\"multi\nline\",Hanoi;Hue,2012-06-14\n2,\"bad\"quote,x,,\n"))
	f.Add([]byte("\ufeffid,title\n1,\"never closed\n"))
	f.Add([]byte("title,summary,year\n,,\n\x00,\xff\xfe,99999\n"))
	m := mustMapping(f, fuzzCSVMapping)
	f.Fuzz(func(t *testing.T, raw []byte) { checkFuzz(t, m, raw) })
}

func FuzzJSON(f *testing.F) {
	f.Add([]byte(`{"items": [{"id": 1, "title": "A", "body": "b\n\nc", "place": {"city": ["Tokyo", 3]}, "tags": [true, null]}]}`), false)
	f.Add([]byte(`{"items": {"title": "one object", "date": "June 2012"}}`), false)
	f.Add([]byte(`{"items": [{"title": "x"}, {"title": `), false)
	f.Add([]byte(`{"id": "a", "title": "A", "tags": ["x"]}`+"\n\nnot json\n"+`{"id": "a", "body": "dup"}`), true)
	f.Add([]byte(`["\ud800", "\u0000", {"title": "\u0301e"}]`), true)
	mj, ml := mustMapping(f, fuzzJSONMapping), mustMapping(f, fuzzJSONLMapping)
	f.Fuzz(func(t *testing.T, raw []byte, lines bool) {
		if lines {
			checkFuzz(t, ml, raw)
		} else {
			checkFuzz(t, mj, raw)
		}
	})
}

func FuzzSGML(f *testing.F) {
	f.Add([]byte("<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<DOC ID=1><DATE>26-FEB-1987 15:01:01.79</DATE><PLACES><D>usa</D></PLACES>"+
		"<TEXT>&#2;\n<TITLE>T &lt;X&gt;</TITLE><BODY>Body\n    para &#3;</BODY></TEXT></DOC>"), false)
	f.Add([]byte("<DOC ID=2><TEXT>unclosed <br> 5 < 6 &eacute; &bogus; </P><DOC ID=3>"), false)
	f.Add([]byte("<?xml version=\"1.0\"?><items><item id=\"a\" xml:lang=\"en\"><title>x</title><p>y</p></item></items>"), true)
	f.Add([]byte("<items><item><title>&#0;&#xD800;&#1114112;</title></item><item>"), true)
	if files, _ := filepath.Glob(filepath.Join(reutersDir, "reut2-02*.sgm")); len(files) > 0 {
		if raw, err := os.ReadFile(files[0]); err == nil {
			f.Add(raw[:min(len(raw), 20000)], false)
		}
	}
	ms, mx := mustMapping(f, fuzzSGMLMapping), mustMapping(f, fuzzXMLMapping)
	f.Fuzz(func(t *testing.T, raw []byte, xml bool) {
		if xml {
			checkFuzz(t, mx, raw)
		} else {
			checkFuzz(t, ms, raw)
		}
	})
}

// checkFuzz wants Extract to return a known error, or Parts whose text is
// valid UTF-8 without control characters, with unique keys and bounded
// titles and summaries.
func checkFuzz(t *testing.T, m *Mapping, raw []byte) {
	res, err := Extract(m, "fuzz", raw)
	if err != nil {
		for _, s := range []error{ErrMapping, ErrFormat, extract.ErrEmpty, extract.ErrNoText, extract.ErrTooLarge} {
			if errors.Is(err, s) {
				return
			}
		}
		t.Fatalf("error %v wraps no sentinel", err)
	}
	var keys []string
	for _, p := range res.Parts {
		if p.Key == "" || slices.Contains(keys, p.Key) {
			t.Errorf("key %q empty or repeated", p.Key)
		}
		keys = append(keys, p.Key)
		if p.Title == "" && p.Body == "" {
			t.Errorf("part %s has no title or body", p.Key)
		}
		if utf8.RuneCountInString(p.Title) > titleMax || utf8.RuneCountInString(p.Summary) > summaryMax {
			t.Errorf("part %s: title or summary too long", p.Key)
		}
		texts := []string{p.Key, p.Title, p.Summary, p.Body, p.Lang}
		for k, vs := range p.Meta {
			texts = append(texts, k)
			texts = append(texts, vs...)
		}
		for _, s := range texts {
			checkText(t, s)
		}
	}
}

func checkText(t *testing.T, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Errorf("not valid UTF-8: %q", s)
	}
	for _, r := range s {
		if r != '\n' && unicode.IsControl(r) {
			t.Errorf("control character %U in %q", r, s)
			return
		}
	}
}
