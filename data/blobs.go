package data

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// HashOf returns the hex SHA-256 of b, the name originals are kept under.
func HashOf(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

func (s *Store) originalPath(hash string) (string, error) {
	if len(hash) != 64 {
		return "", fmt.Errorf("original %q: %w: not a SHA-256", hash, ErrInvalid)
	}
	if _, err := hex.DecodeString(hash); err != nil {
		return "", fmt.Errorf("original %q: %w: not hex", hash, ErrInvalid)
	}
	return filepath.Join(s.dir, "originals", hash[:2], hash), nil
}

// writeOriginal writes b under its hash through a temp file and a rename,
// so that no reader sees half a file. It does not sync: PutFiles syncs a
// whole batch at once (syncOriginals). It returns the path, or "" when
// the original was already there.
func (s *Store) writeOriginal(hash string, b []byte) (string, error) {
	path, err := s.originalPath(hash)
	if err != nil {
		return "", err
	}
	if _, err := os.Stat(path); err == nil {
		return "", nil
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("data.writeOriginal: %w", err)
	}
	tmp, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return "", fmt.Errorf("data.writeOriginal: %w", err)
	}
	defer os.Remove(tmp.Name()) // no-op after a successful rename
	_, err = tmp.Write(b)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return "", fmt.Errorf("data.writeOriginal %s: %w", hash, err)
	}
	return path, nil
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("data.syncDir: %w", err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("data.syncDir %s: %w", dir, err)
	}
	return nil
}

// OpenOriginal opens the original stored under hash. It returns an error
// wrapping ErrNotFound when there is none.
func (s *Store) OpenOriginal(hash string) (io.ReadCloser, error) {
	path, err := s.originalPath(hash)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return nil, fmt.Errorf("original %s: %w", hash, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("data.OpenOriginal: %w", err)
	}
	return f, nil
}

// HasOriginal reports whether an original is stored under hash.
func (s *Store) HasOriginal(hash string) bool {
	path, err := s.originalPath(hash)
	if err != nil {
		return false
	}
	_, err = os.Stat(path)
	return err == nil
}
