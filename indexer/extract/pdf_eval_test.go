package extract

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	dslipak "github.com/dslipak/pdf"
	"github.com/klippa-app/go-pdfium"
	ledongthuc "github.com/ledongthuc/pdf"
	"github.com/tetratelabs/wazero"
)

// The PDF library evaluation: every candidate reads every PDF of the
// reports corpus and of testdata/pdf, next to poppler's pdftotext as the
// reference. Run with
//
//	CASEBOOK_PDF_EVAL=1 go test -run TestPDFEval -v -timeout 30m ./indexer/extract/
//
// Candidates that hang are given evalTimeout per file and left running, so
// they come last: their leftover goroutines slow down what follows. Times
// exclude compiling PDFium (cached on disk after the first run).

const evalTimeout = 20 * time.Second

type evalCandidate struct {
	name  string
	pages func(raw []byte, path string) ([]string, error)
}

type evalStats struct {
	chars, files, failures, jaCJK, jaJunk int
	elapsed                               time.Duration
}

func TestPDFEval(t *testing.T) {
	if os.Getenv("CASEBOOK_PDF_EVAL") != "1" {
		t.Skip("set CASEBOOK_PDF_EVAL=1 to compare the PDF libraries")
	}
	files, _ := filepath.Glob(filepath.Join(reportsDir, "*", "*.pdf"))
	fixtures, _ := filepath.Glob(filepath.Join("testdata", "pdf", "*.pdf"))
	files = append(files, fixtures...)
	start := time.Now()
	bare, err := newPDFiumPool(wazero.NewFSConfig())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("PDFium module compiled and pool started in %v (CASEBOOK_PDFIUM_CACHE=%q)", time.Since(start), PDFCacheDir())
	candidates := []evalCandidate{
		{"pdftotext (poppler, reference)", evalPdftotext},
		{"casebook: go-pdfium WASM + fallback font", evalPDFium(nil)},
		{"go-pdfium WASM, no fonts", evalPDFium(bare)},
		{"ledongthuc/pdf", evalLedongthuc},
		{"dslipak/pdf", evalDslipak},
	}
	stats := make([]evalStats, len(candidates))
	lines := make([]string, len(files))
	for i, c := range candidates { // one candidate at a time: a hung one only slows itself
		for j, path := range files {
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			lines[j] += " | " + stats[i].add(c, raw, path)
		}
	}
	for j, path := range files {
		t.Log(filepath.Base(path) + lines[j])
	}
	reference := stats[0]
	fmt.Printf("\n%d PDFs (%d from the reports corpus, %d encrypted fixtures)\n\n", len(files), len(files)-len(fixtures), len(fixtures))
	fmt.Println("| candidate | characters | files with text | failures (error, panic, timeout) | time | Japanese: CJK vs pdftotext | Japanese: mojibake |")
	fmt.Println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
	for i, c := range candidates {
		s := stats[i]
		fmt.Printf("| %s | %d | %d | %d | %.1f s | %.0f%% | %d |\n", c.name, s.chars, s.files, s.failures,
			s.elapsed.Seconds(), 100*float64(s.jaCJK)/float64(max(reference.jaCJK, 1)), s.jaJunk)
	}
}

// add runs the candidate on one file and describes the outcome.
func (s *evalStats) add(c evalCandidate, raw []byte, path string) string {
	start := time.Now()
	pages, err := evalRun(c, raw, path)
	s.elapsed += time.Since(start)
	chars, cjk, junk := evalCount(pages)
	s.chars += chars
	if chars > 0 {
		s.files++
	}
	name := filepath.Base(path)
	if strings.HasPrefix(name, "japanese_") || strings.HasSuffix(name, "_ja.pdf") {
		s.jaCJK += cjk
		s.jaJunk += junk
	}
	if err != nil {
		s.failures++
		msg := err.Error()
		return fmt.Sprintf("%s: ERROR %.50s", c.name, msg)
	}
	return fmt.Sprintf("%s: %d chars, %d CJK, %d junk", c.name, chars, cjk, junk)
}

// evalRun runs a candidate with a time limit and recovers its panics.
func evalRun(c evalCandidate, raw []byte, path string) ([]string, error) {
	type result struct {
		pages []string
		err   error
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- result{err: fmt.Errorf("panic: %v", p)}
			}
		}()
		pages, err := c.pages(raw, path)
		done <- result{pages, err}
	}()
	select {
	case r := <-done:
		return r.pages, r.err
	case <-time.After(evalTimeout):
		return nil, fmt.Errorf("timeout after %v", evalTimeout)
	}
}

// evalCount counts visible characters, CJK characters, and junk: replacement
// and private-use characters, controls, and Latin-1, Greek or Cyrillic
// letters that CJK text decoded with the wrong encoding turns into.
func evalCount(pages []string) (chars, cjk, junk int) {
	for _, p := range pages {
		for _, r := range p {
			switch {
			case unicode.IsSpace(r):
				continue
			case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
				cjk++
			case r == 0xfffd, unicode.Is(unicode.Co, r), unicode.IsControl(r),
				r >= 0x80 && r <= 0x24f, r >= 0x370 && r <= 0x4ff:
				junk++
			}
			chars++
		}
	}
	return chars, cjk, junk
}

func evalPdftotext(_ []byte, path string) ([]string, error) {
	out, err := exec.Command("pdftotext", "-q", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		return nil, err
	}
	return strings.Split(string(out), "\f"), nil
}

// evalPDFium reads the pages with a pool: nil is Casebook's own.
func evalPDFium(pool pdfium.Pool) func([]byte, string) ([]string, error) {
	return func(raw []byte, _ string) ([]string, error) {
		read := func(inst pdfium.Pdfium) (*pdfDoc, error) { return readPDF(inst, raw) }
		var doc *pdfDoc
		var err error
		if pool == nil {
			doc, err = withPDFium(evalTimeout, read)
		} else {
			doc, err = withInstance(pool, evalTimeout, read)
		}
		if err != nil {
			return nil, err
		}
		return doc.pages, nil
	}
}

func evalLedongthuc(raw []byte, _ string) ([]string, error) {
	r, err := ledongthuc.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return nil, err
	}
	var pages []string
	for i := 1; i <= r.NumPage(); i++ {
		p := r.Page(i)
		if p.V.IsNull() {
			pages = append(pages, "")
			continue
		}
		text, err := p.GetPlainText(nil)
		if err != nil {
			return pages, err
		}
		pages = append(pages, text)
	}
	return pages, nil
}

func evalDslipak(raw []byte, _ string) ([]string, error) {
	r, err := dslipak.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return nil, err
	}
	var pages []string
	for i := 1; i <= r.NumPage(); i++ {
		p := r.Page(i)
		if p.V.IsNull() {
			pages = append(pages, "")
			continue
		}
		text, err := p.GetPlainText(nil)
		if err != nil {
			return pages, err
		}
		pages = append(pages, text)
	}
	return pages, nil
}
