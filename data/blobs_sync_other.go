//go:build !linux

package data

import (
	"fmt"
	"os"
	"path/filepath"
)

// syncOriginals makes the originals at paths durable: an fsync of each
// file and of each folder holding one.
func (s *Store) syncOriginals(paths []string) error {
	dirs := map[string]bool{}
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return fmt.Errorf("data.syncOriginals: %w", err)
		}
		err = f.Sync()
		f.Close()
		if err != nil {
			return fmt.Errorf("data.syncOriginals: %w", err)
		}
		dirs[filepath.Dir(p)] = true
	}
	for d := range dirs {
		if err := syncDir(d); err != nil {
			return err
		}
	}
	return nil
}
