package data

import (
	"errors"
	"fmt"
	"sync"
	"unicode/utf8"

	"golang.org/x/crypto/bcrypt"
)

// DefaultBcryptCost is the bcrypt work factor for new passwords, chosen
// to take 100-250 ms a hash: slow for guessing, quick enough for a login
// form. BenchmarkAuthenticate on the 2-core development machine (Xeon,
// Go 1.26): cost 10 about 90 ms, 11 about 180-200 ms, 12 about 370 ms,
// and the same for an unknown name as for a known one.
const DefaultBcryptCost = 11

// MinPasswordLen is the shortest password accepted, in characters.
const MinPasswordLen = 12

// maxPasswordBytes is bcrypt's limit; longer passwords are refused rather
// than silently cut.
const maxPasswordBytes = 72

// CheckPassword reports whether password is acceptable as a new password.
func CheckPassword(password string) error {
	if utf8.RuneCountInString(password) < MinPasswordLen {
		return ErrShortPassword
	}
	if len(password) > maxPasswordBytes {
		return fmt.Errorf("%w password: longer than %d bytes", ErrInvalid, maxPasswordBytes)
	}
	return nil
}

func (s *Store) bcryptCost() int {
	if s.BcryptCost == 0 {
		return DefaultBcryptCost
	}
	return s.BcryptCost
}

func (s *Store) hashPassword(password string) (string, error) {
	if err := CheckPassword(password); err != nil {
		return "", err
	}
	h, err := bcrypt.GenerateFromPassword([]byte(password), s.bcryptCost())
	return string(h), err
}

// dummyHashes holds, per cost, a hash no password matches; unknown users
// are checked against it so that a login takes as long for a name that
// does not exist as for a wrong password.
var dummyHashes sync.Map

func dummyHash(cost int) []byte {
	if h, ok := dummyHashes.Load(cost); ok {
		return h.([]byte)
	}
	h, err := bcrypt.GenerateFromPassword([]byte("no password matches this one"), cost)
	if err != nil {
		panic(err) // only for a cost outside bcrypt's range, a programming error
	}
	dummyHashes.Store(cost, h)
	return h
}

// Authenticate returns the user if name and password match an enabled
// user, else an error wrapping ErrBadCredentials that does not say which
// part was wrong.
func (s *Store) Authenticate(name, password string) (*User, error) {
	hash := dummyHash(s.bcryptCost()) // first, so the first call is as slow for everyone
	r, err := s.userRecord(name)
	if err != nil && !errors.Is(err, ErrNotFound) {
		return nil, fmt.Errorf("data.Authenticate: %w", err)
	}
	if r != nil && len(password) <= maxPasswordBytes {
		hash = []byte(r.Hash)
	}
	match := bcrypt.CompareHashAndPassword(hash, []byte(password)) == nil
	if !match || r == nil || r.Disabled {
		return nil, fmt.Errorf("data.Authenticate: %w", ErrBadCredentials)
	}
	return &r.User, nil
}
