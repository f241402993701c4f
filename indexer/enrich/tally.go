package enrich

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"casebook/data"
)

// tally is what one matcher found in a document for one target (a city,
// a country or a theme).
type tally struct {
	n       [numKinds]int
	w       [numKinds]float64       // n weighed: a weak phrase counts weakWeight
	phrases [numKinds][]phraseCount // in order of first mention
	quote   [numKinds]string        // the first title or heading it is in
	lead    bool                    // a headline is about it: "(2) From Hanoi: ..."
}

type phraseCount struct {
	text string
	n    int
}

// collect runs m over the fields and tallies the hits by target.
// Negative phrases have already cancelled what they cover, and count for
// nothing themselves.
func collect(m *matcher, fs []field) map[int]*tally {
	return collectIf(m, fs, nil)
}

// collectIf is collect, counting only the hits keep (when set) accepts.
func collectIf(m *matcher, fs []field, keep func(f *field, h hit) bool) map[int]*tally {
	out := map[int]*tally{}
	for i := range fs {
		f := &fs[i]
		for _, h := range m.find(f) {
			if keep != nil && !keep(f, h) {
				continue
			}
			for _, t := range h.p.targets {
				if t.neg {
					continue
				}
				if out[t.id] == nil {
					out[t.id] = &tally{}
				}
				out[t.id].add(f, h, t.weak)
			}
		}
	}
	return out
}

// weakWeight is what a weak theme word counts, against 1 for a keyword:
// on the tuning half of the case studies, 0.5 and 0.34 did as well.
const weakWeight = 0.5

func (t *tally) add(f *field, h hit, weak bool) {
	k := f.kind
	t.n[k]++
	w := 1.0
	if weak {
		w = weakWeight
	}
	t.w[k] += w
	i := slices.IndexFunc(t.phrases[k], func(pc phraseCount) bool { return pc.text == h.p.text })
	if i < 0 {
		t.phrases[k] = append(t.phrases[k], phraseCount{text: h.p.text})
		i = len(t.phrases[k]) - 1
	}
	t.phrases[k][i].n++
	if k == kindTitle || k == kindHeading {
		if t.quote[k] == "" {
			t.quote[k] = f.text
		}
		t.lead = t.lead || isHeadline(f.text, h) || f.dateline && !hasLetter(f.text[:h.start])
	}
}

// total is the number of mentions in all fields.
func (t *tally) total() int {
	n := 0
	for _, c := range t.n {
		n += c
	}
	return n
}

// score weighs the mentions by field, counting at most bodyCap in the body.
func (t *tally) score(bodyCap int) float64 {
	s := 0.0
	for k, c := range t.w {
		if k == kindBody {
			c = min(c, float64(bodyCap))
		}
		s += kindWeights[k] * c
	}
	return s
}

// evidence says where the mentions are: `title: "From Delhi: ..."` when
// quoteHeads is set, otherwise and for summary and body the phrases found,
// e.g. `body: Bangkok x4, バンコク x1`.
func (t *tally) evidence(quoteHeads bool) string {
	var parts []string
	for k := range numKinds {
		if t.n[k] == 0 {
			continue
		}
		if quoteHeads && t.quote[k] != "" {
			parts = append(parts, kindNames[k]+": "+quote(t.quote[k]))
			continue
		}
		parts = append(parts, kindNames[k]+": "+phraseList(t.phrases[k]))
	}
	return strings.Join(parts, "; ")
}

// phraseList formats the five most frequent phrases: "recycling x4, landfill x2".
func phraseList(pcs []phraseCount) string {
	pcs = slices.Clone(pcs)
	slices.SortStableFunc(pcs, func(a, b phraseCount) int { return cmp.Compare(b.n, a.n) })
	var out []string
	for _, pc := range pcs[:min(len(pcs), 5)] {
		out = append(out, fmt.Sprintf("%s x%d", pc.text, pc.n))
	}
	return strings.Join(out, ", ")
}

// isHeadline reports whether h is the subject of a newsletter headline:
// "From Delhi: ...", "(2) From Hanoi", "(3) デリーから".
func isHeadline(text string, h hit) bool {
	before := strings.TrimRightFunc(text[:h.start], unicode.IsSpace)
	if len(before) >= 4 && strings.EqualFold(before[len(before)-4:], "from") {
		return !hasLetter(before[:len(before)-4])
	}
	after := text[h.end:]
	return !hasLetter(before) && (strings.HasPrefix(after, "から") || strings.HasPrefix(after, "より"))
}

func hasLetter(s string) bool { return strings.IndexFunc(s, unicode.IsLetter) >= 0 }

// pick is one chosen facet value before it becomes a data.Tag.
type pick struct {
	id       int // index in the reference data, -1 for a value not in it
	value    string
	score    float64
	origin   string
	evidence string
}

func (p pick) tag(facet string) data.Tag {
	return data.Tag{Facet: facet, Value: p.value, Score: p.score, Origin: p.origin, Evidence: p.evidence}
}

// strongest sorts picks by score, then value, and keeps at most n.
func strongest(ps []pick, n int) []pick {
	slices.SortFunc(ps, func(a, b pick) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		return cmp.Compare(a.value, b.value)
	})
	return ps[:min(len(ps), n)]
}
