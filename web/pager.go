package web

import "casebook/search"

// pager is the page links under the results. Previous and Next follow
// the engine's cursors when it gives them, so that paging on stays
// stable while documents are added; the numbered pages are offsets.
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

func newPager(req search.Request, res *search.Result) pager {
	last := lastPage(res.Total, req.Size)
	if last <= 1 && req.Page <= 1 {
		return pager{}
	}
	p := pager{Prev: prevURL(req, res, last), Next: nextURL(req, res, last)}
	for n := 1; n <= last; n++ {
		near := n >= req.Page-pagerWindow && n <= req.Page+pagerWindow
		if n != 1 && n != last && !near {
			p.gap()
			continue
		}
		p.Pages = append(p.Pages, pageLink{N: n, URL: pageURL(PageQuery(req, n)), Current: n == req.Page})
	}
	if req.Page > last && (req.After != "" || req.Before != "") {
		// deeper than numbered pages go, reached by cursor
		p.gap()
		p.Pages = append(p.Pages, pageLink{N: req.Page, URL: pageURL(EncodeRequest(req)), Current: true})
	}
	return p
}

func (p *pager) gap() {
	if k := len(p.Pages); k == 0 || !p.Pages[k-1].Gap {
		p.Pages = append(p.Pages, pageLink{Gap: true})
	}
}

func nextURL(req search.Request, res *search.Result, last int) string {
	switch {
	case res.Next != "":
		return pageURL(CursorQuery(req, req.Page+1, res.Next, ""))
	case len(res.Hits) > 0 && req.After == "" && req.Before == "" && req.Page < last:
		return pageURL(PageQuery(req, req.Page+1)) // an engine without cursors
	}
	return ""
}

func prevURL(req search.Request, res *search.Result, last int) string {
	switch {
	case req.Page <= 1:
		return ""
	case res.Prev != "":
		return pageURL(CursorQuery(req, req.Page-1, "", res.Prev))
	}
	return pageURL(PageQuery(req, min(req.Page-1, max(last, 1))))
}

// lastPage is the number of pages, but no deeper than the engine allows.
func lastPage(total uint64, size int) int {
	if size <= 0 {
		return 0
	}
	n := int((total + uint64(size) - 1) / uint64(size))
	return min(n, maxResultDeep/size)
}
