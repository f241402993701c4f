package extract

import (
	"bufio"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// reportsDir holds real PDFs and DOCX files (../shared/corpora/reports
// seen from the repository root), with PDF_INVENTORY.tsv made with
// poppler's pdfinfo and pdftotext.
const reportsDir = "../../../shared/corpora/reports"

// inventoryRow is one line of PDF_INVENTORY.tsv.
type inventoryRow struct {
	pages, chars int
	textLayer    string // "yes", "sparse" or "none"
}

func readInventory(t *testing.T) map[string]inventoryRow {
	t.Helper()
	f, err := os.Open(filepath.Join(reportsDir, "PDF_INVENTORY.tsv"))
	if err != nil {
		t.Skipf("%s not present (the test needs ../shared/corpora): %v", reportsDir, err)
	}
	defer f.Close()
	rows := map[string]inventoryRow{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 6 || cols[0] == "file" {
			continue
		}
		pages, _ := strconv.Atoi(cols[2])
		chars, _ := strconv.Atoi(cols[3])
		rows[cols[0]] = inventoryRow{pages: pages, chars: chars, textLayer: cols[5]}
	}
	return rows
}

// isScan reports the PDFs without a real text layer: the scanned-no-text
// folder (one of them has 77 characters of chart labels on 6 pages) and
// those pdftotext finds no text in.
func isScan(rel string, row inventoryRow) bool {
	return strings.HasPrefix(rel, "scanned-no-text/") || row.textLayer == "none"
}

// corpusSubset are the files read when the race detector is on or with
// -short: small ones of each kind, besides the scans (always read).
var corpusSubset = map[string]bool{
	"non-latin/tokyo-metropolitan-gov_covid-patients-annex_2020-04-11_ja.pdf": true,
	"non-latin/japanese_kampo-official-gazette_vertical.pdf":                  true,
	"non-latin/japanese_miyazawa-poem_vertical.pdf":                           true,
	"misc/py-pdf_google-doc-document.pdf":                                     true,
	"government/us-federal-register_2020-17221_3col.pdf":                      true,
	"docx/sg-mse_cap-courses.docx":                                            true,
	"docx/lkywcp_stage-b-report-template.docx":                                true,
}

// japaneseWants are phrases each Japanese PDF must yield, whole.
var japaneseWants = map[string][]string{
	"non-latin/tokyo-metropolitan-gov_covid-patients-annex_2020-04-11_ja.pdf": {"患者の発生状況", "令和２年４月１１日", "濃厚接触者"},
	"non-latin/japanese_miyazawa-poem_vertical.pdf":                           {"わたくしといふ現象は", "ひとつの青い照明です"},
	"non-latin/japanese_kampo-official-gazette_vertical.pdf":                  {"官報", "道路交通法施行令", "歩行者"},
}

// TestReportsCorpus reads every PDF and DOCX of the reports corpus: each
// yields text, or the no-text flag, or an error wrapping a sentinel, in
// bounded time.
func TestReportsCorpus(t *testing.T) {
	inventory := readInventory(t)
	files, _ := filepath.Glob(filepath.Join(reportsDir, "*", "*"))
	subset := testing.Short() || raceEnabled
	read, scans := 0, 0
	for _, path := range files {
		rel, _ := filepath.Rel(reportsDir, path)
		rel = filepath.ToSlash(rel)
		ext := filepath.Ext(rel)
		row := inventory[rel]
		if ext != ".pdf" && ext != ".docx" || subset && !corpusSubset[rel] && !isScan(rel, row) {
			continue
		}
		read++
		if isScan(rel, row) {
			scans++
		}
		t.Run(rel, func(t *testing.T) { checkCorpusReport(t, path, rel, row) })
	}
	if scans != 8 {
		t.Errorf("%d scans read, want 8", scans)
	}
	t.Logf("%d files read (subset: %v)", read, subset)
}

func checkCorpusReport(t *testing.T, path, rel string, row inventoryRow) {
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	res, err := File(filepath.Base(path), raw)
	elapsed := time.Since(start)
	if elapsed > ExtractTimeout+5*time.Second {
		t.Errorf("took %v", elapsed)
	}
	if err != nil {
		if !isSentinel(err) && !errors.Is(err, ErrCorrupt) && !errors.Is(err, ErrEncrypted) && !errors.Is(err, ErrArchiveLimit) {
			t.Fatalf("error wraps no sentinel: %v", err)
		}
		t.Fatalf("real report refused: %v", err)
	}
	noText := len(res.Flags) == 1 && res.Flags[0] == "no-text"
	switch {
	case strings.HasSuffix(rel, ".docx"):
		if visibleChars(res.Body) < 500 || res.Title == "" {
			t.Errorf("DOCX: Title %q, %d characters", res.Title, visibleChars(res.Body))
		}
	case isScan(rel, row):
		if !noText || res.Body != "" || res.Title == "" {
			t.Errorf("scan: Flags %q, Title %q, Body %q", res.Flags, res.Title, res.Body)
		}
	case noText:
		t.Errorf("flagged no-text, pdftotext finds %d characters", row.chars)
	default:
		checkPDFText(t, res, row)
	}
	for _, want := range japaneseWants[rel] {
		if !strings.Contains(res.Body, want) {
			t.Errorf("Body lacks %q", want)
		}
	}
	t.Logf("%v, %d pages, %d characters, title %q", elapsed.Round(time.Millisecond), len(res.PageStarts), visibleChars(res.Body), res.Title)
}

// checkPDFText compares a PDF's text with pdftotext's: the same pages, and
// at least 90% of its characters.
func checkPDFText(t *testing.T, res *Result, row inventoryRow) {
	t.Helper()
	if len(res.PageStarts) != row.pages || res.Meta["pages"][0] != strconv.Itoa(row.pages) {
		t.Errorf("%d page starts, Meta[pages] %q; pdfinfo says %d", len(res.PageStarts), res.Meta["pages"], row.pages)
	}
	if got := visibleChars(res.Body); got*10 < row.chars*9 {
		t.Errorf("%d characters, pdftotext finds %d", got, row.chars)
	}
	for i := 1; i < len(res.PageStarts); i++ {
		if res.PageStarts[i] < res.PageStarts[i-1] || res.PageStarts[i] > len(res.Body) {
			t.Fatalf("PageStarts out of order: %v", res.PageStarts)
		}
	}
}

// TestReportsCorpusDamaged cuts a real PDF and a real DOCX short.
func TestReportsCorpusDamaged(t *testing.T) {
	readInventory(t)
	for name, want := range map[string]error{
		"misc/py-pdf_google-doc-document.pdf": ErrCorrupt,
		"docx/sg-mse_cap-courses.docx":        ErrCorrupt,
	} {
		raw, err := os.ReadFile(filepath.Join(reportsDir, name))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := File(name, raw[:len(raw)/2]); !errors.Is(err, want) {
			t.Errorf("%s cut in half: err = %v, want %v", name, err, want)
		}
	}
}
