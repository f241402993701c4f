package crawl

import (
	"fmt"
	"slices"
	"sync"

	"casebook/data"
)

// State is where a crawler keeps what must outlive a run: the progress of
// the crawl of each scope, and what it knows of every page it ingested.
// *data.Store implements it; MemState keeps it in memory.
type State interface {
	// CrawlProgress returns the saved frontier and visited set of scope,
	// both empty when no crawl of scope is under way.
	CrawlProgress(scope string) (*data.CrawlProgress, error)
	// CrawlEnqueue adds links to the frontier of scope unless already
	// queued or visited.
	CrawlEnqueue(scope string, links []data.CrawlLink) error
	// CrawlVisit moves url from the frontier of scope to its visited set,
	// queues found and stores page as what is known of url (nil forgets
	// it), all in one step.
	CrawlVisit(scope, url string, page *data.CrawlPage, found []data.CrawlLink) error
	// CrawlClear forgets the frontier and visited set of scope.
	CrawlClear(scope string) error
	// CrawlPage returns what is known of url, or an error wrapping
	// data.ErrNotFound.
	CrawlPage(url string) (*data.CrawlPage, error)
}

// MemState is a State in memory, for tests and one-off crawls. The zero
// value is ready to use.
type MemState struct {
	mu     sync.Mutex
	crawls map[string]*memCrawl
	pages  map[string]data.CrawlPage
}

type memCrawl struct {
	frontier []data.CrawlLink
	visited  map[string]bool
}

func (m *MemState) crawl(scope string) *memCrawl {
	if m.crawls == nil {
		m.crawls, m.pages = map[string]*memCrawl{}, map[string]data.CrawlPage{}
	}
	c := m.crawls[scope]
	if c == nil {
		c = &memCrawl{visited: map[string]bool{}}
		m.crawls[scope] = c
	}
	return c
}

// CrawlProgress implements State.
func (m *MemState) CrawlProgress(scope string) (*data.CrawlProgress, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	c := m.crawl(scope)
	p := &data.CrawlProgress{Frontier: slices.Clone(c.frontier)}
	for u := range c.visited {
		p.Visited = append(p.Visited, u)
	}
	slices.Sort(p.Visited)
	return p, nil
}

// CrawlEnqueue implements State.
func (m *MemState) CrawlEnqueue(scope string, links []data.CrawlLink) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.crawl(scope).enqueue(links)
	return nil
}

func (c *memCrawl) enqueue(links []data.CrawlLink) {
	for _, l := range links {
		queued := slices.ContainsFunc(c.frontier, func(q data.CrawlLink) bool { return q.URL == l.URL })
		if l.URL != "" && !queued && !c.visited[l.URL] {
			c.frontier = append(c.frontier, l)
		}
	}
}

// CrawlVisit implements State.
func (m *MemState) CrawlVisit(scope, url string, page *data.CrawlPage, found []data.CrawlLink) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	c := m.crawl(scope)
	c.frontier = slices.DeleteFunc(c.frontier, func(q data.CrawlLink) bool { return q.URL == url })
	c.visited[url] = true
	if page == nil {
		delete(m.pages, url)
	} else {
		p := *page
		p.Links = slices.Clone(page.Links)
		m.pages[url] = p
	}
	c.enqueue(found)
	return nil
}

// CrawlClear implements State.
func (m *MemState) CrawlClear(scope string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.crawls, scope)
	return nil
}

// CrawlPage implements State.
func (m *MemState) CrawlPage(url string) (*data.CrawlPage, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	p, ok := m.pages[url]
	if !ok {
		return nil, fmt.Errorf("crawl.MemState %s: %w", url, data.ErrNotFound)
	}
	p.Links = slices.Clone(p.Links)
	return &p, nil
}

// The store keeps crawls across runs.
var _ State = (*data.Store)(nil)
