package data

import (
	"encoding/json"
	"fmt"

	"go.etcd.io/bbolt"
)

// Correct records staff corrections of document id and applies them at
// once; they are applied again on every later write of the document, so
// re-ingest and re-tagging keep them. It returns the corrected document,
// or an error wrapping ErrNotFound or ErrInvalid.
func (s *Store) Correct(id string, cs []Correction) (*Document, error) {
	for i := range cs {
		if cs[i].At.IsZero() {
			cs[i].At = s.Now().UTC()
		}
		if err := cs[i].Validate(); err != nil {
			return nil, fmt.Errorf("data.Correct %s: %w", id, err)
		}
	}
	var doc *Document
	err := s.db.Update(func(tx *bbolt.Tx) error {
		var err error
		if doc, err = getDocument(tx, id); err != nil {
			return err
		}
		all := merge(corrections(tx, id), cs)
		v, err := json.Marshal(all)
		if err != nil {
			return err
		}
		if err := tx.Bucket(bucketCorrections).Put([]byte(id), v); err != nil {
			return err
		}
		return s.writeDoc(tx, doc)
	})
	if err != nil {
		return nil, fmt.Errorf("data.Correct %s: %w", id, err)
	}
	return doc, nil
}

// Corrections returns the staff corrections of document id.
func (s *Store) Corrections(id string) ([]Correction, error) {
	var cs []Correction
	err := s.db.View(func(tx *bbolt.Tx) error {
		cs = corrections(tx, id)
		return nil
	})
	return cs, err
}

func corrections(tx *bbolt.Tx, id string) []Correction {
	v := tx.Bucket(bucketCorrections).Get([]byte(id))
	if v == nil {
		return nil
	}
	var cs []Correction
	if err := json.Unmarshal(v, &cs); err != nil {
		return nil // a record we cannot read must not block writes
	}
	return cs
}
