package extract

import (
	"bytes"
	"testing"
)

// FuzzPDF reads mutated PDFs: never a panic or a hang, an error wraps a
// sentinel, a result is valid UTF-8 with page starts in order.
func FuzzPDF(f *testing.F) {
	f.Add(twoPagePDF())
	f.Add(buildPDF(nil, pdfPage{japanese: []string{"官報"}, vertical: true}, pdfPage{drawing: true}))
	f.Add(buildPDF(map[string]string{"Title": "Untitled"}, pdfPage{lines: []string{"x"}}))
	for _, name := range []string{"encrypted-user-password.pdf", "encrypted-aes256-owner.pdf", "encrypted-rc4-40-owner.pdf"} {
		f.Add(readFixture(f, name))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		if !bytes.HasPrefix(raw, []byte("%PDF-")) {
			raw = append([]byte("%PDF-1.4\n"), raw...)
		}
		if !hasEOFMarker(raw) {
			raw = append(raw, "\n%%EOF\n"...) // past the truncation check, into PDFium
		}
		checkFuzzResult(t, "fuzz.pdf", raw)
	})
}
