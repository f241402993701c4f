package data

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"go.etcd.io/bbolt"
)

// SchemaVersion is the layout of the bbolt file.
//
//	1: docs, sources, changes, jobs, hashes, issues, issue_articles,
//	   crawls, crawlpages buckets; later users, sessions, tokens, audit
//	   (new buckets need no bump: Open creates missing ones).
const SchemaVersion = 1

var (
	bucketMeta    = []byte("meta")
	bucketDocs    = []byte("docs")
	bucketSources = []byte("sources")
	bucketChanges = []byte("changes")
	bucketJobs    = []byte("jobs")
	bucketHashes  = []byte("hashes")
	// bucketCorrections: document id -> JSON []Correction (staff changes).
	bucketCorrections = []byte("corrections")
	allBuckets        = [][]byte{bucketCorrections, bucketMeta, bucketDocs, bucketSources, bucketChanges, bucketJobs, bucketHashes, bucketCrawls, bucketCrawlPages, bucketIssues, bucketIssueArticles, bucketUsers, bucketSessions, bucketTokens, bucketAudit, bucketTrash}
)

// Store is the system of record under one data dir.
type Store struct {
	db  *bbolt.DB
	dir string
	// Now is the clock; tests replace it.
	Now func() time.Time
	// Sessions sets session lifetimes; zero fields take the defaults.
	Sessions SessionOptions
	// BcryptCost hashes new passwords; zero means DefaultBcryptCost.
	// Tests lower it.
	BcryptCost int
}

// Open opens (creating if needed) the store in dir. It returns an error
// wrapping ErrLocked if another process holds the database.
func Open(dir string) (*Store, error) {
	if err := os.MkdirAll(filepath.Join(dir, "originals"), 0o755); err != nil {
		return nil, fmt.Errorf("data.Open %s: %w", dir, err)
	}
	path := filepath.Join(dir, "casebook.db")
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: 500 * time.Millisecond})
	if errors.Is(err, bbolt.ErrTimeout) {
		return nil, fmt.Errorf("data.Open %s: %w", dir, ErrLocked)
	}
	if err != nil {
		return nil, fmt.Errorf("data.Open %s: %w", path, err)
	}
	s := &Store{db: db, dir: dir, Now: time.Now}
	if err := s.init(); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

func (s *Store) init() error {
	return s.db.Update(func(tx *bbolt.Tx) error {
		for _, name := range allBuckets {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return fmt.Errorf("data.Open: bucket %s: %w", name, err)
			}
		}
		meta := tx.Bucket(bucketMeta)
		if v := meta.Get([]byte("schema")); v != nil && int(btoi(v)) != SchemaVersion {
			return fmt.Errorf("data.Open: schema version %d, this binary knows %d", btoi(v), SchemaVersion)
		}
		return meta.Put([]byte("schema"), itob(SchemaVersion))
	})
}

// Dir returns the data dir the store lives in.
func (s *Store) Dir() string { return s.dir }

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Check verifies the bbolt file's consistency.
func (s *Store) Check() error {
	return s.db.View(func(tx *bbolt.Tx) error {
		var errs []error
		for err := range tx.Check() {
			errs = append(errs, err)
		}
		if len(errs) > 0 {
			return fmt.Errorf("data.Check: %w", errors.Join(errs...))
		}
		return nil
	})
}

func itob(v uint64) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, v)
	return b
}

func btoi(b []byte) uint64 {
	if len(b) != 8 {
		return 0
	}
	return binary.BigEndian.Uint64(b)
}
