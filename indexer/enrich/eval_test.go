package enrich_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"casebook/indexer/enrich"
	"casebook/indexer/records"
)

func TestReadLabels(t *testing.T) {
	in := `// a comment
{"path": "a.md", "cities": ["Hanoi"], "split": "heldout"}

{"text": "Trams in Hue.", "title": "Hue", "cities": [], "year": 2012}
`
	labels, err := enrich.ReadLabels(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(labels) != 2 {
		t.Fatalf("%d labels, want 2", len(labels))
	}
	a, b := labels[0], labels[1]
	if a.Line != 2 || a.Path != "a.md" || a.Split != enrich.SplitHeldOut || a.Themes != nil {
		t.Errorf("first label %+v", a)
	}
	if b.Line != 4 || b.Cities == nil || len(b.Cities) != 0 || b.Year != 2012 {
		t.Errorf("second label %+v: an empty list must stay labelled", b)
	}
	if _, ok := b.Expected("city"); !ok {
		t.Error(`"cities": [] not scored`)
	}
	if _, ok := b.Expected("country"); ok {
		t.Error("absent countries scored")
	}
}

func TestReadLabelsErrors(t *testing.T) {
	for _, in := range []string{
		`{"path": "a.md", "city": ["Hanoi"]}`,                 // misspelt facet
		`{"cities": ["Hanoi"]}`,                               // no document
		`{"path": "a.md", "text": "x", "cities": ["Hanoi"]}`,  // both
		`{"path": "a.md", "title": "x", "cities": ["Hanoi"]}`, // title without text
		`{"path": "a.md"}`,                                    // nothing labelled
		`{"path": "a.md", "year": 87}`,                        // year out of range
		`{"path": "a.md", "cities": [], "split": "test"}`,     // unknown split
		`{"path": "a.md", "cities": []} {"path": "b.md"}`,     // two values
		`{"path": "a.md", "cities": "Hanoi"}`,                 // not a list
	} {
		_, err := enrich.ReadLabels(strings.NewReader("// header\n" + in + "\n"))
		if !errors.Is(err, enrich.ErrLabels) || !strings.Contains(err.Error(), "line 2") {
			t.Errorf("%s: error %v, want ErrLabels naming line 2", in, err)
		}
	}
}

func TestCanonicalLabels(t *testing.T) {
	e := evalEnricher(t)
	labels := []enrich.Label{{Text: "x", Cities: []string{"Rangoon", "yangon", "Atlantis"}, Countries: []string{"japan"}, Themes: []string{"transport"}}}
	warnings := e.CanonicalLabels(labels)
	l := labels[0]
	if !slices.Equal(l.Cities, []string{"Yangon", "Atlantis"}) || !slices.Equal(l.Countries, []string{"Japan"}) || !slices.Equal(l.Themes, []string{"Transport"}) {
		t.Errorf("canonical labels %+v", l)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], `city "Atlantis"`) {
		t.Errorf("warnings %q", warnings)
	}
}

func evalEnricher(t *testing.T) *enrich.Enricher {
	t.Helper()
	e, err := enrich.New()
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// TestEvaluateReadsLikeIngest evaluates text labels, a Markdown case study
// whose table gives its city (which must not leak into the tags) and a
// record picked by #KEY, with paths resolved from a folder above the
// labels file.
func TestEvaluateReadsLikeIngest(t *testing.T) {
	root := t.TempDir()
	evalWrite(t, filepath.Join(root, "docs", "2012-07-01-trams.md"), "---\ntitle: Trams return\n---\n\n"+
		"| **City** | [Hanoi](/hanoi/) |\n| **Type** | Transportation |\n\n"+
		"The city council voted to bring trams back. Buses and the metro will feed the tram lines.\n")
	evalWrite(t, filepath.Join(root, "docs", "news.jsonl"),
		`{"id": "n1", "title": "Flood control in Bangkok", "body": "Bangkok built new flood control tunnels.", "city": "Delhi"}`+"\n"+
			`{"id": "n2", "title": "Recycling", "body": "Recycling grew.", "city": "Delhi"}`+"\n")
	m, err := records.LoadMapping([]byte(`{"format": "jsonl", "match": "*.jsonl", "id": "id",
		"fields": {"title": "title", "body": "body", "city": "city"}}`))
	if err != nil {
		t.Fatal(err)
	}
	labels := []enrich.Label{
		{Line: 1, Path: "docs/2012-07-01-trams.md", Cities: []string{"Hanoi"}, Year: 2012},
		{Line: 2, Path: "docs/news.jsonl#n1", Cities: []string{"Bangkok"}, Countries: []string{"Thailand"}},
		{Line: 3, Text: "Officials from Hanoi visited Jakarta to study waste collection.", Title: "From Hanoi", Cities: []string{"Hanoi"}},
	}
	e := evalEnricher(t)
	r, err := e.Evaluate(context.Background(), labels, &enrich.Loader{Dir: filepath.Join(root, "labels", "set"), Mappings: []*records.Mapping{m}})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Docs) != 3 {
		t.Fatalf("%d outcomes, want 3", len(r.Docs))
	}
	// The table's city is the label: without it the case study names no
	// city, so Hanoi is missed, not read back.
	if got := r.Docs[0].Got["city"]; len(got) != 0 {
		t.Errorf("case study cities %v: the table leaked into tagging", got)
	}
	if got := r.Docs[1].Got["city"]; !slices.Equal(got, []string{"Bangkok"}) {
		t.Errorf("record cities %v: want Bangkok from the text, not Delhi from the record", got)
	}
	if r.Year.Right != 1 {
		t.Errorf("year %+v: want the file name's 2012", r.Year)
	}
	if got := r.Docs[2].Got["city"]; !slices.Equal(got, []string{"Hanoi"}) {
		t.Errorf("text label cities %v", got)
	}
}

func TestEvaluateErrors(t *testing.T) {
	dir := t.TempDir()
	evalWrite(t, filepath.Join(dir, "a.md"), "# Trams in Hanoi\n\nHanoi trams.\n")
	e := evalEnricher(t)
	for _, tt := range []struct {
		label enrich.Label
		want  string
	}{
		{enrich.Label{Line: 7, Path: "missing.md", Cities: []string{}}, "line 7: missing.md"},
		{enrich.Label{Line: 8, Path: "a.md#3", Cities: []string{}}, `line 8: a.md: no such part "3"`},
	} {
		_, err := e.Evaluate(context.Background(), []enrich.Label{tt.label}, &enrich.Loader{Dir: dir})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%+v: error %v, want %q", tt.label, err, tt.want)
		}
	}
}

func evalWrite(t *testing.T, path, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}
