package web

import "casebook/search"

// pager is the page links under the results.
type pager struct {
	Prev, Next string
	Pages      []pageLink
}

// pageLink is a page number, the current page, or a gap ("…").
type pageLink struct {
	N       int
	URL     string
	Current bool
	Gap     bool
}

// pagerWindow is how many pages either side of the current one are
// linked; the first and last page always are.
const pagerWindow = 2

func newPager(req search.Request, total uint64) pager {
	last := lastPage(total, req.Size)
	if last <= 1 && req.Page <= 1 {
		return pager{}
	}
	var p pager
	if req.Page > 1 {
		p.Prev = pageURL(PageQuery(req, min(req.Page-1, max(last, 1))))
	}
	if req.Page < last {
		p.Next = pageURL(PageQuery(req, req.Page+1))
	}
	for n := 1; n <= last; n++ {
		near := n >= req.Page-pagerWindow && n <= req.Page+pagerWindow
		if n != 1 && n != last && !near {
			if k := len(p.Pages); k == 0 || !p.Pages[k-1].Gap {
				p.Pages = append(p.Pages, pageLink{Gap: true})
			}
			continue
		}
		p.Pages = append(p.Pages, pageLink{N: n, URL: pageURL(PageQuery(req, n)), Current: n == req.Page})
	}
	return p
}

// lastPage is the number of pages, but no deeper than the engine allows.
func lastPage(total uint64, size int) int {
	if size <= 0 {
		return 0
	}
	n := int((total + uint64(size) - 1) / uint64(size))
	return min(n, maxResultDeep/size)
}
