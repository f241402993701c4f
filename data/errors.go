package data

import "errors"

var (
	// ErrNotFound is returned when a document, job, original, user or
	// token does not exist.
	ErrNotFound = errors.New("not found")
	// ErrInvalid is returned when a value fails validation.
	ErrInvalid = errors.New("invalid")
	// ErrLocked is returned by Open when another process holds the data dir.
	ErrLocked = errors.New("data dir is in use by another casebook process (is `casebook serve` running?)")
	// ErrExists is returned by AddUser when the name is taken.
	ErrExists = errors.New("already exists")
	// ErrShortPassword is returned when a new password is too short.
	ErrShortPassword = errors.New("password too short: use at least 12 characters")
	// ErrBadCredentials is returned by Authenticate for a wrong name or
	// password or a disabled user (one error, so callers cannot tell
	// which), and by LookupSession and LookupToken for an unknown,
	// expired or revoked secret.
	ErrBadCredentials = errors.New("invalid credentials")
)
