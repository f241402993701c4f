package enrich

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"casebook/indexer/records"
)

// The targets for the tagging, on held-out data. They are not
// to be lowered: a miss is for the tagging to fix. Reuters is labelled
// with its PLACES only; its stories never write their year.
var evalTargets = map[string]map[string]float64{
	"lkywcp.jsonl":  {"city": 0.90, "country": 0.90, "theme": 0.80, "year": 0.95},
	"reuters.jsonl": {"country": 0.90},
}

// evalFloors are what the tagging reaches now (2026-11-30, held out:
// lkywcp city 0.960, country 0.960, theme 0.833, year 1.000; Reuters
// country 0.905 on all held-out records, 0.891 on the quarter scored
// under -race), a little below for sampling: a test fails when a figure
// falls under its floor. Raise them as the tagging improves; where a
// floor is under its target, the target is not met yet and the test
// says so in its log.
var evalFloors = map[string]map[string]float64{
	"lkywcp.jsonl":  {"city": 0.94, "country": 0.94, "theme": 0.80, "year": 0.95},
	"reuters.jsonl": {"country": 0.87},
}

// TestEvalTargetsLKYWCP scores the tagging of the world city prize case
// studies against their City/Type tables.
func TestEvalTargetsLKYWCP(t *testing.T) {
	checkTargets(t, "lkywcp.jsonl", nil, 1)
}

// TestEvalTargetsReuters scores the country and year tagging of the
// Reuters-21578 test records against their PLACES and DATE. Under the
// race detector or -short it scores a deterministic quarter of them.
func TestEvalTargetsReuters(t *testing.T) {
	sample := 1
	if evalRace || testing.Short() {
		sample = 4
	}
	checkTargets(t, "reuters.jsonl", []*records.Mapping{reutersMapping(t)}, sample)
}

// checkTargets evaluates both halves of a labelled set, logs the figures
// and the worst mistakes, fails when a held-out figure falls under its
// floor and logs when it is under its target. sample > 1 keeps one label in sample, by a hash of its path.
func checkTargets(t *testing.T, file string, mappings []*records.Mapping, sample int) {
	corpora(t)
	e := newTestEnricher(t)
	labels := readLabelFile(t, file)
	for _, w := range e.CanonicalLabels(labels) {
		t.Errorf("%s: %s", file, w)
	}
	labels = sampleLabels(labels, sample)
	for _, split := range []string{SplitTuning, SplitHeldOut} {
		half := slices.DeleteFunc(slices.Clone(labels), func(l Label) bool { return l.Split != split })
		r, err := e.Evaluate(context.Background(), half, &Loader{Dir: labelsDir, Mappings: mappings})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s %s: %s", file, split, r)
		logWorst(t, r)
		if split != SplitHeldOut {
			continue
		}
		for _, facet := range slices.Sorted(maps.Keys(evalTargets[file])) {
			target, floor := evalTargets[file][facet], evalFloors[file][facet]
			switch got, ok := r.Figure(facet); {
			case !ok:
				t.Errorf("%s held-out: no document labels %s", file, facet)
			case got < floor:
				t.Errorf("%s held-out %s: %.3f, below the floor %.2f (target %.2f)", file, facet, got, floor, target)
			case got < target:
				t.Logf("%s held-out %s: %.3f, TARGET %.2f NOT MET YET", file, facet, got, target)
			}
		}
	}
}

func readLabelFile(t *testing.T, file string) []Label {
	f, err := os.Open(filepath.Join(labelsDir, file))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	labels, err := ReadLabels(f)
	if err != nil {
		t.Fatal(err)
	}
	return labels
}

func sampleLabels(labels []Label, n int) []Label {
	if n <= 1 {
		return labels
	}
	return slices.DeleteFunc(labels, func(l Label) bool {
		sum := sha256.Sum256([]byte(l.Path))
		return binary.BigEndian.Uint32(sum[4:])%uint32(n) != 0 // not the split's byte: a sample takes from both halves
	})
}

// logWorst logs the five worst documents of each facet.
func logWorst(t *testing.T, r *Report) {
	for _, facet := range append(slices.Clone(EvalFacets), "year") {
		for _, o := range r.Worst(5, facet) {
			var b strings.Builder
			for _, m := range o.Mistakes {
				if m.Facet != facet {
					continue
				}
				sign := "-"
				if m.Extra {
					sign = "+"
				}
				fmt.Fprintf(&b, " %s%s", sign, m.Value)
				if m.Evidence != "" {
					fmt.Fprintf(&b, " (%s)", m.Evidence)
				}
			}
			t.Logf("  %s: %s:%s", facet, o.Label.Name(), b.String())
		}
	}
}
