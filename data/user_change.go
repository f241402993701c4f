package data

import (
	"errors"
	"fmt"
	"time"

	"go.etcd.io/bbolt"
)

// Audit actions for user and token changes.
const (
	ActionUserAdd     = "user.add"
	ActionUserPasswd  = "user.passwd"
	ActionUserRole    = "user.role"
	ActionUserDisable = "user.disable"
	ActionUserEnable  = "user.enable"
	ActionTokenCreate = "token.create"
	ActionTokenRevoke = "token.revoke"
)

// errUnchanged tells updateUser that there is nothing to write.
var errUnchanged = errors.New("unchanged")

// userChange edits r inside tx at time now and returns a note for the
// audit entry, or errUnchanged.
type userChange func(tx *bbolt.Tx, r *userRecord, now time.Time) (note string, err error)

// SetPassword replaces name's password and ends all of its sessions.
func (s *Store) SetPassword(actor, name, password string) error {
	hash, err := s.hashPassword(password) // outside the write lock: it is slow
	if err != nil {
		return fmt.Errorf("data.SetPassword %s: %w", name, err)
	}
	return s.updateUser("data.SetPassword", actor, name, ActionUserPasswd, func(tx *bbolt.Tx, r *userRecord, now time.Time) (string, error) {
		r.Hash, r.PasswordChanged = hash, now
		n, err := deleteUserSessions(tx, r.Name)
		return fmt.Sprintf("ended %d sessions", n), err
	})
}

// SetRole changes name's role.
func (s *Store) SetRole(actor, name string, role Role) error {
	if _, err := ParseRole(string(role)); err != nil {
		return fmt.Errorf("data.SetRole %s: %w", name, err)
	}
	return s.updateUser("data.SetRole", actor, name, ActionUserRole, func(tx *bbolt.Tx, r *userRecord, now time.Time) (string, error) {
		if r.Role == role {
			return "", errUnchanged
		}
		r.Role = role
		return "", nil
	})
}

// DisableUser stops name from logging in, ends its sessions and revokes
// its API tokens.
func (s *Store) DisableUser(actor, name string) error {
	return s.updateUser("data.DisableUser", actor, name, ActionUserDisable, func(tx *bbolt.Tx, r *userRecord, now time.Time) (string, error) {
		if r.Disabled {
			return "", errUnchanged
		}
		r.Disabled = true
		sessions, err := deleteUserSessions(tx, r.Name)
		if err != nil {
			return "", err
		}
		tokens, err := revokeUserTokens(tx, r.Name, now)
		return fmt.Sprintf("ended %d sessions, revoked %d tokens", sessions, tokens), err
	})
}

// EnableUser lets a disabled user log in again. Revoked tokens stay
// revoked.
func (s *Store) EnableUser(actor, name string) error {
	return s.updateUser("data.EnableUser", actor, name, ActionUserEnable, func(tx *bbolt.Tx, r *userRecord, now time.Time) (string, error) {
		if !r.Disabled {
			return "", errUnchanged
		}
		r.Disabled = false
		return "", nil
	})
}

// updateUser applies change to the stored user in one transaction with
// its audit entry, which records the user before and after.
func (s *Store) updateUser(op, actor, name, action string, change userChange) error {
	err := s.db.Update(func(tx *bbolt.Tx) error {
		r, err := getUser(tx, name)
		if err != nil {
			return err
		}
		before, now := r.User, s.Now().UTC()
		note, err := change(tx, r, now)
		if err != nil {
			return err
		}
		if err := putUser(tx.Bucket(bucketUsers), r); err != nil {
			return err
		}
		e := &AuditEntry{Time: now, Actor: actor, Action: action, Target: r.Name, Before: jsonOf(before), After: jsonOf(r.User), Note: note}
		return s.appendAudit(tx, e)
	})
	if err != nil && !errors.Is(err, errUnchanged) {
		return fmt.Errorf("%s %s: %w", op, name, err)
	}
	return nil
}
