package data

import (
	"encoding/json"
	"fmt"
	"io"
	"time"

	"go.etcd.io/bbolt"
)

// bucketAudit: 8-byte big-endian sequence -> JSON AuditEntry.
var bucketAudit = []byte("audit")

// ActorCLI is the actor of changes made with the casebook command.
const ActorCLI = "cli"

// AuditEntry records one change: who made it, when, to what, and the
// thing before and after (absent for a creation or a deletion).
type AuditEntry struct {
	Seq    uint64          `json:"seq"`
	Time   time.Time       `json:"time"`
	Actor  string          `json:"actor"`  // a user name, or ActorCLI
	Action string          `json:"action"` // such as "user.add" or "doc.edit"
	Target string          `json:"target,omitempty"`
	Before json.RawMessage `json:"before,omitempty"`
	After  json.RawMessage `json:"after,omitempty"`
	Note   string          `json:"note,omitempty"`
}

// AppendAudit records e and returns its sequence number. A zero Time is
// set to now. Changes made by this package's own methods are recorded
// already, in the same transaction as the change.
func (s *Store) AppendAudit(e AuditEntry) (uint64, error) {
	err := s.db.Update(func(tx *bbolt.Tx) error {
		return s.appendAudit(tx, &e)
	})
	if err != nil {
		return 0, fmt.Errorf("data.AppendAudit %s: %w", e.Action, err)
	}
	return e.Seq, nil
}

func (s *Store) appendAudit(tx *bbolt.Tx, e *AuditEntry) error {
	if e.Actor == "" || e.Action == "" {
		return fmt.Errorf("%w audit entry: actor and action are required", ErrInvalid)
	}
	for _, raw := range []json.RawMessage{e.Before, e.After} {
		if len(raw) > 0 && !json.Valid(raw) {
			return fmt.Errorf("%w audit entry: before or after is not JSON", ErrInvalid)
		}
	}
	if e.Time.IsZero() {
		e.Time = s.Now().UTC()
	}
	b := tx.Bucket(bucketAudit)
	seq, err := b.NextSequence()
	if err != nil {
		return err
	}
	e.Seq = seq
	return putJSON(b, itob(seq), e)
}

// Audit returns up to limit entries, newest first, starting below seq
// before; before 0 starts at the newest. To page back, pass the last
// entry's Seq.
func (s *Store) Audit(before uint64, limit int) ([]AuditEntry, error) {
	var entries []AuditEntry
	err := s.db.View(func(tx *bbolt.Tx) error {
		c := tx.Bucket(bucketAudit).Cursor()
		k, v := c.Last()
		if before > 0 {
			if k, _ = c.Seek(itob(before)); k != nil {
				k, v = c.Prev()
			} else {
				k, v = c.Last() // every entry is below before
			}
		}
		for ; k != nil && len(entries) < limit; k, v = c.Prev() {
			if err := appendAudit(&entries, k, v); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("data.Audit: %w", err)
	}
	return entries, nil
}

// exportBatch bounds each read transaction of ExportAudit, so a slow
// writer does not hold one open for the whole log.
const exportBatch = 1000

// ExportAudit writes the whole log to w as JSON lines, oldest first.
func (s *Store) ExportAudit(w io.Writer) error {
	enc := json.NewEncoder(w)
	for after := uint64(0); ; {
		entries, err := s.auditAfter(after, exportBatch)
		if err != nil || len(entries) == 0 {
			return err
		}
		for _, e := range entries {
			if err := enc.Encode(e); err != nil {
				return fmt.Errorf("data.ExportAudit: %w", err)
			}
		}
		after = entries[len(entries)-1].Seq
	}
}

// auditAfter returns up to limit entries after seq, oldest first.
func (s *Store) auditAfter(after uint64, limit int) ([]AuditEntry, error) {
	var entries []AuditEntry
	err := s.db.View(func(tx *bbolt.Tx) error {
		c := tx.Bucket(bucketAudit).Cursor()
		for k, v := c.Seek(itob(after + 1)); k != nil && len(entries) < limit; k, v = c.Next() {
			if err := appendAudit(&entries, k, v); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("data.ExportAudit: %w", err)
	}
	return entries, nil
}

// appendAudit decodes the entry stored under k and appends it.
func appendAudit(entries *[]AuditEntry, k, v []byte) error {
	var e AuditEntry
	if err := json.Unmarshal(v, &e); err != nil {
		return fmt.Errorf("decoding audit entry %d: %w", btoi(k), err)
	}
	*entries = append(*entries, e)
	return nil
}
