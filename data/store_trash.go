package data

import (
	"encoding/json"
	"fmt"
	"sort"
	"time"

	"go.etcd.io/bbolt"
)

// bucketTrash: document id -> JSON TrashEntry. A trashed document is out
// of the docs bucket (so out of the index and every page) until an admin
// restores it or empties the trash. Its original stays on disk.
var bucketTrash = []byte("trash")

// TrashEntry is a deleted document waiting in the trash.
type TrashEntry struct {
	Doc *Document `json:"doc"`
	By  string    `json:"by"` // who deleted it
	At  time.Time `json:"at"`
}

// TrashDocument moves document id to the trash, recording actor in the
// audit log. It returns an error wrapping ErrNotFound for an unknown id.
func (s *Store) TrashDocument(actor, id string) error {
	err := s.db.Update(func(tx *bbolt.Tx) error {
		doc, err := getDocument(tx, id)
		if err != nil {
			return err
		}
		e := TrashEntry{Doc: doc, By: actor, At: s.Now().UTC()}
		if err := putJSON(tx.Bucket(bucketTrash), []byte(id), e); err != nil {
			return err
		}
		if err := deleteDoc(tx, doc); err != nil {
			return err
		}
		return s.appendAudit(tx, &AuditEntry{Actor: actor, Action: ActionDocTrash, Target: id, Before: auditOf(doc)})
	})
	if err != nil {
		return fmt.Errorf("data.TrashDocument %s: %w", id, err)
	}
	return nil
}

// Trash lists the trashed documents, the latest deleted first.
func (s *Store) Trash() ([]TrashEntry, error) {
	var out []TrashEntry
	err := s.db.View(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketTrash).ForEach(func(k, v []byte) error {
			var e TrashEntry
			if err := json.Unmarshal(v, &e); err != nil {
				return fmt.Errorf("decoding trash entry %s: %w", k, err)
			}
			out = append(out, e)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("data.Trash: %w", err)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].At.After(out[j].At) })
	return out, nil
}

// RestoreDocument puts a trashed document back, with its corrections.
// It returns an error wrapping ErrNotFound when id is not in the trash,
// or ErrExists when a document with that id was stored since.
func (s *Store) RestoreDocument(actor, id string) (*Document, error) {
	var doc *Document
	err := s.db.Update(func(tx *bbolt.Tx) error {
		e, err := trashEntry(tx, id)
		if err != nil {
			return err
		}
		if _, err := getDocument(tx, id); err == nil {
			return ErrExists
		}
		doc = e.Doc
		if err := tx.Bucket(bucketTrash).Delete([]byte(id)); err != nil {
			return err
		}
		if err := s.writeDoc(tx, doc); err != nil {
			return err
		}
		return s.appendAudit(tx, &AuditEntry{Actor: actor, Action: ActionDocRestore, Target: id, After: auditOf(doc)})
	})
	if err != nil {
		return nil, fmt.Errorf("data.RestoreDocument %s: %w", id, err)
	}
	return doc, nil
}

// EmptyTrash removes every trashed document for good, with its
// corrections, and returns how many there were. Each gets an audit entry.
func (s *Store) EmptyTrash(actor string) (int, error) {
	n := 0
	err := s.db.Update(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketTrash)
		var ids []string
		err := b.ForEach(func(k, _ []byte) error {
			ids = append(ids, string(k))
			return nil
		})
		if err != nil {
			return err
		}
		for _, id := range ids {
			e, err := trashEntry(tx, id)
			if err != nil {
				return err
			}
			if err := purge(tx, id); err != nil {
				return err
			}
			if err := s.appendAudit(tx, &AuditEntry{Actor: actor, Action: ActionDocPurge, Target: id, Before: auditOf(e.Doc)}); err != nil {
				return err
			}
		}
		n = len(ids)
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("data.EmptyTrash: %w", err)
	}
	return n, nil
}

func purge(tx *bbolt.Tx, id string) error {
	if err := tx.Bucket(bucketTrash).Delete([]byte(id)); err != nil {
		return err
	}
	return tx.Bucket(bucketCorrections).Delete([]byte(id))
}

func trashEntry(tx *bbolt.Tx, id string) (*TrashEntry, error) {
	v := tx.Bucket(bucketTrash).Get([]byte(id))
	if v == nil {
		return nil, ErrNotFound
	}
	var e TrashEntry
	if err := json.Unmarshal(v, &e); err != nil {
		return nil, fmt.Errorf("decoding trash entry %s: %w", id, err)
	}
	return &e, nil
}

// trashed reports whether id is in the trash.
func trashed(tx *bbolt.Tx, id string) bool {
	return tx.Bucket(bucketTrash).Get([]byte(id)) != nil
}
