package data

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"go.etcd.io/bbolt"
)

// bucketUsers: user name -> JSON userRecord.
var bucketUsers = []byte("users")

// Role is what a user may do. Roles are ordered: each one can do what
// the ones below it can.
type Role string

const (
	RoleReader Role = "reader" // read, where reading needs a login
	RoleStaff  Role = "staff"  // ingest, edit and delete documents
	RoleAdmin  Role = "admin"  // manage users and tokens, read the audit log
)

func (r Role) rank() int {
	switch r {
	case RoleReader:
		return 1
	case RoleStaff:
		return 2
	case RoleAdmin:
		return 3
	}
	return 0
}

// Can reports whether r may do what need may: an admin can do what staff
// can. An unknown role can do nothing.
func (r Role) Can(need Role) bool {
	return r.rank() > 0 && need.rank() > 0 && r.rank() >= need.rank()
}

// ParseRole returns the role named s, or an error wrapping ErrInvalid.
func ParseRole(s string) (Role, error) {
	r := Role(strings.ToLower(strings.TrimSpace(s)))
	if r.rank() == 0 {
		return "", fmt.Errorf("%w role %q: use reader, staff or admin", ErrInvalid, s)
	}
	return r, nil
}

// User is an account. The password hash is not a field, so no JSON, log
// line or template can show it.
type User struct {
	Name            string    `json:"name"`
	Role            Role      `json:"role"`
	Disabled        bool      `json:"disabled"`
	Created         time.Time `json:"created"`
	PasswordChanged time.Time `json:"password_changed"`
}

// userRecord is a User as stored, with its bcrypt hash.
type userRecord struct {
	User
	Hash string `json:"hash"`
}

// NormalizeUserName lower-cases name and checks it is 1-64 of
// [a-z0-9._-]; "cli" is reserved for the command line's audit entries.
func NormalizeUserName(name string) (string, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	if n == ActorCLI {
		return "", fmt.Errorf("%w user name %q: reserved", ErrInvalid, name)
	}
	if n == "" || len(n) > 64 || strings.IndexFunc(n, badNameRune) >= 0 {
		return "", fmt.Errorf("%w user name %q: use 1-64 of a-z 0-9 . _ -", ErrInvalid, name)
	}
	return n, nil
}

func badNameRune(r rune) bool {
	return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-')
}

// AddUser creates a user; actor is who does it, for the audit log.
func (s *Store) AddUser(actor, name string, role Role, password string) (*User, error) {
	u, err := s.newUser(name, role)
	if err != nil {
		return nil, fmt.Errorf("data.AddUser: %w", err)
	}
	hash, err := s.hashPassword(password)
	if err != nil {
		return nil, fmt.Errorf("data.AddUser %s: %w", u.Name, err)
	}
	err = s.db.Update(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketUsers)
		if b.Get([]byte(u.Name)) != nil {
			return ErrExists
		}
		if err := putUser(b, &userRecord{User: *u, Hash: hash}); err != nil {
			return err
		}
		return s.appendAudit(tx, &AuditEntry{Time: u.Created, Actor: actor, Action: ActionUserAdd, Target: u.Name, After: jsonOf(u)})
	})
	if err != nil {
		return nil, fmt.Errorf("data.AddUser %s: %w", u.Name, err)
	}
	return u, nil
}

func (s *Store) newUser(name string, role Role) (*User, error) {
	name, err := NormalizeUserName(name)
	if err != nil {
		return nil, err
	}
	if _, err := ParseRole(string(role)); err != nil {
		return nil, err
	}
	now := s.Now().UTC()
	return &User{Name: name, Role: role, Created: now, PasswordChanged: now}, nil
}

// User returns the user called name, or an error wrapping ErrNotFound.
func (s *Store) User(name string) (*User, error) {
	r, err := s.userRecord(name)
	if err != nil {
		return nil, fmt.Errorf("data.User %s: %w", name, err)
	}
	return &r.User, nil
}

func (s *Store) userRecord(name string) (*userRecord, error) {
	var r *userRecord
	err := s.db.View(func(tx *bbolt.Tx) error {
		var err error
		r, err = getUser(tx, name)
		return err
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// Users returns every user, by name.
func (s *Store) Users() ([]User, error) {
	var users []User
	err := s.db.View(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketUsers).ForEach(func(k, v []byte) error {
			var r userRecord
			if err := json.Unmarshal(v, &r); err != nil {
				return fmt.Errorf("decoding user %s: %w", k, err)
			}
			users = append(users, r.User)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("data.Users: %w", err)
	}
	return users, nil
}

// HasAdmin reports whether an enabled admin exists; serve uses it to tell
// the operator to create one with `casebook user add`.
func (s *Store) HasAdmin() (bool, error) {
	users, err := s.Users()
	if err != nil {
		return false, err
	}
	for _, u := range users {
		if u.Role == RoleAdmin && !u.Disabled {
			return true, nil
		}
	}
	return false, nil
}

// getUser reads a user by name (normalised first) inside tx.
func getUser(tx *bbolt.Tx, name string) (*userRecord, error) {
	r := &userRecord{}
	n, err := NormalizeUserName(name)
	if err != nil {
		return r, ErrNotFound // a name that cannot exist
	}
	v := tx.Bucket(bucketUsers).Get([]byte(n))
	if v == nil {
		return r, ErrNotFound
	}
	return r, json.Unmarshal(v, r)
}

func putUser(b *bbolt.Bucket, r *userRecord) error {
	v, err := json.Marshal(r)
	if err != nil {
		return err
	}
	return b.Put([]byte(r.Name), v)
}

// jsonOf encodes one of this package's plain structs for the audit log;
// they hold only strings, numbers and times, so Marshal cannot fail.
func jsonOf(v any) json.RawMessage {
	b, _ := json.Marshal(v)
	return b
}
