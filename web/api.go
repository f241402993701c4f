package web

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"

	"casebook/search"
)

// apiResult is the JSON of GET /api/v1/search.
type apiResult struct {
	Total  uint64                     `json:"total"`
	Page   int                        `json:"page"`
	Size   int                        `json:"size"`
	TookMS float64                    `json:"took_ms"`
	Hits   []apiHit                   `json:"hits"`
	Facets map[string][]apiFacetValue `json:"facets"`
	Notes  []string                   `json:"notes,omitempty"` // how parts of q were read
	// DidYouMean is q with misspelt words corrected; the hits already
	// include what the corrections find.
	DidYouMean string `json:"did_you_mean,omitempty"`
	// Next and Prev are cursors: pass one as after= or before= for the
	// page after or before this one; stable while documents are added.
	Next string `json:"next,omitempty"`
	Prev string `json:"prev,omitempty"`
}

type apiHit struct {
	ID         string       `json:"id"`
	Title      string       `json:"title"`
	Kind       string       `json:"kind"`
	Cities     []string     `json:"cities"`
	Themes     []string     `json:"themes"`
	Year       int          `json:"year"`
	Lang       string       `json:"lang"`
	Snippet    string       `json:"snippet"`
	Highlights []apiSegment `json:"highlights"`
	Page       int          `json:"page,omitempty"` // PDF page the snippet is on
	Source     string       `json:"source"`
	URL        string       `json:"url"`
}

type apiSegment struct {
	Text  string `json:"text"`
	Match bool   `json:"match"`
}

type apiFacetValue struct {
	Value    string `json:"value"`
	Count    int    `json:"count"`
	Selected bool   `json:"selected"`
	Excluded bool   `json:"excluded,omitempty"`
}

// serveAPISearch answers a search as JSON.
func (s *Server) serveAPISearch(w http.ResponseWriter, r *http.Request) {
	res, err := s.apiSearch(r.Context(), r.URL.Query(), scope(r))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, res)
}

// apiSearch runs the search the parameters describe. Unlike the page it
// refuses a request with any parameter it cannot use.
func (s *Server) apiSearch(ctx context.Context, params url.Values, sc search.Scope) (apiResult, error) {
	req, problems := ParseRequest(params)
	if len(problems) > 0 {
		return apiResult{}, badRequest(strings.Join(problems, "; "))
	}
	req.Internal = sc.Internal
	s.canonicalCities(&req)
	res, err := s.Search.Search(ctx, req)
	if err != nil {
		return apiResult{}, err
	}
	return newAPIResult(req, res), nil
}

func newAPIResult(req search.Request, res *search.Result) apiResult {
	out := apiResult{
		Total:      res.Total,
		Page:       cmpOr(res.Page, req.Page),
		Size:       cmpOr(res.Size, req.Size),
		TookMS:     float64(res.Took.Microseconds()) / 1000,
		Hits:       make([]apiHit, 0, len(res.Hits)),
		Facets:     map[string][]apiFacetValue{},
		Notes:      res.Notes,
		DidYouMean: res.DidYouMean,
		Next:       res.Next,
		Prev:       res.Prev,
	}
	for _, h := range res.Hits {
		out.Hits = append(out.Hits, newAPIHit(h))
	}
	for _, f := range res.Facets {
		vals := sortValues(f.Name, withSelected(req, f.Name, f.Values))
		list := make([]apiFacetValue, 0, len(vals))
		for _, v := range vals {
			list = append(list, apiFacetValue{Value: v.Value, Count: v.Count, Selected: v.Selected, Excluded: v.Excluded})
		}
		out.Facets[f.Name] = list
	}
	return out
}

func newAPIHit(h search.Hit) apiHit {
	var text strings.Builder
	segs := make([]apiSegment, 0, len(h.Snippet))
	for _, seg := range h.Snippet {
		text.WriteString(seg.Text)
		segs = append(segs, apiSegment{Text: seg.Text, Match: seg.Match})
	}
	return apiHit{
		ID:         h.ID,
		Title:      h.Title,
		Kind:       h.Kind,
		Cities:     nonNil(h.Cities),
		Themes:     nonNil(h.Themes),
		Year:       h.Year,
		Lang:       h.Lang,
		Snippet:    text.String(),
		Highlights: segs,
		Page:       h.Page,
		Source:     h.Source,
		URL:        docURL(h.ID, ""),
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func cmpOr(a, b int) int {
	if a != 0 {
		return a
	}
	return b
}

// writeJSON encodes v into a buffer first, so an encoding error is a
// clean 500 rather than half a body.
func writeJSON(w http.ResponseWriter, status int, v any) {
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(v); err != nil {
		status = http.StatusInternalServerError
		buf.Reset()
		buf.WriteString(`{"error":"` + msgInternal + `"}` + "\n")
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}
