package extract

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/klippa-app/go-pdfium"
)

// twoPagePDF is a report with document information and a page each of
// English and Japanese.
func twoPagePDF() []byte {
	return buildPDF(map[string]string{
		"Title":        "Flood Control in Bangkok",
		"Author":       "City of Bangkok",
		"CreationDate": "D:20190315093000+07'00'",
		"ModDate":      "D:20200101000000Z",
	}, pdfPage{lines: []string{
		"Flood control in Bangkok",
		"The city widened its canals and built retention ponds under parks to hold monsoon rain.",
	}}, pdfPage{
		lines:    []string{"Second page: results after three rainy seasons."},
		japanese: []string{"東京都の治水対策について"},
	})
}

func TestPDFPages(t *testing.T) {
	res, err := File("report.pdf", twoPagePDF())
	if err != nil {
		t.Fatal(err)
	}
	if res.MediaType != TypePDF || res.Title != "Flood Control in Bangkok" {
		t.Errorf("MediaType %q, Title %q", res.MediaType, res.Title)
	}
	if len(res.PageStarts) != 2 || res.PageStarts[0] != 0 {
		t.Fatalf("PageStarts = %v, want two pages from 0", res.PageStarts)
	}
	page1, page2 := res.Body[:res.PageStarts[1]], res.Body[res.PageStarts[1]:]
	if !strings.Contains(page1, "retention ponds") || strings.Contains(page1, "Second page") {
		t.Errorf("page 1 = %q", page1)
	}
	if !strings.HasPrefix(page2, "Second page") || !strings.Contains(page2, "東京都の治水対策について") {
		t.Errorf("page 2 = %q", page2)
	}
	if !strings.HasSuffix(page1, "\n\n") {
		t.Errorf("pages are not separated by a blank line: %q", res.Body)
	}
	want := map[string]string{"date": "2019-03-15", "author": "City of Bangkok", "pages": "2"}
	for k, v := range want {
		if got := res.Meta[k]; len(got) != 1 || got[0] != v {
			t.Errorf("Meta[%s] = %q, want %q", k, got, v)
		}
	}
	if len(res.Flags) != 0 || len(res.Warnings) != 0 {
		t.Errorf("Flags %q, Warnings %q", res.Flags, res.Warnings)
	}
}

func TestPDFTitleFromText(t *testing.T) {
	raw := buildPDF(map[string]string{"Title": "Microsoft Word - Document1.docx"},
		pdfPage{lines: []string{"12", "Green Corridors for Hanoi", "A case study of tree planting along the Red River dikes, 2009-2014."}})
	res, err := File("hanoi.pdf", raw)
	if err != nil {
		t.Fatal(err)
	}
	if res.Title != "Green Corridors for Hanoi" {
		t.Errorf("Title = %q, want the first substantial line (the metadata title is a placeholder)", res.Title)
	}
	if res.Meta["date"] != nil {
		t.Errorf("Meta[date] = %q without dates in the file", res.Meta["date"])
	}
}

// TestPDFJapaneseNonEmbedded reads Japanese in a CJK font that is not
// embedded, horizontal and vertical: PDFium needs the fallback font for it.
func TestPDFJapaneseNonEmbedded(t *testing.T) {
	raw := buildPDF(nil,
		pdfPage{japanese: []string{"官報", "道路交通法施行令の一部を改正する政令"}},
		pdfPage{japanese: []string{"わたくしといふ現象は", "仮定された有機交流電燈の"}, vertical: true})
	res, err := File("kanpo.pdf", raw)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"道路交通法施行令の一部を改正する政令", "わたくしといふ現象は", "有機交流電燈"} {
		if !strings.Contains(res.Body, want) {
			t.Errorf("Body lacks %q: %q", want, res.Body)
		}
	}
	if res.Title != "道路交通法施行令の一部を改正する政令" {
		t.Errorf("Title = %q", res.Title)
	}
}

func TestPDFNoText(t *testing.T) {
	raw := buildPDF(map[string]string{"CreationDate": "D:20120704"}, pdfPage{drawing: true}, pdfPage{drawing: true})
	res, err := File("scans/annual_report-2012.pdf", raw)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Flags) != 1 || res.Flags[0] != "no-text" || res.Body != "" {
		t.Errorf("Flags %q, Body %q", res.Flags, res.Body)
	}
	if res.Title != "annual report-2012" || res.Meta["date"][0] != "2012-07-04" || res.Meta["pages"][0] != "2" {
		t.Errorf("Title %q, Meta %v", res.Title, res.Meta)
	}
	if len(res.Warnings) != 1 || res.Warnings[0] != "no text layer (scanned?): 2 pages" {
		t.Errorf("Warnings = %q", res.Warnings)
	}
	if len(res.PageStarts) != 2 {
		t.Errorf("PageStarts = %v, want one per page", res.PageStarts)
	}
}

