package search_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"casebook/data"
	"casebook/search"
)

// hitIDs lists a page's hits in their order.
func hitIDs(r *search.Result) []string {
	var out []string
	for _, h := range r.Hits {
		out = append(out, h.ID)
	}
	return out
}

// offsetOrder is every hit of req in order, read in one page.
func offsetOrder(t *testing.T, ix *search.Index, req search.Request) []string {
	t.Helper()
	req.Size = search.MaxSize
	res, err := ix.Search(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	return hitIDs(res)
}

// follow pages through req by Next cursors, calling between(page)
// before each page after the first, and returns the hits in order.
func follow(t *testing.T, ix *search.Index, req search.Request, between func(page int)) []string {
	t.Helper()
	var seen []string
	for page := 1; ; page++ {
		res, err := ix.Search(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		seen = append(seen, hitIDs(res)...)
		if res.Next == "" {
			return seen
		}
		if page > 20 {
			t.Fatal("Next never ends")
		}
		req.After, req.Page = res.Next, page+1
		between(page)
	}
}

func TestCursorPagesMatchOffsets(t *testing.T) {
	ix, _ := mustIndex(t)
	for _, req := range []search.Request{
		{Sort: search.SortNewest},
		{Sort: search.SortOldest},
		{Sort: search.SortTitle},
		{Sort: search.SortRelevance, Query: "waste OR flood OR games"},
		{Sort: search.SortRelevance}, // no words: newest
	} {
		t.Run(req.Sort+" "+req.Query, func(t *testing.T) {
			want := offsetOrder(t, ix, req)
			req.Size = 2
			if got := follow(t, ix, req, func(int) {}); !slices.Equal(got, want) {
				t.Errorf("by cursor %v, by offset %v", got, want)
			}
		})
	}
}

func TestCursorBackwards(t *testing.T) {
	ix, _ := mustIndex(t)
	req := search.Request{Sort: search.SortNewest, Size: 2}
	var pages [][]string
	var last *search.Result
	for range 3 {
		res, err := ix.Search(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, hitIDs(res))
		req.After, last = res.Next, res
	}
	if last.Next != "" || last.Prev == "" {
		t.Fatalf("last page: next %q prev %q", last.Next, last.Prev)
	}
	req.After, req.Before = "", last.Prev
	res, err := ix.Search(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(hitIDs(res), pages[1]) {
		t.Errorf("before page 3: %v, want page 2 %v", hitIDs(res), pages[1])
	}
	req.Before = res.Prev
	res, _ = ix.Search(context.Background(), req)
	if !slices.Equal(hitIDs(res), pages[0]) || res.Prev != "" || res.Next == "" {
		t.Errorf("before page 2: %v prev %q next %q, want page 1 %v, no prev", hitIDs(res), res.Prev, res.Next, pages[0])
	}
}

// TestCursorStableWhileAdding adds documents between pages, some
// sorting before the cursor and some after: every document there at
// the start is seen exactly once, in order, and so is every document
// added after the cursor. An offset would repeat hits instead.
func TestCursorStableWhileAdding(t *testing.T) {
	for _, sortName := range []string{search.SortNewest, search.SortOldest, search.SortTitle} {
		t.Run(sortName, func(t *testing.T) {
			ix, st := mustIndex(t)
			req := search.Request{Sort: sortName, Size: 2}
			before := offsetOrder(t, ix, req)
			added := 0
			got := follow(t, ix, req, func(page int) {
				for _, year := range []int{1990, 2012, 2030} {
					added++
					d := &data.Document{
						ID: fmt.Sprintf("added-%02d", added), Title: fmt.Sprintf("%c added", 'A'+added%26),
						Kind: data.KindReport, Year: year, Source: "test/added", Body: "added later",
					}
					if _, err := st.PutDocument(d, []byte(d.Body)); err != nil {
						t.Fatal(err)
					}
				}
				if _, err := ix.Apply(st); err != nil {
					t.Fatal(err)
				}
			})
			if dup := duplicates(got); len(dup) > 0 {
				t.Errorf("hits repeated: %v", dup)
			}
			var old []string
			for _, id := range got {
				if slices.Contains(before, id) {
					old = append(old, id)
				}
			}
			if !slices.Equal(old, before) {
				t.Errorf("first documents seen %v, want %v", old, before)
			}
			if !slices.IsSortedFunc(got, orderOf(t, ix, req)) {
				t.Errorf("pages out of order: %v", got)
			}
		})
	}
}

// orderOf compares ids by their place in req's full order now.
func orderOf(t *testing.T, ix *search.Index, req search.Request) func(a, b string) int {
	all := offsetOrder(t, ix, req)
	return func(a, b string) int { return slices.Index(all, a) - slices.Index(all, b) }
}

func duplicates(ids []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, id := range ids {
		if seen[id] {
			out = append(out, id)
		}
		seen[id] = true
	}
	return out
}

func TestCursorKeepsTotalAndFacets(t *testing.T) {
	ix, _ := mustIndex(t)
	req := search.Request{Sort: search.SortTitle, Size: 2, Filters: map[string][]string{"year": {"2009..2012"}}}
	first, err := ix.Search(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	req.After, req.Page = first.Next, 2
	second, err := ix.Search(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	if first.Total != 5 || second.Total != first.Total || second.Page != 2 {
		t.Errorf("totals %d and %d, page %d", first.Total, second.Total, second.Page)
	}
	a, _ := facetValue(first, "city", "Bangkok")
	b, _ := facetValue(second, "city", "Bangkok")
	if a.Count != 2 || a != b {
		t.Errorf("Bangkok on page 1 %+v, on page 2 %+v", a, b)
	}
}

func TestCursorErrors(t *testing.T) {
	ix, _ := mustIndex(t)
	res, err := ix.Search(context.Background(), search.Request{Sort: search.SortNewest, Size: 2})
	if err != nil || res.Next == "" {
		t.Fatalf("next %q, err %v", res.Next, err)
	}
	bad := []search.Request{
		{Sort: search.SortNewest, After: "garbage"},
		{Sort: search.SortNewest, After: res.Next + "x!"},
		{Sort: search.SortTitle, After: res.Next}, // made for another order
		{Sort: search.SortNewest, After: res.Next, Before: res.Next},
		{Sort: search.SortRelevance, Query: "waste", After: "relevance.bm90LWEtbnVtYmVy.aWQ"},
	}
	for _, req := range bad {
		if _, err := ix.Search(context.Background(), req); !errors.Is(err, search.ErrBadRequest) {
			t.Errorf("%+v: err = %v, want ErrBadRequest", req, err)
		}
	}
	deep := search.Request{Sort: search.SortNewest, Size: 2, Page: 9000, After: res.Next}
	if res, err := ix.Search(context.Background(), deep); err != nil || len(res.Hits) != 2 {
		t.Errorf("a deep page by cursor: %v, %v", res, err)
	}
}
