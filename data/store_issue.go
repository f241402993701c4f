package data

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"

	"go.etcd.io/bbolt"
)

// The issue index, kept in the transaction of every document write and
// delete (writeDoc, deleteDoc):
//
//	issues          folder NUL lang NUL issue key NUL id -> id
//	                for each newsletter-issue document; the issues of one
//	                archive folder and language sort by year and month
//	issue_articles  issue id NUL position (4-byte big-endian) file NUL id -> id
//	                for each newsletter-article whose Issue.ID is set
//
// The folder of an issue is its source's folder, one level up for a
// contents page in a folder named after the issue (201207/index.html), so
// that both page shapes of one archive sort together. Entries are derived
// from the documents; Issue checks each against its document and skips
// stale ones, and ReindexIssues rebuilds them all.
var (
	bucketIssues        = []byte("issues")
	bucketIssueArticles = []byte("issue_articles")
)

// IssueView is a newsletter issue with its articles and its neighbours.
type IssueView struct {
	Issue    *Document
	Articles []IssueArticle // by position, then file
	Prev     IssueLink      // the issue before in the same folder and language; zero at the start
	Next     IssueLink      // the issue after; zero at the end
}

// IssueArticle is one article of an issue.
type IssueArticle struct {
	ID       string
	Title    string
	Summary  string
	Lang     string
	Position int
	Internal bool // only logged-in users may see it
}

// IssueLink names another issue.
type IssueLink struct {
	ID       string
	Title    string
	Label    string // "Second Issue"
	Internal bool
}

// Issue returns the issue document id with its articles in order and the
// previous and next issue of its folder and language. It returns an error
// wrapping ErrNotFound when there is no document id or it is not a
// newsletter issue.
func (s *Store) Issue(id string) (*IssueView, error) {
	var v *IssueView
	err := s.db.View(func(tx *bbolt.Tx) error {
		var err error
		v, err = issueView(tx, id)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("data.Issue %s: %w", id, err)
	}
	return v, nil
}

func issueView(tx *bbolt.Tx, id string) (*IssueView, error) {
	doc, err := getDocument(tx, id)
	if err != nil {
		return nil, err
	}
	if doc.Kind != KindNewsletterIssue {
		return nil, fmt.Errorf("%w: a %s, not a newsletter issue", ErrNotFound, doc.Kind)
	}
	v := &IssueView{Issue: doc, Articles: issueArticles(tx, id)}
	key, prefix := issueEntry(doc)
	prev, next := neighbours(tx.Bucket(bucketIssues).Cursor(), key, prefix)
	v.Prev, v.Next = issueLink(tx, prev), issueLink(tx, next)
	return v, nil
}

// issueArticles lists the articles indexed under issue id that still
// belong to it.
func issueArticles(tx *bbolt.Tx, id string) []IssueArticle {
	var out []IssueArticle
	prefix := []byte(issueKeyPart(id) + "\x00")
	c := tx.Bucket(bucketIssueArticles).Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		a, err := getDocument(tx, string(v))
		if err != nil || a.Issue == nil || a.Issue.ID != id {
			continue
		}
		out = append(out, IssueArticle{ID: a.ID, Title: a.Title, Summary: a.Summary, Lang: a.Lang, Position: a.Issue.Position, Internal: a.Internal()})
	}
	return out
}

// neighbours returns the values of the entries before and after key that
// share prefix; key itself need not be stored.
func neighbours(c *bbolt.Cursor, key, prefix []byte) (prev, next []byte) {
	k, _ := c.Seek(key)
	var pk, pv []byte
	if k == nil {
		pk, pv = c.Last()
	} else {
		pk, pv = c.Prev()
	}
	if pk != nil && bytes.HasPrefix(pk, prefix) {
		prev = pv
	}
	k, v := c.Seek(key)
	if bytes.Equal(k, key) {
		k, v = c.Next()
	}
	if k != nil && bytes.HasPrefix(k, prefix) {
		next = v
	}
	return prev, next
}

func issueLink(tx *bbolt.Tx, id []byte) IssueLink {
	if id == nil {
		return IssueLink{}
	}
	doc, err := getDocument(tx, string(id))
	if err != nil || doc.Kind != KindNewsletterIssue {
		return IssueLink{}
	}
	l := IssueLink{ID: doc.ID, Title: doc.Title, Internal: doc.Internal()}
	if doc.Issue != nil {
		l.Label = doc.Issue.Label
	}
	return l
}

