package data

import (
	"encoding/json"
	"fmt"

	"go.etcd.io/bbolt"
)

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

// DocumentBySource returns the document a source key belongs to, or an
// error wrapping ErrNotFound.
func (s *Store) DocumentBySource(key string) (*Document, error) {
	var doc *Document
	err := s.db.View(func(tx *bbolt.Tx) error {
		id := tx.Bucket(bucketSources).Get([]byte(key))
		if id == nil {
			return ErrNotFound
		}
		var err error
		doc, err = getDocument(tx, string(id))
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("data.DocumentBySource %s: %w", key, err)
	}
	return doc, nil
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

// IDs returns the id of every stored document, in key order.
func (s *Store) IDs() ([]string, error) {
	var ids []string
	err := s.db.View(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketDocs).ForEach(func(k, _ []byte) error {
			ids = append(ids, string(k))
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("data.IDs: %w", err)
	}
	return ids, nil
}
