package data

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"go.etcd.io/bbolt"
)

// Outcome says what a write did.
type Outcome string

// Outcomes of PutDocument.
const (
	Added     Outcome = "added"
	Updated   Outcome = "updated"
	Unchanged Outcome = "unchanged"
	// Duplicate: the same bytes are stored under another source; this
	// source was added to that document's Sources.
	Duplicate Outcome = "duplicate"
)

// PutDocument stores doc and its original bytes; see PutDocuments.
func (s *Store) PutDocument(doc *Document, original []byte) (Outcome, error) {
	outs, err := s.PutDocuments([]*Document{doc}, original)
	if err != nil {
		return "", err
	}
	return outs[0], nil
}

// PutDocuments stores the documents of one original file; see PutFiles.
func (s *Store) PutDocuments(docs []*Document, original []byte) ([]Outcome, error) {
	outs, errs, err := s.PutFiles([]FileDocs{{Docs: docs, Original: original}})
	if err == nil {
		err = errs[0]
	}
	if err != nil {
		return nil, err
	}
	return outs[0], nil
}

// FileDocs is what one original file holds.
type FileDocs struct {
	Docs     []*Document
	Original []byte
	// Corrections, such as the metadata staff gave an upload, are
	// recorded for every document of the file in the same transaction,
	// so no version without them is ever stored.
	Corrections []Correction
}

