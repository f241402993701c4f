package web

import (
	"encoding/json"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestAPISearchShape(t *testing.T) {
	ts := newTestServer(t)
	w := ts.get(t, "/api/v1/search?q=flood&city=Bangkok&city=Hanoi&year=2009..2012&size=500&sort=newest")
	if w.Code != http.StatusOK {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	if ct := w.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Errorf("content type %q", ct)
	}
	req := ts.search.last(t)
	if req.Size != 100 || req.Sort != "newest" || !reflect.DeepEqual(req.Filters["year"], []string{"2009..2012"}) {
		t.Errorf("request = %+v", req)
	}

	var got map[string]any
	if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	assertKeys(t, "result", got, "total", "page", "size", "took_ms", "hits", "facets")
	if got["total"] != 24.0 || got["page"] != 1.0 || got["size"] != 100.0 || got["took_ms"] != 1.5 {
		t.Errorf("total/page/size/took = %v %v %v %v", got["total"], got["page"], got["size"], got["took_ms"])
	}
	hit := got["hits"].([]any)[0].(map[string]any)
	assertKeys(t, "hit", hit, "id", "title", "kind", "cities", "themes", "year", "lang", "snippet", "highlights", "page", "source", "url")
	if hit["snippet"] != "how the city handled flood control" || hit["url"] != "/doc/a1" || hit["year"] != 2011.0 {
		t.Errorf("hit = %v", hit)
	}
	hl := hit["highlights"].([]any)
	if len(hl) != 3 || !reflect.DeepEqual(hl[1], map[string]any{"text": "flood", "match": true}) {
		t.Errorf("highlights = %v", hl)
	}
	facets := got["facets"].(map[string]any)
	cities := facets["city"].([]any)
	first := cities[0].(map[string]any)
	assertKeys(t, "facet value", first, "value", "count", "selected")
	if first["value"] != "Bangkok" || first["count"] != 12.0 || first["selected"] != true {
		t.Errorf("first city = %v", first)
	}
}

func assertKeys(t *testing.T, what string, m map[string]any, keys ...string) {
	t.Helper()
	var have []string
	for k := range m {
		have = append(have, k)
	}
	slices.Sort(have)
	slices.Sort(keys)
	if !slices.Equal(have, keys) {
		t.Errorf("%s keys = %q, want %q", what, have, keys)
	}
}

func TestAPIEmptyListsAreArrays(t *testing.T) {
	ts := newTestServer(t)
	ts.search.result.Hits, ts.search.result.Facets, ts.search.result.Total = nil, nil, 0
	body := ts.get(t, "/api/v1/search?q=none").Body.String()
	if !strings.Contains(body, `"hits":[]`) || !strings.Contains(body, `"facets":{}`) {
		t.Errorf("body = %s", body)
	}
}

func TestAPIBadParams(t *testing.T) {
	for _, q := range []string{"page=abc", "size=-1", "year=20x9", "sort=bogus", "page=0"} {
		t.Run(q, func(t *testing.T) {
			ts := newTestServer(t)
			w := ts.get(t, "/api/v1/search?"+q)
			if w.Code != http.StatusBadRequest {
				t.Fatalf("status %d", w.Code)
			}
			var got map[string]string
			if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil || got["error"] == "" || len(got) != 1 {
				t.Errorf("body %s (%v)", w.Body, err)
			}
			if len(ts.search.got) != 0 {
				t.Error("searched despite bad parameters")
			}
		})
	}
}

func TestAPIErrorsAreJSON(t *testing.T) {
	ts := newTestServer(t)
	w := ts.get(t, "/api/v1/nothing")
	if w.Code != http.StatusNotFound || !strings.HasPrefix(w.Header().Get("Content-Type"), "application/json") {
		t.Errorf("status %d, type %s", w.Code, w.Header().Get("Content-Type"))
	}
	ts.search.err = errFake
	w = ts.get(t, "/api/v1/search?q=x")
	if w.Code != http.StatusInternalServerError || !strings.Contains(w.Body.String(), `"error"`) || strings.Contains(w.Body.String(), errFake.Error()) {
		t.Errorf("status %d body %s", w.Code, w.Body)
	}
}
