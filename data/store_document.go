package data

import (
	"encoding/json"
	"fmt"

	"go.etcd.io/bbolt"
)

// Outcome says what a write did.
type Outcome string

// Outcomes of PutDocument.
const (
	Added     Outcome = "added"
	Updated   Outcome = "updated"
	Unchanged Outcome = "unchanged"
)

// PutDocument stores doc and its original bytes. The original is written
// first; the document and its change-log entry then commit together. A
// document whose id, original and text are already stored is Unchanged and
// writes nothing. Created is kept from the stored version.
func (s *Store) PutDocument(doc *Document, original []byte) (Outcome, error) {
	if err := doc.Validate(); err != nil {
		return "", fmt.Errorf("data.PutDocument %s: %w", doc.Source, err)
	}
	if original != nil {
		doc.Hash = HashOf(original)
		if err := s.putOriginal(doc.Hash, original); err != nil {
			return "", err
		}
	}
	var out Outcome
	err := s.db.Update(func(tx *bbolt.Tx) error {
		var err error
		out, err = s.putDocument(tx, doc)
		return err
	})
	if err != nil {
		return "", fmt.Errorf("data.PutDocument %s: %w", doc.Source, err)
	}
	return out, nil
}

func (s *Store) putDocument(tx *bbolt.Tx, doc *Document) (Outcome, error) {
	old, err := getDocument(tx, doc.ID)
	out := Added
	if err == nil {
		if sameContent(old, doc) {
			return Unchanged, nil
		}
		out = Updated
		doc.Created = old.Created
	}
	now := s.Now().UTC()
	if doc.Created.IsZero() {
		doc.Created = now
	}
	doc.Updated = now
	v, err := json.Marshal(doc)
	if err != nil {
		return "", err
	}
	if err := tx.Bucket(bucketDocs).Put([]byte(doc.ID), v); err != nil {
		return "", err
	}
	if err := tx.Bucket(bucketSources).Put([]byte(doc.Source), []byte(doc.ID)); err != nil {
		return "", err
	}
	return out, appendChange(tx, Change{ID: doc.ID, Op: OpPut})
}

// sameContent reports whether re-ingest would change nothing visible.
func sameContent(a, b *Document) bool {
	return a.Hash == b.Hash && a.Source == b.Source && a.Title == b.Title && a.Body == b.Body
}

// DeleteDocument removes a document and logs the deletion. Its original
// stays: another document may share it.
func (s *Store) DeleteDocument(id string) error {
	err := s.db.Update(func(tx *bbolt.Tx) error {
		doc, err := getDocument(tx, id)
		if err != nil {
			return err
		}
		if err := tx.Bucket(bucketDocs).Delete([]byte(id)); err != nil {
			return err
		}
		if err := tx.Bucket(bucketSources).Delete([]byte(doc.Source)); err != nil {
			return err
		}
		return appendChange(tx, Change{ID: id, Op: OpDelete})
	})
	if err != nil {
		return fmt.Errorf("data.DeleteDocument %s: %w", id, err)
	}
	return nil
}

// Document returns the document with id, or an error wrapping ErrNotFound.
func (s *Store) Document(id string) (*Document, error) {
	var doc *Document
	err := s.db.View(func(tx *bbolt.Tx) error {
		var err error
		doc, err = getDocument(tx, id)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("data.Document %s: %w", id, err)
	}
	return doc, nil
}

func getDocument(tx *bbolt.Tx, id string) (*Document, error) {
	v := tx.Bucket(bucketDocs).Get([]byte(id))
	if v == nil {
		return nil, ErrNotFound
	}
	var doc Document
	if err := json.Unmarshal(v, &doc); err != nil {
		return nil, fmt.Errorf("decoding document %s: %w", id, err)
	}
	return &doc, nil
}

// CountDocuments returns how many documents are stored.
func (s *Store) CountDocuments() (int, error) {
	var n int
	err := s.db.View(func(tx *bbolt.Tx) error {
		n = tx.Bucket(bucketDocs).Stats().KeyN
		return nil
	})
	return n, err
}

// Snapshot calls fn with every stored document, size at a time, and
// returns the change-log sequence the snapshot is consistent with. It
// holds one read transaction throughout; use it for rebuilds, not requests.
func (s *Store) Snapshot(size int, fn func([]*Document) error) (uint64, error) {
	var seq uint64
	err := s.db.View(func(tx *bbolt.Tx) error {
		seq = tx.Bucket(bucketChanges).Sequence()
		batch := make([]*Document, 0, size)
		err := tx.Bucket(bucketDocs).ForEach(func(k, v []byte) error {
			var doc Document
			if err := json.Unmarshal(v, &doc); err != nil {
				return fmt.Errorf("decoding document %s: %w", k, err)
			}
			batch = append(batch, &doc)
			if len(batch) < size {
				return nil
			}
			err := fn(batch)
			batch = make([]*Document, 0, size)
			return err
		})
		if err != nil || len(batch) == 0 {
			return err
		}
		return fn(batch)
	})
	if err != nil {
		return 0, fmt.Errorf("data.Snapshot: %w", err)
	}
	return seq, nil
}