// ReindexIssues rebuilds the issue index from every stored document, for
// a store written before the index existed. It reads every document.
func (s *Store) ReindexIssues() error {
	err := s.db.Update(func(tx *bbolt.Tx) error {
		for _, name := range [][]byte{bucketIssues, bucketIssueArticles} {
			if err := tx.DeleteBucket(name); err != nil && !errors.Is(err, bbolt.ErrBucketNotFound) {
				return err
			}
			if _, err := tx.CreateBucket(name); err != nil {
				return err
			}
		}
		return tx.Bucket(bucketDocs).ForEach(func(k, v []byte) error {
			var f issueFields
			if err := json.Unmarshal(v, &f); err != nil {
				return fmt.Errorf("decoding document %s: %w", k, err)
			}
			return indexIssue(tx, f.document())
		})
	})
	if err != nil {
		return fmt.Errorf("data.ReindexIssues: %w", err)
	}
	return nil
}

// reindexIssue replaces the entries of the stored version of doc, if
// any, by those of doc. Call it before doc is written.
func reindexIssue(tx *bbolt.Tx, doc *Document) error {
	if v := tx.Bucket(bucketDocs).Get([]byte(doc.ID)); v != nil {
		var old issueFields
		if err := json.Unmarshal(v, &old); err == nil {
			if err := unindexIssue(tx, old.document()); err != nil {
				return err
			}
		}
	}
	return indexIssue(tx, doc)
}

// issueFields are the fields of a stored document that its index entries
// derive from; decoding only these skips the text.
type issueFields struct {
	ID     string `json:"id"`
	Kind   string `json:"kind"`
	Lang   string `json:"lang"`
	Source string `json:"source"`
	Issue  *Issue `json:"issue"`
}

func (f issueFields) document() *Document {
	return &Document{ID: f.ID, Kind: f.Kind, Lang: f.Lang, Source: f.Source, Issue: f.Issue}
}

func indexIssue(tx *bbolt.Tx, doc *Document) error {
	if key, _ := issueEntry(doc); key != nil {
		return tx.Bucket(bucketIssues).Put(key, []byte(doc.ID))
	}
	if key := articleEntry(doc); key != nil {
		return tx.Bucket(bucketIssueArticles).Put(key, []byte(doc.ID))
	}
	return nil
}

// unindexIssue drops doc's entries.
func unindexIssue(tx *bbolt.Tx, doc *Document) error {
	if key, _ := issueEntry(doc); key != nil {
		return tx.Bucket(bucketIssues).Delete(key)
	}
	if key := articleEntry(doc); key != nil {
		return tx.Bucket(bucketIssueArticles).Delete(key)
	}
	return nil
}

// issueEntry is the key of an issue document and the prefix it shares
// with the issues of its folder and language; nil for other documents.
func issueEntry(doc *Document) (key, prefix []byte) {
	if doc.Kind != KindNewsletterIssue {
		return nil, nil
	}
	issueKey := ""
	if doc.Issue != nil {
		issueKey = doc.Issue.Key
	}
	p := issueKeyPart(issueFolder(doc.Source, issueKey)) + "\x00" + issueKeyPart(doc.Lang) + "\x00"
	return []byte(p + issueKeyPart(issueKey) + "\x00" + doc.ID), []byte(p)
}

// articleEntry is the key of an article placed in an issue; nil for other
// documents.
func articleEntry(doc *Document) []byte {
	if doc.Kind != KindNewsletterArticle || doc.Issue == nil || doc.Issue.ID == "" {
		return nil
	}
	pos := uint32(min(max(doc.Issue.Position, 0), math.MaxUint32))
	var b bytes.Buffer
	b.WriteString(issueKeyPart(doc.Issue.ID) + "\x00")
	b.Write(binary.BigEndian.AppendUint32(nil, pos))
	b.WriteString(issueKeyPart(sourceBase(doc.Source)) + "\x00" + doc.ID)
	return b.Bytes()
}

// issueFolder is the folder of an issue's source without query or
// fragment, one level up when the folder is named after the issue.
func issueFolder(source, issueKey string) string {
	src, _, _ := strings.Cut(source, "#")
	src, _, _ = strings.Cut(src, "?")
	dir := src[:max(strings.LastIndex(src, "/"), 0)]
	if i := strings.LastIndex(dir, "/"); issueKey != "" && dir[i+1:] == issueKey {
		dir = dir[:max(i, 0)]
	}
	return dir
}

// sourceBase is the last element of a source key, fragment included.
func sourceBase(source string) string { return source[strings.LastIndex(source, "/")+1:] }

// issueKeyPart keeps NUL, the key separator, out of a key component.
func issueKeyPart(s string) string { return strings.ReplaceAll(s, "\x00", "") }
