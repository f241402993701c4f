package records

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"casebook/indexer/extract"
)

// mustMapping loads a mapping written in a test.
func mustMapping(tb testing.TB, src string) *Mapping {
	tb.Helper()
	m, err := LoadMapping([]byte(src))
	if err != nil {
		tb.Fatalf("LoadMapping: %v", err)
	}
	return m
}

// mustExtract extracts and fails the test on an error.
func mustExtract(tb testing.TB, m *Mapping, input string) *extract.Result {
	tb.Helper()
	res, err := Extract(m, "test", []byte(input))
	if err != nil {
		tb.Fatalf("Extract: %v", err)
	}
	return res
}

// want is what a table test checks of a Part; empty fields and a nil
// meta are not checked, and noMeta wants no Meta at all.
type want struct {
	key, title, summary, body, lang string
	meta                            map[string][]string
	noMeta                          bool
}

func checkParts(t *testing.T, parts []extract.Part, wants []want) {
	t.Helper()
	if len(parts) != len(wants) {
		t.Fatalf("got %d parts, want %d: %+v", len(parts), len(wants), parts)
	}
	for i, w := range wants {
		p := parts[i]
		check := func(field, got, want string) {
			if want != "" && got != want {
				t.Errorf("part %d %s = %q, want %q", i+1, field, got, want)
			}
		}
		check("Key", p.Key, w.key)
		check("Title", p.Title, w.title)
		check("Summary", p.Summary, w.summary)
		check("Body", p.Body, w.body)
		check("Lang", p.Lang, w.lang)
		if w.noMeta && p.Meta != nil {
			t.Errorf("part %d Meta = %q, want none", i+1, p.Meta)
		}
		if w.meta != nil && !reflect.DeepEqual(p.Meta, w.meta) {
			t.Errorf("part %d Meta = %q, want %q", i+1, p.Meta, w.meta)
		}
	}
}

// checkWarnings wants each of subs in some warning, and no more warnings
// than subs.
func checkWarnings(t *testing.T, warnings []string, subs ...string) {
	t.Helper()
	if len(warnings) != len(subs) {
		t.Errorf("warnings = %q, want %d (%q)", warnings, len(subs), subs)
	}
	for _, s := range subs {
		found := false
		for _, w := range warnings {
			found = found || strings.Contains(w, s)
		}
		if !found {
			t.Errorf("no warning contains %q: %q", s, warnings)
		}
	}
}

// checkError wants err to wrap target and mention each of subs.
func checkError(t *testing.T, err, target error, subs ...string) {
	t.Helper()
	if !errors.Is(err, target) {
		t.Fatalf("err = %v, want one wrapping %v", err, target)
	}
	for _, s := range subs {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("error %q does not mention %q", err, s)
		}
	}
}
