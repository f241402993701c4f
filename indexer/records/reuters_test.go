package records

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"casebook/data"
	"casebook/indexer/extract"
)

// reutersDir is ../shared/corpora/reuters21578 seen from the repository root.
const reutersDir = "../../../shared/corpora/reuters21578"

// reutersFiles returns the 22 SGML files, or skips when the corpus is absent.
func reutersFiles(tb testing.TB) []string {
	tb.Helper()
	files, _ := filepath.Glob(filepath.Join(reutersDir, "reut2-*.sgm"))
	if len(files) == 0 {
		tb.Skipf("Reuters-21578 not found in %s (../shared/corpora is not present)", reutersDir)
	}
	if len(files) != 22 {
		tb.Fatalf("found %d reut2-*.sgm files, want 22", len(files))
	}
	return files
}

// shippedReuters is the text of the shipped Reuters-21578 mapping.
func shippedReuters(tb testing.TB) string {
	tb.Helper()
	src, err := data.Reference.ReadFile("reference/mappings/reuters21578.json")
	if err != nil {
		tb.Fatal(err)
	}
	return string(src)
}

// reutersStats are the facts SOURCES.md gives for the corpus.
type reutersStats struct {
	records, parts, withBody, withPlace int
	places, topics                      map[string]int
}

// TestReuters reads all of Reuters-21578 with the shipped mapping and
// checks the counts in ../shared/corpora/reuters21578/SOURCES.md.
func TestReuters(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 27 MB; skipped with -short")
	}
	files := reutersFiles(t)
	// One more field holds the BODY element alone, so that one pass counts
	// the records with a BODY while the body falls back to the whole TEXT.
	m := mustMapping(t, strings.Replace(shippedReuters(t), `"fields": {`, `"fields": {"body_only": "TEXT/BODY",`, 1))
	st := reutersStats{places: map[string]int{}, topics: map[string]int{}}
	for _, path := range files {
		res := readReuters(t, m, path)
		st.add(t, res)
	}
	check := func(what string, got, want int) {
		if got != want {
			t.Errorf("%s = %d, want %d", what, got, want)
		}
	}
	check("records", st.records, 21578)
	check("records kept (one is empty: NEWID 12793)", st.parts, 21577)
	check("records with a BODY", st.withBody, 19043)
	check("records with a PLACE", st.withPlace, 18798)
	check("distinct places", len(st.places), 147)
	// SOURCES.md counts <D> elements: usa 12,542, uk 1,489, japan 1,138.
	// A few records list a place twice; a record's values are distinct,
	// so these are counts of records.
	check("records in usa", st.places["usa"], 12541)
	check("records in uk", st.places["uk"], 1485)
	check("records in japan", st.places["japan"], 1136)
	check("records in canada", st.places["canada"], 1104)
	check("distinct topics", len(st.topics), 120)
	check("earn", st.topics["earn"], 3987)
	check("acq", st.topics["acq"], 2448)
}

func readReuters(t *testing.T, m *Mapping, path string) *extract.Result {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Base(path)
	if !m.Matches(path) {
		t.Errorf("mapping does not match %s", name)
	}
	res, err := Extract(m, name, raw)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if res.Charset != "windows-1252" || res.MediaType != "application/sgml" {
		t.Errorf("%s: Charset, MediaType = %q, %q", name, res.Charset, res.MediaType)
	}
	want := []string(nil)
	if name == "reut2-012.sgm" {
		want = []string{"record 793: no title or body"}
	}
	if strings.Join(res.Warnings, "|") != strings.Join(want, "|") {
		t.Errorf("%s: warnings %q, want %q", name, res.Warnings, want)
	}
	switch name {
	case "reut2-000.sgm":
		checkFirstStory(t, res.Parts[0])
	case "reut2-017.sgm":
		checkReut017(t, res)
	}
	return res
}

// add counts one file's records and checks each one.
func (st *reutersStats) add(t *testing.T, res *extract.Result) {
	st.parts += len(res.Parts)
	st.records += len(res.Parts)
	for _, w := range res.Warnings {
		if strings.HasSuffix(w, "no title or body") {
			st.records++
		}
	}
	for _, p := range res.Parts {
		if p.Key == "" || p.Title == "" || p.Body == "" && p.Key != "12793" {
			t.Errorf("record %s: empty key, title or body: %+v", p.Key, p)
		}
		if d := p.Meta["date"]; len(d) != 1 || !strings.HasPrefix(d[0], "1987-") || p.Meta["year"][0] != "1987" {
			t.Errorf("record %s: date %q, year %q", p.Key, d, p.Meta["year"])
		}
		if strings.ContainsAny(p.Title+p.Body, "\x02\x03\x05\x16\x7f") || strings.Contains(p.Body, "&#") {
			t.Errorf("record %s: control characters left in the text", p.Key)
		}
		st.count(p)
	}
}

func (st *reutersStats) count(p extract.Part) {
	if len(p.Meta["body_only"]) > 0 {
		st.withBody++
	}
	if len(p.Meta["country"]) > 0 {
		st.withPlace++
	}
	for _, c := range p.Meta["country"] {
		st.places[c]++
	}
	for _, c := range p.Meta["topic"] {
		st.topics[c]++
	}
}

// checkFirstStory checks NEWID 1 field by field; its BODY has 16
// indented lines, so 17 paragraphs.
func checkFirstStory(t *testing.T, p extract.Part) {
	t.Helper()
	checkParts(t, []extract.Part{p}, []want{{key: "1", title: "BAHIA COCOA REVIEW",
		meta: map[string][]string{"country": {"el-salvador", "usa", "uruguay"}, "topic": {"cocoa"}, "date": {"1987-02-26"},
			"year": {"1987"}, "dateline": {"SALVADOR, Feb 26 -"}, "body_only": p.Meta["body_only"]}}})
	if !strings.HasPrefix(p.Body, "Showers continued throughout the week in the Bahia cocoa zone,") ||
		!strings.HasSuffix(p.Body, "after carnival which ends midday on February 27. Reuter") ||
		strings.Count(p.Body, "\n\n") != 16 {
		t.Errorf("NEWID 1 body: %q", p.Body)
	}
}

// checkReut017 finds the story with the file's one non-ASCII byte (0xFC,
// ü in windows-1252) and wants it decoded.
func checkReut017(t *testing.T, res *extract.Result) {
	t.Helper()
	for _, p := range res.Parts {
		if strings.Contains(p.Title+p.Body, "ü") {
			return
		}
	}
	t.Error("reut2-017.sgm: no record holds the ü of byte 0xFC")
}

// BenchmarkReuters parses all 22 files of Reuters-21578 and reports
// records per second.
func BenchmarkReuters(b *testing.B) {
	files := reutersFiles(b)
	m := mustMapping(b, shippedReuters(b))
	var raws [][]byte
	size := 0
	for _, path := range files {
		raw, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		raws = append(raws, raw)
		size += len(raw)
	}
	b.SetBytes(int64(size))
	parts := 0
	for b.Loop() {
		parts = 0
		for i, raw := range raws {
			res, err := Extract(m, files[i], raw)
			if err != nil {
				b.Fatal(err)
			}
			parts += len(res.Parts)
		}
	}
	b.ReportMetric(float64(parts)*float64(b.N)/b.Elapsed().Seconds(), "records/s")
}
