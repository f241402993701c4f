package data

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"time"

	"go.etcd.io/bbolt"
)

// Crawl buckets:
//
//	crawls      scope -> bucket {frontier: url -> 8-byte seq + referring url, visited: url -> 1}
//	crawlpages  url -> JSON CrawlPage
//
// A scope's bucket exists only while a crawl of it is under way.
var (
	bucketCrawls     = []byte("crawls")
	bucketCrawlPages = []byte("crawlpages")
	keyFrontier      = []byte("frontier")
	keyVisited       = []byte("visited")
	// visitedMark is the value of a visited URL: bbolt's Get cannot tell
	// an empty value from a missing key.
	visitedMark = []byte{1}
)

// CrawlLink is a URL waiting in a crawl's frontier, with the page that
// linked to it ("" for the start URL).
type CrawlLink struct {
	URL  string
	From string
}

// CrawlProgress is the saved state of a crawl under way: the frontier in
// the order its URLs were found, and the URLs already handled.
type CrawlProgress struct {
	Frontier []CrawlLink
	Visited  []string
}

// CrawlPage is what a crawler remembers of a URL it fetched and ingested,
// for a conditional request next time.
type CrawlPage struct {
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	Hash         string    `json:"hash"`            // SHA-256 of the body, hex
	Links        []string  `json:"links,omitempty"` // in-scope links found on the page
	Fetched      time.Time `json:"fetched"`
}

// CrawlProgress returns the saved progress of the crawl of scope; both
// lists are empty when no crawl of scope is under way.
func (s *Store) CrawlProgress(scope string) (*CrawlProgress, error) {
	p := &CrawlProgress{}
	err := s.db.View(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketCrawls).Bucket([]byte(scope))
		if b == nil {
			return nil
		}
		var err error
		if p.Frontier, err = frontierLinks(b.Bucket(keyFrontier)); err != nil {
			return err
		}
		return b.Bucket(keyVisited).ForEach(func(k, _ []byte) error {
			p.Visited = append(p.Visited, string(k))
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("data.CrawlProgress %s: %w", scope, err)
	}
	return p, nil
}

// frontierLinks returns the frontier in the order its URLs were added.
func frontierLinks(b *bbolt.Bucket) ([]CrawlLink, error) {
	type queued struct {
		seq  uint64
		link CrawlLink
	}
	var q []queued
	err := b.ForEach(func(k, v []byte) error {
		if len(v) < 8 {
			return fmt.Errorf("frontier entry %q: %w", k, ErrInvalid)
		}
		q = append(q, queued{btoi(v[:8]), CrawlLink{URL: string(k), From: string(v[8:])}})
		return nil
	})
	sort.Slice(q, func(i, j int) bool { return q[i].seq < q[j].seq })
	links := make([]CrawlLink, len(q))
	for i, e := range q {
		links[i] = e.link
	}
	return links, err
}

// CrawlEnqueue adds links to the frontier of scope, leaving out URLs that
// are already queued or visited.
func (s *Store) CrawlEnqueue(scope string, links []CrawlLink) error {
	err := s.db.Update(func(tx *bbolt.Tx) error {
		return enqueue(tx, scope, links)
	})
	if err != nil {
		return fmt.Errorf("data.CrawlEnqueue %s: %w", scope, err)
	}
	return nil
}

// CrawlVisit records in one step that url of the crawl of scope has been
// handled: it leaves the frontier for the visited set, found joins the
// frontier, and page becomes what is known of url (nil forgets it, so the
// next crawl fetches url in full).
func (s *Store) CrawlVisit(scope, url string, page *CrawlPage, found []CrawlLink) error {
	err := s.db.Update(func(tx *bbolt.Tx) error {
		b, err := crawlBucket(tx, scope)
		if err != nil {
			return err
		}
		if err := b.Bucket(keyFrontier).Delete([]byte(url)); err != nil {
			return err
		}
		if err := b.Bucket(keyVisited).Put([]byte(url), visitedMark); err != nil {
			return err
		}
		if err := putCrawlPage(tx, url, page); err != nil {
			return err
		}
		return enqueue(tx, scope, found)
	})
	if err != nil {
		return fmt.Errorf("data.CrawlVisit %s: %w", url, err)
	}
	return nil
}

// CrawlClear forgets the frontier and visited set of scope, as when its
// crawl has completed. What is known of each page stays.
func (s *Store) CrawlClear(scope string) error {
	err := s.db.Update(func(tx *bbolt.Tx) error {
		err := tx.Bucket(bucketCrawls).DeleteBucket([]byte(scope))
		if errors.Is(err, bbolt.ErrBucketNotFound) {
			return nil
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("data.CrawlClear %s: %w", scope, err)
	}
	return nil
}

// CrawlPage returns what is known of url from an earlier crawl, or an
// error wrapping ErrNotFound.
func (s *Store) CrawlPage(url string) (*CrawlPage, error) {
	var page CrawlPage
	err := s.db.View(func(tx *bbolt.Tx) error {
		v := tx.Bucket(bucketCrawlPages).Get([]byte(url))
		if v == nil {
			return ErrNotFound
		}
		return json.Unmarshal(v, &page)
	})
	if err != nil {
		return nil, fmt.Errorf("data.CrawlPage %s: %w", url, err)
	}
	return &page, nil
}

// crawlBucket returns the bucket of scope, creating it and its frontier
// and visited buckets.
func crawlBucket(tx *bbolt.Tx, scope string) (*bbolt.Bucket, error) {
	b, err := tx.Bucket(bucketCrawls).CreateBucketIfNotExists([]byte(scope))
	if err != nil {
		return nil, err
	}
	for _, name := range [][]byte{keyFrontier, keyVisited} {
		if _, err := b.CreateBucketIfNotExists(name); err != nil {
			return nil, err
		}
	}
	return b, nil
}

// enqueue adds the links that are neither queued nor visited to the
// frontier of scope, each under the next sequence.
func enqueue(tx *bbolt.Tx, scope string, links []CrawlLink) error {
	b, err := crawlBucket(tx, scope)
	if err != nil {
		return err
	}
	frontier, visited := b.Bucket(keyFrontier), b.Bucket(keyVisited)
	for _, l := range links {
		k := []byte(l.URL)
		if len(k) == 0 || frontier.Get(k) != nil || visited.Get(k) != nil {
			continue
		}
		seq, err := b.NextSequence()
		if err != nil {
			return err
		}
		if err := frontier.Put(k, bytes.Join([][]byte{itob(seq), []byte(l.From)}, nil)); err != nil {
			return err
		}
	}
	return nil
}

func putCrawlPage(tx *bbolt.Tx, url string, page *CrawlPage) error {
	b := tx.Bucket(bucketCrawlPages)
	if page == nil {
		return b.Delete([]byte(url))
	}
	v, err := json.Marshal(page)
	if err != nil {
		return err
	}
	return b.Put([]byte(url), v)
}
