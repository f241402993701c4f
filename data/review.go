package data

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"go.etcd.io/bbolt"
)

// Thresholds of Review.
const (
	// LowTagScore: a detected city or theme scoring under this is barely
	// over the bar enrichment sets (three body mentions score 3).
	LowTagScore = 4
	openingLen  = 200 // letters and digits of text compared for near-duplicates; shorter texts are not
	reviewJobs  = 20  // recent jobs whose failed files are listed
)

// Review is what needs a staff member's attention. Each list holds at
// most the limit given to Review; Totals counts them all.
type Review struct {
	NoText     []ReviewDoc
	LowTags    []ReviewDoc   // Tags holds only the weak tags
	Duplicates [][]ReviewDoc // groups of documents that open with the same text
	Failed     []FailedFile
	Totals     struct{ NoText, LowTags, Duplicates, Failed int }
}

// ReviewDoc is a document as the review list shows it.
type ReviewDoc struct {
	ID, Title, Kind, Source string
	Tags                    []Tag
}

// FailedFile is a file that failed in a recent job and has no document.
type FailedFile struct {
	Job   uint64
	Path  string
	Error string
	At    time.Time
}

// reviewRecord is the part of a stored document Review reads; the body is
// read only as far as its opening.
type reviewRecord struct {
	ID     string   `json:"id"`
	Title  string   `json:"title"`
	Kind   string   `json:"kind"`
	Source string   `json:"source"`
	Tags   []Tag    `json:"tags"`
	Flags  []string `json:"flags"`
	Body   opening  `json:"body"`
}

// opening keeps a fingerprint of the start of a JSON string: its letters
// and digits, lower-cased. Escapes stay as written, which is the same for
// the same text, so the raw bytes serve and the long rest is never decoded.
type opening string

func (o *opening) UnmarshalJSON(raw []byte) error {
	var b strings.Builder
	for _, r := range string(raw[:min(len(raw), 4*openingLen)]) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
			if b.Len() >= openingLen {
				break
			}
		}
	}
	*o = opening(b.String())
	return nil
}

// Review lists documents with no text, with weak tags or opening like
// another, and files that failed in recent jobs, up to limit of each. It
// reads every document in one read transaction, so it is for a staff
// page, not for every request.
func (s *Store) Review(limit int) (*Review, error) {
	rv := &Review{}
	err := s.db.View(func(tx *bbolt.Tx) error {
		groups := map[opening][]ReviewDoc{}
		err := tx.Bucket(bucketDocs).ForEach(func(k, v []byte) error {
			var d reviewRecord
			if err := json.Unmarshal(v, &d); err != nil {
				return fmt.Errorf("decoding document %s: %w", k, err)
			}
			rv.add(d, groups, limit)
			return nil
		})
		if err != nil {
			return err
		}
		rv.addDuplicates(groups, limit)
		return rv.addFailed(tx, limit)
	})
	if err != nil {
		return nil, fmt.Errorf("data.Review: %w", err)
	}
	return rv, nil
}

func (rv *Review) add(d reviewRecord, groups map[opening][]ReviewDoc, limit int) {
	doc := ReviewDoc{ID: d.ID, Title: d.Title, Kind: d.Kind, Source: d.Source}
	for _, f := range d.Flags {
		if f == FlagNoText {
			rv.Totals.NoText++
			if len(rv.NoText) < limit {
				rv.NoText = append(rv.NoText, doc)
			}
		}
	}
	if weak := weakTags(d.Tags); len(weak) > 0 {
		rv.Totals.LowTags++
		if len(rv.LowTags) < limit {
			w := doc
			w.Tags = weak
			rv.LowTags = append(rv.LowTags, w)
		}
	}
	// An issue page opens with its first article, which is a document too.
	if len(d.Body) >= openingLen && d.Kind != KindNewsletterIssue {
		groups[d.Body] = append(groups[d.Body], doc)
	}
}

func weakTags(tags []Tag) []Tag {
	var out []Tag
	for _, t := range tags {
		if t.Origin == OriginDetected && (t.Facet == FacetCity || t.Facet == FacetTheme) && t.Score > 0 && t.Score < LowTagScore {
			out = append(out, t)
		}
	}
	return out
}

func (rv *Review) addDuplicates(groups map[opening][]ReviewDoc, limit int) {
	var all [][]ReviewDoc
	for _, g := range groups {
		if len(g) > 1 {
			all = append(all, g)
		}
	}
	sortGroups(all) // map order is random; the page should not be
	rv.Totals.Duplicates = len(all)
	rv.Duplicates = all[:min(len(all), limit)]
}

// addFailed lists the failed files of recent jobs that have no document
// now (one that went in later is fixed).
func (rv *Review) addFailed(tx *bbolt.Tx, limit int) error {
	c := tx.Bucket(bucketJobs).Cursor()
	seen := map[string]bool{}
	n := 0
	for k, v := c.Last(); k != nil && n < reviewJobs; k, v = c.Prev() {
		n++
		var job Job
		if err := json.Unmarshal(v, &job); err != nil {
			return fmt.Errorf("decoding job %d: %w", btoi(k), err)
		}
		for _, f := range job.Files {
			if f.Error == "" || seen[f.Path] || hasSource(tx, f.Path) {
				continue
			}
			seen[f.Path] = true
			rv.Totals.Failed++
			if len(rv.Failed) < limit {
				rv.Failed = append(rv.Failed, FailedFile{Job: job.ID, Path: f.Path, Error: f.Error, At: job.Started})
			}
		}
	}
	return nil
}

func sortGroups(gs [][]ReviewDoc) {
	slices.SortFunc(gs, func(a, b []ReviewDoc) int {
		return cmp.Or(cmp.Compare(a[0].Title, b[0].Title), cmp.Compare(a[0].ID, b[0].ID))
	})
}

// hasSource reports whether file key, or a part of it, has a document.
func hasSource(tx *bbolt.Tx, key string) bool {
	b := tx.Bucket(bucketSources)
	if b.Get([]byte(key)) != nil {
		return true
	}
	k, _ := b.Cursor().Seek([]byte(key + "#"))
	return k != nil && strings.HasPrefix(string(k), key+"#")
}
