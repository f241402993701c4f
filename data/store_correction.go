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
	return s.correct("", id, cs)
}

// Edit is Correct done by actor, who is recorded in the audit log with
// the document's metadata before and after, in the same transaction.
func (s *Store) Edit(actor, id string, cs []Correction) (*Document, error) {
	if actor == "" {
		return nil, fmt.Errorf("data.Edit %s: %w: no actor", id, ErrInvalid)
	}
	return s.correct(actor, id, cs)
}

func (s *Store) correct(actor, id string, cs []Correction) (*Document, error) {
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
		before := auditOf(doc)
		if err := putCorrections(tx, id, cs); err != nil {
			return err
		}
		if err := s.writeDoc(tx, doc); err != nil || actor == "" {
			return err
		}
		return s.appendAudit(tx, &AuditEntry{Actor: actor, Action: ActionDocEdit, Target: id, Before: before, After: auditOf(doc)})
	})
	if err != nil {
		return nil, fmt.Errorf("data.Correct %s: %w", id, err)
	}
	return doc, nil
}

// putCorrections merges cs into the stored corrections of id.
func putCorrections(tx *bbolt.Tx, id string, cs []Correction) error {
	v, err := json.Marshal(merge(corrections(tx, id), cs))
	if err != nil {
		return err
	}
	return tx.Bucket(bucketCorrections).Put([]byte(id), v)
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
