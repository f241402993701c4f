package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// evalFixture writes a labels file of three documents, two of them
// tagged wrongly on purpose, and returns its path.
func evalFixture(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"docs/2012-07-01-hanoi.md": "# Trams return to Hanoi\n\nHanoi brings trams back. Buses and the metro feed the tram lines in Hanoi.\n",
		"labels/set.jsonl": `// three documents
{"path": "docs/2012-07-01-hanoi.md", "cities": ["Hanoi"], "countries": ["Vietnam"], "themes": ["Transport"], "year": 2012, "split": "heldout"}
{"text": "Officials from Bangkok studied flood control tunnels in Bangkok.", "title": "From Bangkok", "cities": ["Hanoi"], "split": "tuning"}
{"text": "Recycling grew by a third in 2019 as the city collected more waste.", "title": "Recycling", "themes": ["Waste and recycling"], "split": "heldout"}
`,
	}
	for name, body := range files {
		evalWriteFile(t, filepath.Join(dir, filepath.FromSlash(name)), body)
	}
	return filepath.Join(dir, "labels", "set.jsonl")
}

func evalWriteFile(t *testing.T, p, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func runEval(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut strings.Builder
	err := Run(context.Background(), append([]string{"eval-tags"}, args...), &out, &errOut)
	return out.String(), errOut.String(), err
}

func TestEvalTagsOutput(t *testing.T) {
	labels := evalFixture(t)
	out, _, err := runEval(t, labels)
	if err != nil {
		t.Fatalf("eval-tags: %v\n%s", err, out)
	}
	for _, want := range []string{
		"3 labelled documents (all splits)",
		// Hanoi right in the first; Bangkok tagged, Hanoi missed in the second.
		"city          2      1      1      1     0.500   0.500  0.500",
		"country       1      1      0      0     1.000   1.000  1.000",
		"theme         2      2      0      0     1.000   1.000  1.000",
		"year: accuracy 1.000 over 1 document (1 right, 0 wrong, 0 without a year)",
		"worst documents (1 of 1 documents with mistakes):",
		`line 3: "From Bangkok": 2 wrong`,
		"city     expected Hanoi; got Bangkok",
		`+ Bangkok: title: "From Bangkok"`,
		"- Hanoi",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestEvalTagsSplitAndWorst(t *testing.T) {
	labels := evalFixture(t)
	out, _, err := runEval(t, "--split", "heldout", "--worst", "5", labels)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "2 labelled documents (split heldout)") || !strings.Contains(out, "worst documents: none") {
		t.Errorf("held-out output:\n%s", out)
	}
	out, _, err = runEval(t, "--worst-facet", "theme", labels)
	if err != nil || !strings.Contains(out, "worst theme mistakes: none") {
		t.Errorf("--worst-facet theme: %v\n%s", err, out)
	}
}

func TestEvalTagsMin(t *testing.T) {
	labels := evalFixture(t)
	tests := []struct {
		min  string
		want error // nil, errBelowMin or errUsage
		msg  string
	}{
		{"country=0.9,theme=1", nil, ""},
		{"year=1", nil, ""},
		{"city=0.5", nil, ""},
		{"city=0.9", errBelowMin, "city F1 0.500 < 0.9"},
		{"city=0.9,country=0.95,theme=0.99", errBelowMin, "city F1 0.500 < 0.9: below"},
		{"city=0", nil, ""},
		{"town=0.9", errUsage, ""},
		{"city", errUsage, ""},
		{"city=1.5", errUsage, ""},
	}
	for _, tt := range tests {
		_, _, err := runEval(t, "--min", tt.min, labels)
		if tt.want == nil && err != nil || tt.want != nil && !errors.Is(err, tt.want) {
			t.Errorf("--min %s: error %v, want %v", tt.min, err, tt.want)
			continue
		}
		if tt.msg != "" && !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("--min %s: error %q, want it to say %q", tt.min, err, tt.msg)
		}
	}
	// A minimum for a facet no line labels fails rather than passing unseen.
	_, _, err := runEval(t, "--split", "tuning", "--min", "theme=0.5", labels)
	if !errors.Is(err, errBelowMin) || !strings.Contains(err.Error(), "theme not labelled") {
		t.Errorf("--min on an unlabelled facet: %v", err)
	}
}

func TestEvalTagsErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.jsonl")
	evalWriteFile(t, bad, `{"path": "a.md", "city": ["Hanoi"]}`+"\n")
	missing := filepath.Join(dir, "missing.jsonl")
	evalWriteFile(t, missing, `{"path": "nowhere.md", "cities": ["Hanoi"]}`+"\n")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{bad}, "line 1"},
		{[]string{missing}, "line 1: nowhere.md"},
		{[]string{filepath.Join(dir, "none.jsonl")}, "none.jsonl"},
	} {
		_, _, err := runEval(t, tt.args...)
		if err == nil || errors.Is(err, errUsage) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%v: error %v, want one naming %q", tt.args, err, tt.want)
		}
	}
	for _, args := range [][]string{{}, {"a.jsonl", "b.jsonl"}, {"--split", "test", "a.jsonl"}, {"--worst-facet", "town", "a.jsonl"}} {
		if _, _, err := runEval(t, args...); !errors.Is(err, errUsage) {
			t.Errorf("%v: error %v, want usage", args, err)
		}
	}
}

// TestEvalTagsRealLabels runs the command on the shipped case-study
// labels, which name files relative to the repository root.
func TestEvalTagsRealLabels(t *testing.T) {
	corpus(t, "lkywcp-case-studies")
	out, errOut, err := runEval(t, "--worst", "3", "../../indexer/enrich/testdata/labels/lkywcp.jsonl")
	if err != nil {
		t.Fatalf("eval-tags: %v\n%s", err, errOut)
	}
	if !strings.Contains(out, "51 labelled documents") || errOut != "" {
		t.Errorf("output:\n%s\nstderr:\n%s", out, errOut)
	}
}
