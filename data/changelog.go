package data

import (
	"encoding/json"
	"fmt"

	"go.etcd.io/bbolt"
)

// Change operations.
const (
	OpPut    = "put"
	OpDelete = "delete"
)

// Change is one entry of the change log: document ID was put or deleted.
type Change struct {
	Seq uint64 `json:"seq"`
	ID  string `json:"id"`
	Op  string `json:"op"`
}

// appendChange logs c under the next sequence, in the caller's transaction.
func appendChange(tx *bbolt.Tx, c Change) error {
	b := tx.Bucket(bucketChanges)
	seq, err := b.NextSequence()
	if err != nil {
		return err
	}
	c.Seq = seq
	v, err := json.Marshal(c)
	if err != nil {
		return err
	}
	return b.Put(itob(seq), v)
}

// Pending is a batch of changes to apply to a derived index: the current
// version of every document put, and the ids deleted, up to Seq.
type Pending struct {
	Seq     uint64
	Puts    []*Document
	Deletes []string
}

// Changes returns the changes after seq, at most limit entries, resolved
// to current documents in one read transaction. A document changed several
// times in the batch appears once. Seq is the last entry read, or the
// given seq when there is nothing new.
func (s *Store) Changes(after uint64, limit int) (*Pending, error) {
	p := &Pending{Seq: after}
	err := s.db.View(func(tx *bbolt.Tx) error {
		seen := map[string]bool{}
		c := tx.Bucket(bucketChanges).Cursor()
		n := 0
		for k, v := c.Seek(itob(after + 1)); k != nil && n < limit; k, v = c.Next() {
			var ch Change
			if err := json.Unmarshal(v, &ch); err != nil {
				return fmt.Errorf("decoding change %d: %w", btoi(k), err)
			}
			p.Seq, n = ch.Seq, n+1
			seen[ch.ID] = true
		}
		return p.resolve(tx, seen)
	})
	if err != nil {
		return nil, fmt.Errorf("data.Changes after %d: %w", after, err)
	}
	return p, nil
}

// resolve reads the current state of each changed id: present means put.
func (p *Pending) resolve(tx *bbolt.Tx, ids map[string]bool) error {
	for id := range ids {
		doc, err := getDocument(tx, id)
		switch {
		case err == nil:
			p.Puts = append(p.Puts, doc)
		case err == ErrNotFound:
			p.Deletes = append(p.Deletes, id)
		default:
			return err
		}
	}
	return nil
}

// LastSeq returns the sequence of the newest change-log entry.
func (s *Store) LastSeq() (uint64, error) {
	var seq uint64
	err := s.db.View(func(tx *bbolt.Tx) error {
		seq = tx.Bucket(bucketChanges).Sequence()
		return nil
	})
	return seq, err
}
