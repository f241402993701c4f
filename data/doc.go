// Package data is Casebook's system of record: documents, their change log,
// ingest jobs, accounts and content-addressed originals, kept in a bbolt
// file and a folder beside it. It also ships the reference data
// (gazetteer, themes) and the sample corpus. It imports no other Casebook
// package.
//
// # Buckets
//
//	meta     "schema" -> schema version
//	docs     document id -> JSON Document
//	sources  source key -> document id (every source of a document)
//	hashes   original hash + NUL + part -> document id, to find duplicates
//	changes  8-byte big-endian sequence -> JSON Change
//	jobs     8-byte big-endian job id -> JSON Job
//	issues, issue_articles   newsletter issues by folder, language and
//	         month, and their articles by position (store_issue.go)
//	crawls, crawlpages       per-scope crawl frontier and visited set, and
//	         per-URL validators for conditional re-fetch (store_crawl.go)
//	users    user name -> JSON user with its bcrypt hash (user.go)
//	sessions SHA-256 of the session token -> JSON Session (session.go)
//	tokens   SHA-256 of the API token secret -> JSON Token (token.go)
//	audit    8-byte big-endian sequence -> JSON AuditEntry (audit.go)
//	corrections  document id -> JSON []Correction, staff overrides
//	         applied on every write (correction.go)
//	trash    document id -> JSON TrashEntry: deleted documents an admin
//	         can restore; out of docs, so out of the index (store_trash.go)
//
// # Invariants
//
// Every document write appends a Change in the same transaction, so the
// derived index can replay anything it has not applied. Originals are
// written (temp file, rename) and made durable (syncfs, or fsync per file
// off Linux) before the records naming them commit; a crash in between
// leaves at most an unreferenced blob, never a record without one.
//
// Every user and token change, and every staff edit, deletion, restore
// and purge of a document, appends an AuditEntry in the same
// transaction. Secrets (passwords, session tokens, API tokens) are
// stored only as hashes.
//
// # Caveats
//
// bbolt allows one process per file: Open fails with ErrLocked after a
// short timeout instead of waiting for a running server to let go.
package data