// PutFiles stores several files' documents: their originals first, made
// durable together, then every document with its change-log entry in one
// transaction. A document whose source, original and text are already
// stored is Unchanged and writes nothing. A document whose original and
// part are already stored under another source becomes a second source of
// that document (Duplicate). Created is kept from the stored version. A
// document in the trash stays there: it is Unchanged.
//
// A file whose documents fail validation gets its error in errs and the
// others go on; err reports a failure of the whole batch, after which
// nothing of it was stored (originals aside, which are harmless).
func (s *Store) PutFiles(files []FileDocs) (outs [][]Outcome, errs []error, err error) {
	errs = make([]error, len(files))
	var written []string
	for i, f := range files {
		if errs[i] = validateAll(f.Docs, f.Corrections, s.Now().UTC()); errs[i] != nil || f.Original == nil {
			continue
		}
		hash := HashOf(f.Original)
		path, err := s.writeOriginal(hash, f.Original)
		if err != nil {
			return nil, nil, err
		}
		if path != "" {
			written = append(written, path)
		}
		for _, d := range f.Docs {
			d.Hash = hash
		}
	}
	if err := s.syncOriginals(written); err != nil {
		return nil, nil, err
	}
	outs = make([][]Outcome, len(files))
	err = s.db.Update(func(tx *bbolt.Tx) error {
		for i, f := range files {
			if errs[i] != nil {
				continue
			}
			outs[i] = make([]Outcome, len(f.Docs))
			for j, doc := range f.Docs {
				var err error
				if outs[i][j], err = s.putDocument(tx, doc, f.Corrections); err != nil {
					return fmt.Errorf("%s: %w", doc.Source, err)
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("data.PutFiles: %w", err)
	}
	return outs, errs, nil
}

// validateAll checks docs and cs, and dates the corrections that have
// no time yet.
func validateAll(docs []*Document, cs []Correction, now time.Time) error {
	for _, doc := range docs {
		if err := doc.Validate(); err != nil {
			return fmt.Errorf("data.PutDocument %s: %w", doc.Source, err)
		}
	}
	for i := range cs {
		if cs[i].At.IsZero() {
			cs[i].At = now
		}
		if err := cs[i].Validate(); err != nil {
			return fmt.Errorf("data.PutDocument: %w", err)
		}
	}
	return nil
}

func (s *Store) putDocument(tx *bbolt.Tx, doc *Document, cs []Correction) (Outcome, error) {
	if trashed(tx, doc.ID) {
		return Unchanged, nil // deleted by staff: it stays in the trash
	}
	if len(cs) > 0 {
		if err := putCorrections(tx, doc.ID, cs); err != nil {
			return "", err
		}
	}
	applyCorrections(doc, corrections(tx, doc.ID))
	if out, done, err := s.putKnownSource(tx, doc); done || err != nil {
		return out, err
	}
	old, err := getDocument(tx, doc.ID)
	if err == ErrNotFound {
		if twin, ok := findTwin(tx, doc); ok {
			return Duplicate, s.addSource(tx, twin, doc.Source)
		}
	}
	out := Added
	if err == nil {
		if sameContent(old, doc) {
			return Unchanged, nil
		}
		out, doc.Created, doc.Sources = Updated, old.Created, old.Sources
		unindexHash(tx, old)
	}
	return out, s.writeDoc(tx, doc)
}

// putKnownSource handles a source already stored as a second source of
// another document: unchanged if the bytes are the same, else the source
// leaves that document and is stored as a document of its own.
func (s *Store) putKnownSource(tx *bbolt.Tx, doc *Document) (Outcome, bool, error) {
	id := tx.Bucket(bucketSources).Get([]byte(doc.Source))
	if id == nil || string(id) == doc.ID {
		return "", false, nil
	}
	owner, err := getDocument(tx, string(id))
	if err != nil {
		return "", false, err
	}
	if owner.Hash == doc.Hash && owner.Part == doc.Part {
		return Unchanged, true, nil
	}
	return "", false, s.removeSource(tx, owner, doc.Source)
}

// findTwin returns the document stored from the same bytes and part under
// another source.
func findTwin(tx *bbolt.Tx, doc *Document) (*Document, bool) {
	if doc.Hash == "" {
		return nil, false
	}
	id := tx.Bucket(bucketHashes).Get(hashKey(doc))
	if id == nil {
		return nil, false
	}
	twin, err := getDocument(tx, string(id))
	if err != nil || twin.Source == doc.Source {
		return nil, false
	}
	return twin, true
}

func hashKey(d *Document) []byte { return []byte(d.Hash + "\x00" + d.Part) }

// sameContent reports whether storing b over a would change nothing but
// timestamps: same bytes, and the same text, tags, issue and links made
// of them (a new gazetteer or extractor can change those on the same bytes).
func sameContent(a, b *Document) bool {
	if a.Hash != b.Hash || a.Source != b.Source || a.Body != b.Body {
		return false
	}
	x, y := *a, *b
	x.Created, x.Updated, x.Sources = time.Time{}, time.Time{}, nil
	y.Created, y.Updated, y.Sources = time.Time{}, time.Time{}, nil
	xj, err1 := json.Marshal(&x)
	yj, err2 := json.Marshal(&y)
	return err1 == nil && err2 == nil && bytes.Equal(xj, yj)
}

// writeDoc puts doc, with its staff corrections applied, its source and
// hash entries and a change entry.
func (s *Store) writeDoc(tx *bbolt.Tx, doc *Document) error {
	applyCorrections(doc, corrections(tx, doc.ID))
	now := s.Now().UTC()
	if doc.Created.IsZero() {
		doc.Created = now
	}
	doc.Updated = now
	v, err := json.Marshal(doc)
	if err != nil {
		return err
	}
	if err := reindexIssue(tx, doc); err != nil {
		return err
	}
	if err := tx.Bucket(bucketDocs).Put([]byte(doc.ID), v); err != nil {
		return err
	}
	for _, src := range append([]string{doc.Source}, doc.Sources...) {
		if err := tx.Bucket(bucketSources).Put([]byte(src), []byte(doc.ID)); err != nil {
			return err
		}
	}
	if doc.Hash != "" {
		if err := tx.Bucket(bucketHashes).Put(hashKey(doc), []byte(doc.ID)); err != nil {
			return err
		}
	}
	return appendChange(tx, Change{ID: doc.ID, Op: OpPut})
}

// unindexHash drops doc's hash entry if it still names doc.
func unindexHash(tx *bbolt.Tx, doc *Document) {
	b := tx.Bucket(bucketHashes)
	if doc.Hash != "" && string(b.Get(hashKey(doc))) == doc.ID {
		b.Delete(hashKey(doc))
	}
}

func (s *Store) addSource(tx *bbolt.Tx, doc *Document, src string) error {
	if !slices.Contains(doc.Sources, src) {
		doc.Sources = append(doc.Sources, src)
	}
	return s.writeDoc(tx, doc)
}

// removeSource takes src away from doc: a second source is dropped; the
// primary source is replaced by the next one, or the document is deleted
// when it has no other.
func (s *Store) removeSource(tx *bbolt.Tx, doc *Document, src string) error {
	if err := tx.Bucket(bucketSources).Delete([]byte(src)); err != nil {
		return err
	}
	switch {
	case src != doc.Source:
		doc.Sources = slices.DeleteFunc(doc.Sources, func(s string) bool { return s == src })
	case len(doc.Sources) > 0:
		doc.Source, doc.Sources = doc.Sources[0], doc.Sources[1:]
	default:
		return deleteDoc(tx, doc)
	}
	return s.writeDoc(tx, doc)
}

// deleteDoc removes doc with its source and hash entries and logs it.
func deleteDoc(tx *bbolt.Tx, doc *Document) error {
	if err := tx.Bucket(bucketDocs).Delete([]byte(doc.ID)); err != nil {
		return err
	}
	for _, src := range append([]string{doc.Source}, doc.Sources...) {
		if err := tx.Bucket(bucketSources).Delete([]byte(src)); err != nil {
			return err
		}
	}
	unindexHash(tx, doc)
	if err := unindexIssue(tx, doc); err != nil {
		return err
	}
	return appendChange(tx, Change{ID: doc.ID, Op: OpDelete})
}

// DeleteDocument removes a document and logs the deletion. Its original
// stays: another document may share it.
func (s *Store) DeleteDocument(id string) error {
	err := s.db.Update(func(tx *bbolt.Tx) error {
		doc, err := getDocument(tx, id)
		if err != nil {
			return err
		}
		return deleteDoc(tx, doc)
	})
	if err != nil {
		return fmt.Errorf("data.DeleteDocument %s: %w", id, err)
	}
	return nil
}

// RemoveSources takes each source key away from the document it belongs
// to (see removeSource); unknown keys are ignored. It returns how many
// documents were deleted as a result.
func (s *Store) RemoveSources(keys []string) (int, error) {
	deleted := 0
	err := s.db.Update(func(tx *bbolt.Tx) error {
		for _, k := range keys {
			id := tx.Bucket(bucketSources).Get([]byte(k))
			if id == nil {
				continue
			}
			doc, err := getDocument(tx, string(id))
			if err != nil {
				return err
			}
			if doc.Source == k && len(doc.Sources) == 0 {
				deleted++
			}
			if err := s.removeSource(tx, doc, k); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return deleted, fmt.Errorf("data.RemoveSources: %w", err)
	}
	return deleted, nil
}

// SourcesUnder returns the source keys that start with prefix, in order.
func (s *Store) SourcesUnder(prefix string) ([]string, error) {
	var keys []string
	err := s.db.View(func(tx *bbolt.Tx) error {
		c := tx.Bucket(bucketSources).Cursor()
		p := []byte(prefix)
		for k, _ := c.Seek(p); k != nil && bytes.HasPrefix(k, p); k, _ = c.Next() {
			keys = append(keys, string(k))
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("data.SourcesUnder %s: %w", prefix, err)
	}
	return keys, nil
}
