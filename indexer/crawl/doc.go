// Package crawl fetches the pages of a web site that lie under a URL
// prefix (the scope) and hands them on for ingest, the way a site mirror
// tool would, but politely and resumably:
//
//   - robots.txt of the host is obeyed (RFC 9309 rules for the crawler's
//     user agent, else for "*"), and its Crawl-delay when larger than the
//     crawler's own delay between requests to a host;
//   - links (a and area href, frame and iframe src, meta refresh) are
//     resolved, stripped of fragments and normalised, and followed only
//     within the scope; redirects too; no URL is fetched twice in a run;
//   - each page's ETag, Last-Modified and content hash are kept in a State,
//     so a later crawl asks conditionally and passes over unchanged pages;
//   - the frontier (URLs found, not yet fetched) and the visited set are
//     saved in the State as the crawl goes, so an interrupted crawl
//     continues where it stopped; a crawl that completes clears them.
//
// The package knows nothing of the pipeline or the store: Run hands each
// page to a function, and data.Store implements State.
package crawl
