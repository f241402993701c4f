package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"casebook/indexer/enrich"
	"casebook/indexer/records"
)

// errBelowMin makes eval-tags exit non-zero when a figure misses its
// --min.
var errBelowMin = errors.New("below the minimum")

const evalTagsUsage = `usage: casebook eval-tags [--mapping M] [--split tuning|heldout] [--worst 20] [--worst-facet F] [--min city=0.9,...] LABELS.jsonl

Tags labelled documents as ingest would and scores the tags against the
labels: precision, recall and F1 per facet (micro-averaged), year accuracy,
and the documents with the most wrong tags. One JSON object a line:

  {"path": "docs/a.md", "cities": ["Hanoi"], "countries": ["Vietnam"], "themes": ["Transport"], "year": 2012}
  {"path": "reut2-014.sgm#14826", "countries": ["China"]}     (a record: needs --mapping)
  {"text": "...", "title": "...", "cities": []}                 ([] = about no city)

Relative paths resolve against the labels file's folder, then the folders
above it. Only facets present on a line are scored for it. The source's own
city, country, theme, type, year and date metadata is hidden from tagging.

`

type evalTagsCmd struct {
	out, errOut io.Writer
}

func (c *evalTagsCmd) Run(ctx context.Context, args []string) error {
	fs := newFlagSet("eval-tags", c.errOut)
	fs.Usage = func() { fmt.Fprint(c.errOut, evalTagsUsage); fs.PrintDefaults() }
	var mappings []*records.Mapping
	fs.Func("mapping", "read files matching this record mapping (a JSON file, or a shipped name such as reuters21578) as records; repeatable", func(v string) error {
		m, err := loadMapping(v)
		if err == nil {
			mappings = append(mappings, m)
		}
		return err
	})
	split := fs.String("split", "", "score only the labels of this split, tuning or heldout (default: all)")
	worst := fs.Int("worst", 20, "list this many documents with the most wrong tags")
	facet := fs.String("worst-facet", "", "list only mistakes in this facet: city, country, theme or year")
	mins := evalMinFlag{}
	fs.Var(mins, "min", "exit 1 when a figure is below its minimum, e.g. city=0.9,country=0.9 (F1; year: accuracy)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 || !evalFacetOK(*facet, true) || (*split != "" && *split != enrich.SplitTuning && *split != enrich.SplitHeldOut) {
		fs.Usage()
		return errUsage
	}
	file := fs.Arg(0)
	labels, err := readEvalLabels(file, *split)
	if err != nil {
		return err
	}
	e, err := enrich.New()
	if err != nil {
		return err
	}
	for _, w := range e.CanonicalLabels(labels) {
		fmt.Fprintln(c.errOut, "warning:", w)
	}
	r, err := e.Evaluate(ctx, labels, &enrich.Loader{Dir: filepath.Dir(file), Mappings: mappings})
	if err != nil {
		return fmt.Errorf("eval-tags %s: %w", file, err)
	}
	printEval(c.out, file, *split, r)
	printWorst(c.out, r, *worst, *facet)
	return mins.check(r)
}

// readEvalLabels reads a labels file and keeps the labels of split ("" for all).
func readEvalLabels(file, split string) ([]enrich.Label, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	labels, err := enrich.ReadLabels(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if split != "" {
		labels = slices.DeleteFunc(labels, func(l enrich.Label) bool { return l.Split != "" && l.Split != split })
	}
	return labels, nil
}

func evalFacetOK(f string, emptyOK bool) bool {
	return (emptyOK && f == "") || f == "year" || slices.Contains(enrich.EvalFacets, f)
}

// evalMinFlag is --min: facet=minimum pairs, comma-separated or repeated.
type evalMinFlag map[string]float64

func (m evalMinFlag) String() string {
	var parts []string
	for _, f := range append(slices.Clone(enrich.EvalFacets), "year") {
		if v, ok := m[f]; ok {
			parts = append(parts, fmt.Sprintf("%s=%g", f, v))
		}
	}
	return strings.Join(parts, ",")
}

func (m evalMinFlag) Set(s string) error {
	for part := range strings.SplitSeq(s, ",") {
		facet, num, ok := strings.Cut(strings.TrimSpace(part), "=")
		v, err := strconv.ParseFloat(num, 64)
		if !ok || err != nil || v < 0 || v > 1 {
			return fmt.Errorf("%q: want facet=minimum, the minimum between 0 and 1", part)
		}
		if !evalFacetOK(facet, false) {
			return fmt.Errorf("%q: unknown facet %q (city, country, theme, year)", part, facet)
		}
		m[facet] = v
	}
	return nil
}

// check returns errBelowMin naming every figure under its minimum, or a
// facet that no label scores.
func (m evalMinFlag) check(r *enrich.Report) error {
	var low []string
	for _, f := range append(slices.Clone(enrich.EvalFacets), "year") {
		want, ok := m[f]
		if !ok {
			continue
		}
		got, scored := r.Figure(f)
		switch {
		case !scored:
			low = append(low, fmt.Sprintf("%s not labelled (minimum %g)", f, want))
		case got < want:
			low = append(low, fmt.Sprintf("%s %s %.3f < %g", f, evalFigureName(f), got, want))
		}
	}
	if len(low) > 0 {
		return fmt.Errorf("%s: %w", strings.Join(low, "; "), errBelowMin)
	}
	return nil
}

func evalFigureName(facet string) string {
	if facet == "year" {
		return "accuracy"
	}
	return "F1"
}
