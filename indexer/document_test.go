package indexer

import "testing"

func TestNormalizePagesKeepsPageStarts(t *testing.T) {
	pages := []string{"ＣＯ２ and ﾊﾞﾝｺｸ\n\n", "ﬁrst ① page two\n\n", "page three"}
	var body string
	var starts []int
	for _, p := range pages {
		starts = append(starts, len(body))
		body += p
	}
	got, gotStarts := normalizePages(body, starts)
	want := []string{"CO2 and バンコク\n\n", "first 1 page two\n\n", "page three"}
	if len(gotStarts) != 3 {
		t.Fatalf("starts = %v", gotStarts)
	}
	for i, w := range want {
		end := len(got)
		if i+1 < len(gotStarts) {
			end = gotStarts[i+1]
		}
		if page := got[gotStarts[i]:end]; page != w {
			t.Errorf("page %d = %q, want %q", i+1, page, w)
		}
	}
}
