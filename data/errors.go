package data

import "errors"

var (
	// ErrNotFound is returned when a document, job or original does not exist.
	ErrNotFound = errors.New("not found")
	// ErrInvalid is returned when a value fails validation.
	ErrInvalid = errors.New("invalid")
	// ErrLocked is returned by Open when another process holds the data dir.
	ErrLocked = errors.New("data dir is in use by another casebook process (is `casebook serve` running?)")
)
