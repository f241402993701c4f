package data

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	"go.etcd.io/bbolt"
)

// bucketSessions: SHA-256 of the session token -> JSON Session.
var bucketSessions = []byte("sessions")

// Session defaults.
const (
	DefaultSessionLifetime = 7 * 24 * time.Hour
	DefaultSessionIdle     = 12 * time.Hour
)

// touchEvery is how stale LastSeen may get: refreshing it at most once a
// minute saves a write per request, at the cost of a minute's slack in
// the idle timeout.
const touchEvery = time.Minute

// SessionOptions sets how long sessions last.
type SessionOptions struct {
	Lifetime time.Duration // from login to forced logout (DefaultSessionLifetime)
	Idle     time.Duration // without a request (DefaultSessionIdle)
}

func (o SessionOptions) withDefaults() SessionOptions {
	if o.Lifetime <= 0 {
		o.Lifetime = DefaultSessionLifetime
	}
	if o.Idle <= 0 {
		o.Idle = DefaultSessionIdle
	}
	return o
}

// Session is a login. Its token is not stored, only the token's hash.
type Session struct {
	User     string    `json:"user"`
	Created  time.Time `json:"created"`
	LastSeen time.Time `json:"last_seen"`
	Expires  time.Time `json:"expires"` // absolute; the idle timeout may end it sooner
}

// CreateSession logs name in and returns the session's token, to be given
// to the client once (in a cookie) and never stored.
func (s *Store) CreateSession(name string) (string, *Session, error) {
	token, now := newSecret(), s.Now().UTC()
	var se Session
	err := s.db.Update(func(tx *bbolt.Tx) error {
		r, err := getUser(tx, name)
		if err != nil {
			return err
		}
		if r.Disabled {
			return fmt.Errorf("%w: user disabled", ErrBadCredentials)
		}
		se = Session{User: r.Name, Created: now, LastSeen: now, Expires: now.Add(s.Sessions.withDefaults().Lifetime)}
		return putJSON(tx.Bucket(bucketSessions), secretKey(token), &se)
	})
	if err != nil {
		return "", nil, fmt.Errorf("data.CreateSession %s: %w", name, err)
	}
	return token, &se, nil
}

// LookupSession returns the user and session of token. It fails with an
// error wrapping ErrBadCredentials if the session is unknown, expired or
// idle too long, its user is disabled, or the password changed after it
// began.
func (s *Store) LookupSession(token string) (*User, *Session, error) {
	key, now := secretKey(token), s.Now().UTC()
	var u User
	var se Session
	err := s.db.View(func(tx *bbolt.Tx) error {
		v := tx.Bucket(bucketSessions).Get(key)
		if v == nil {
			return fmt.Errorf("%w: no such session", ErrBadCredentials)
		}
		if err := json.Unmarshal(v, &se); err != nil {
			return err
		}
		r, err := getUser(tx, se.User)
		if err != nil {
			return fmt.Errorf("%w: user %s: %w", ErrBadCredentials, se.User, err)
		}
		u = r.User
		return s.checkSession(&se, &u, now)
	})
	if err == nil && now.Sub(se.LastSeen) >= touchEvery {
		se.LastSeen = now
		err = s.touchSession(key, now)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("data.LookupSession: %w", err)
	}
	return &u, &se, nil
}

func (s *Store) checkSession(se *Session, u *User, now time.Time) error {
	switch {
	case !now.Before(se.Expires):
		return fmt.Errorf("%w: session expired", ErrBadCredentials)
	case !now.Before(se.LastSeen.Add(s.Sessions.withDefaults().Idle)):
		return fmt.Errorf("%w: session idle too long", ErrBadCredentials)
	case u.Disabled:
		return fmt.Errorf("%w: user disabled", ErrBadCredentials)
	case se.Created.Before(u.PasswordChanged):
		return fmt.Errorf("%w: password changed since login", ErrBadCredentials)
	}
	return nil
}

// touchSession moves LastSeen forward, unless a concurrent logout
// deleted the session meanwhile.
func (s *Store) touchSession(key []byte, now time.Time) error {
	return s.db.Update(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketSessions)
		v := b.Get(key)
		if v == nil {
			return nil
		}
		var se Session
		if err := json.Unmarshal(v, &se); err != nil {
			return err
		}
		if !now.After(se.LastSeen) {
			return nil
		}
		se.LastSeen = now
		return putJSON(b, key, &se)
	})
}

// DeleteSession ends the session of token (logout). An unknown token is
// not an error: the result is the same.
func (s *Store) DeleteSession(token string) error {
	err := s.db.Update(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketSessions).Delete(secretKey(token))
	})
	if err != nil {
		return fmt.Errorf("data.DeleteSession: %w", err)
	}
	return nil
}

// DeleteUserSessions ends every session of name ("log out everywhere")
// and returns how many there were.
func (s *Store) DeleteUserSessions(name string) (int, error) {
	var n int
	err := s.db.Update(func(tx *bbolt.Tx) error {
		r, err := getUser(tx, name)
		if err != nil {
			return err
		}
		n, err = deleteUserSessions(tx, r.Name)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("data.DeleteUserSessions %s: %w", name, err)
	}
	return n, nil
}

func deleteUserSessions(tx *bbolt.Tx, name string) (int, error) {
	return deleteSessions(tx, func(se *Session) bool { return se.User == name })
}

// PurgeSessions deletes expired and idle sessions and returns how many;
// the server calls it now and then so the bucket does not grow forever.
func (s *Store) PurgeSessions() (int, error) {
	now, opts := s.Now().UTC(), s.Sessions.withDefaults()
	var n int
	err := s.db.Update(func(tx *bbolt.Tx) error {
		var err error
		n, err = deleteSessions(tx, func(se *Session) bool {
			return !now.Before(se.Expires) || !now.Before(se.LastSeen.Add(opts.Idle))
		})
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("data.PurgeSessions: %w", err)
	}
	return n, nil
}

// deleteSessions deletes the sessions that match. Keys are gathered
// first: deleting under a bbolt cursor skips entries.
func deleteSessions(tx *bbolt.Tx, match func(*Session) bool) (int, error) {
	b := tx.Bucket(bucketSessions)
	var doomed [][]byte
	err := b.ForEach(func(k, v []byte) error {
		var se Session
		if err := json.Unmarshal(v, &se); err != nil {
			return fmt.Errorf("decoding session: %w", err)
		}
		if match(&se) {
			doomed = append(doomed, bytes.Clone(k))
		}
		return nil
	})
	for _, k := range doomed {
		if err == nil {
			err = b.Delete(k)
		}
	}
	return len(doomed), err
}

func putJSON(b *bbolt.Bucket, key []byte, v any) error {
	buf, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return b.Put(key, buf)
}