func TestPDFErrors(t *testing.T) {
	good := twoPagePDF()
	tests := []struct {
		name   string
		raw    []byte
		want   error
		detail string
	}{
		{"truncated", good[:len(good)*2/3], ErrCorrupt, "truncated"},
		{"truncated xref", good[:len(good)-40], ErrCorrupt, "truncated"},
		{"garbage after header", append([]byte("%PDF-1.7\n"), bytes.Repeat([]byte("\x00\xff garbage \x13"), 500)...), ErrCorrupt, ""},
		{"garbage with an EOF marker", append(append([]byte("%PDF-1.7\n"), bytes.Repeat([]byte("\x00\xff garbage \x13"), 500)...), "\n%%EOF\n"...), ErrCorrupt, "not a readable PDF"},
		{"header only", []byte("%PDF-1.4\n"), ErrCorrupt, ""},
		{"no pages", layoutPDF([]string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"}, "/Root 1 0 R"), ErrCorrupt, "no pages"},
		{"password", readFixture(t, "encrypted-user-password.pdf"), ErrEncrypted, "password"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := File(tt.name+".pdf", tt.raw)
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.detail) {
				t.Fatalf("File = %+v, %v; want %v with %q", res, err, tt.want, tt.detail)
			}
		})
	}
}

// TestPDFEncryptedReadable reads PDFs encrypted with an empty user password
// (protected against editing only), as every reader opens them.
func TestPDFEncryptedReadable(t *testing.T) {
	for _, name := range []string{"encrypted-aes256-owner.pdf", "encrypted-rc4-40-owner.pdf"} {
		res, err := File(name, readFixture(t, name))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !strings.Contains(res.Body, "retention ponds") {
			t.Errorf("%s: Body = %q", name, res.Body)
		}
	}
}

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "pdf", name))
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

func TestPDFTimeout(t *testing.T) {
	pdfTimeout = 1 // nanosecond
	_, err := File("slow.pdf", twoPagePDF())
	pdfTimeout = ExtractTimeout
	if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "longer than") {
		t.Fatalf("err = %v, want a timeout wrapping ErrCorrupt", err)
	}
	if _, err := File("after.pdf", twoPagePDF()); err != nil {
		t.Fatalf("the pool does not recover from a killed instance: %v", err)
	}
}

func TestPDFPanicRecovered(t *testing.T) {
	pool, err := pdfPool()
	if err != nil {
		t.Fatal(err)
	}
	_, err = withInstance(pool, time.Minute, func(pdfium.Pdfium) (int, error) { panic("boom") })
	if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "boom") {
		t.Fatalf("err = %v, want the panic as ErrCorrupt", err)
	}
}

func TestPDFConcurrent(t *testing.T) {
	raw := twoPagePDF()
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Go(func() {
			res, err := File("report.pdf", raw)
			if err == nil && len(res.PageStarts) != 2 {
				err = errors.New("wrong page count")
			}
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
}

func TestPDFDates(t *testing.T) {
	for in, want := range map[string]string{
		"D:20080424142424+09'00'":   "2008-04-24",
		"D:2016":                    "",
		"20210119":                  "2021-01-19",
		"2021-01-19T09:37:16+08:00": "2021-01-19",
		"D:19700101000000Z":         "",
		"D:20211341":                "",
		"":                          "",
	} {
		if got := pdfDate(in); got != want {
			t.Errorf("pdfDate(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMeaningfulTitle(t *testing.T) {
	for in, want := range map[string]string{
		"Microsoft Word - Annual Report 2019.docx": "Annual Report 2019",
		"Untitled":                     "",
		"Document1":                    "",
		"10811.exe":                    "",
		"  Smart  City Wien ":          "Smart City Wien",
		"東京都":                          "東京都",
		"PowerPoint Presentation":      "",
		"5f1c2e9a-77b1-4c1e-9d1a-aaaa": "",
	} {
		if got := meaningfulTitle(in); got != want {
			t.Errorf("meaningfulTitle(%q) = %q, want %q", in, got, want)
		}
	}
}
