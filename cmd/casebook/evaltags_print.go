package main

import (
	"fmt"
	"io"
	"strings"

	"casebook/indexer/enrich"
)

// printEval writes the figures: a line per facet with its counts,
// precision, recall and F1, then the year's accuracy.
func printEval(out io.Writer, file, split string, r *enrich.Report) {
	scope := "all splits"
	if split != "" {
		scope = "split " + split
	}
	fmt.Fprintf(out, "eval-tags %s: %s (%s)\n\n", file, plural(len(r.Docs), "labelled document"), scope)
	fmt.Fprintf(out, "%-8s %6s %6s %6s %6s %9s %7s %6s\n", "facet", "docs", "TP", "FP", "FN", "precision", "recall", "F1")
	for _, f := range enrich.EvalFacets {
		c := r.Counts[f]
		if c.Docs == 0 {
			fmt.Fprintf(out, "%-8s %6d  not labelled\n", f, 0)
			continue
		}
		fmt.Fprintf(out, "%-8s %6d %6d %6d %6d %9.3f %7.3f %6.3f\n", f, c.Docs, c.TP, c.FP, c.FN, c.Precision(), c.Recall(), c.F1())
	}
	y := r.Year
	if y.Docs == 0 {
		fmt.Fprintln(out, "year: not labelled")
		return
	}
	fmt.Fprintf(out, "year: accuracy %.3f over %s (%d right, %d wrong, %d without a year)\n",
		y.Accuracy(), plural(y.Docs, "document"), y.Right, y.Docs-y.Right-y.Missing, y.Missing)
}

// printWorst writes the n documents with the most wrong tags in facet
// (all facets when ""): per facet what was expected and what was tagged,
// then each wrong tag, "+" for tagged but not labelled with the tag's
// evidence, "-" for labelled but not tagged.
func printWorst(out io.Writer, r *enrich.Report, n int, facet string) {
	if n <= 0 {
		return
	}
	all := r.Worst(len(r.Docs), facet)
	what := "documents"
	if facet != "" {
		what = facet + " mistakes"
	}
	if len(all) == 0 {
		fmt.Fprintf(out, "\nworst %s: none\n", what)
		return
	}
	fmt.Fprintf(out, "\nworst %s (%d of %d documents with mistakes):\n", what, min(n, len(all)), len(all))
	for _, o := range all[:min(n, len(all))] {
		fmt.Fprintf(out, "%s: %d wrong\n", o.Label.Name(), o.Wrong(facet))
		for _, f := range append(enrich.EvalFacets[:len(enrich.EvalFacets):len(enrich.EvalFacets)], "year") {
			if (facet == "" || facet == f) && o.Wrong(f) > 0 {
				printEvalMistakes(out, o, f)
			}
		}
	}
}

func printEvalMistakes(out io.Writer, o *enrich.Outcome, facet string) {
	want, _ := o.Label.Expected(facet)
	if facet == "year" {
		want = []string{fmt.Sprint(o.Label.Year)}
	}
	fmt.Fprintf(out, "  %-8s expected %s; got %s\n", facet, evalList(want), evalList(o.Got[facet]))
	for _, m := range o.Mistakes {
		if m.Facet != facet {
			continue
		}
		if !m.Extra {
			fmt.Fprintf(out, "  %-8s - %s\n", "", m.Value)
			continue
		}
		fmt.Fprintf(out, "  %-8s + %s: %s\n", "", m.Value, m.Evidence)
	}
}

func evalList(vs []string) string {
	if len(vs) == 0 {
		return "none"
	}
	return strings.Join(vs, ", ")
}
