// Package indexer reads sources (files, folders, the bundled sample) and
// runs each file through the ingest pipeline: read, detect type, decode,
// extract (package extract), enrich (package enrich), store. It writes to
// the data store only; the search index follows the store's change log.
package indexer
