package data

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"go.etcd.io/bbolt"
)

// bucketTokens: SHA-256 of the token secret -> JSON Token.
var bucketTokens = []byte("tokens")

// TokenPrefix starts every API token secret, so a leaked one is easy to
// recognise (and to scan for).
const TokenPrefix = "cbt_"

// Token is an API token for scripts using /api/v1. Its secret is not
// stored, only the secret's hash.
type Token struct {
	ID       uint64    `json:"id"`
	Label    string    `json:"label"`
	User     string    `json:"user"` // the token acts with this user's role
	Created  time.Time `json:"created"`
	LastUsed time.Time `json:"last_used,omitzero"`
	Revoked  time.Time `json:"revoked,omitzero"`
}

// CreateToken makes a token acting as user and returns its secret, to be
// shown once. Only admins should create tokens; callers check that.
func (s *Store) CreateToken(actor, user, label string) (string, *Token, error) {
	label = strings.TrimSpace(label)
	if label == "" || utf8.RuneCountInString(label) > 200 {
		return "", nil, fmt.Errorf("data.CreateToken: %w label: say in 1-200 characters what the token is for", ErrInvalid)
	}
	secret := TokenPrefix + newSecret()
	t := Token{Label: label, Created: s.Now().UTC()}
	err := s.db.Update(func(tx *bbolt.Tx) error {
		r, err := getUser(tx, user)
		if err != nil {
			return err
		}
		if r.Disabled {
			return fmt.Errorf("%w: user %s is disabled", ErrInvalid, r.Name)
		}
		b := tx.Bucket(bucketTokens)
		if t.ID, err = b.NextSequence(); err != nil {
			return err
		}
		t.User = r.Name
		if err := putJSON(b, secretKey(secret), &t); err != nil {
			return err
		}
		return s.appendAudit(tx, &AuditEntry{Time: t.Created, Actor: actor, Action: ActionTokenCreate, Target: tokenTarget(t.ID), After: jsonOf(t)})
	})
	if err != nil {
		return "", nil, fmt.Errorf("data.CreateToken for %s: %w", user, err)
	}
	return secret, &t, nil
}

func tokenTarget(id uint64) string { return fmt.Sprintf("token %d", id) }

// LookupToken returns the token with secret and the user it acts as, or
// an error wrapping ErrBadCredentials if it is unknown or revoked or its
// user is disabled.
func (s *Store) LookupToken(secret string) (*User, *Token, error) {
	key, now := secretKey(secret), s.Now().UTC()
	var u *User
	var t Token
	err := s.db.View(func(tx *bbolt.Tx) error {
		v := tx.Bucket(bucketTokens).Get(key)
		if v == nil || !strings.HasPrefix(secret, TokenPrefix) {
			return fmt.Errorf("%w: no such token", ErrBadCredentials)
		}
		if err := json.Unmarshal(v, &t); err != nil {
			return err
		}
		var err error
		u, err = tokenUser(tx, &t)
		return err
	})
	if err == nil && now.Sub(t.LastUsed) >= touchEvery {
		t.LastUsed = now
		err = s.touchToken(key, now)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("data.LookupToken: %w", err)
	}
	return u, &t, nil
}

func tokenUser(tx *bbolt.Tx, t *Token) (*User, error) {
	if !t.Revoked.IsZero() {
		return nil, fmt.Errorf("%w: token %d revoked", ErrBadCredentials, t.ID)
	}
	r, err := getUser(tx, t.User)
	if err != nil {
		return nil, fmt.Errorf("%w: user %s: %w", ErrBadCredentials, t.User, err)
	}
	if r.Disabled {
		return nil, fmt.Errorf("%w: user %s disabled", ErrBadCredentials, t.User)
	}
	return &r.User, nil
}

// touchToken records a use, at most once a minute (see touchEvery).
func (s *Store) touchToken(key []byte, now time.Time) error {
	return s.db.Update(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketTokens)
		v := b.Get(key)
		if v == nil {
			return nil
		}
		var t Token
		if err := json.Unmarshal(v, &t); err != nil {
			return err
		}
		if !now.After(t.LastUsed) {
			return nil
		}
		t.LastUsed = now
		return putJSON(b, key, &t)
	})
}

// RevokeToken revokes token id; revoking it again does nothing.
func (s *Store) RevokeToken(actor string, id uint64) error {
	err := s.db.Update(func(tx *bbolt.Tx) error {
		now, found := s.Now().UTC(), false
		_, err := updateTokens(tx, func(t *Token) (bool, error) {
			if t.ID != id {
				return false, nil
			}
			found = true
			if !t.Revoked.IsZero() {
				return false, nil
			}
			before := *t
			t.Revoked = now
			return true, s.appendAudit(tx, &AuditEntry{Time: now, Actor: actor, Action: ActionTokenRevoke, Target: tokenTarget(id), Before: jsonOf(before), After: jsonOf(t)})
		})
		if err == nil && !found {
			return ErrNotFound
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("data.RevokeToken %d: %w", id, err)
	}
	return nil
}

// revokeUserTokens revokes every live token of name.
func revokeUserTokens(tx *bbolt.Tx, name string, now time.Time) (int, error) {
	return updateTokens(tx, func(t *Token) (bool, error) {
		if t.User != name || !t.Revoked.IsZero() {
			return false, nil
		}
		t.Revoked = now
		return true, nil
	})
}

// updateTokens calls change on every token and stores those it changed,
// after the scan: a bucket must not be written while ForEach runs.
func updateTokens(tx *bbolt.Tx, change func(*Token) (bool, error)) (int, error) {
	b := tx.Bucket(bucketTokens)
	changed := map[string]*Token{}
	err := b.ForEach(func(k, v []byte) error {
		t := &Token{}
		if err := json.Unmarshal(v, t); err != nil {
			return fmt.Errorf("decoding token: %w", err)
		}
		ok, err := change(t)
		if ok {
			changed[string(k)] = t
		}
		return err
	})
	for k, t := range changed {
		if err == nil {
			err = putJSON(b, []byte(k), t)
		}
	}
	return len(changed), err
}

// Tokens returns every token, revoked ones too, by id.
func (s *Store) Tokens() ([]Token, error) {
	var tokens []Token
	err := s.db.View(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketTokens).ForEach(func(k, v []byte) error {
			var t Token
			if err := json.Unmarshal(v, &t); err != nil {
				return fmt.Errorf("decoding token: %w", err)
			}
			tokens = append(tokens, t)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("data.Tokens: %w", err)
	}
	slices.SortFunc(tokens, func(a, b Token) int { return cmp.Compare(a.ID, b.ID) })
	return tokens, nil
}
