package web

import (
	"net/url"
	"reflect"
	"strings"
	"testing"

	"casebook/search"
)

func TestParseRequest(t *testing.T) {
	tests := []struct {
		name     string
		query    string
		want     search.Request
		problems int
	}{
		{"defaults", "", search.Request{Page: 1, Size: 10, Sort: "relevance"}, 0},
		{"query trimmed", "q=+flood+control+", search.Request{Query: "flood control", Page: 1, Size: 10, Sort: "relevance"}, 0},
		{"repeated city", "city=Bangkok&city=Hanoi&theme=flood",
			search.Request{Filters: map[string][]string{"city": {"Bangkok", "Hanoi"}, "theme": {"flood"}}, Page: 1, Size: 10, Sort: "relevance"}, 0},
		{"duplicates and blanks dropped", "city=Bangkok&city=Bangkok&city=+",
			search.Request{Filters: map[string][]string{"city": {"Bangkok"}}, Page: 1, Size: 10, Sort: "relevance"}, 0},
		{"year and range", "year=2009&year=2012..2010",
			search.Request{Filters: map[string][]string{"year": {"2009", "2010..2012"}}, Page: 1, Size: 10, Sort: "relevance"}, 0},
		{"range inputs", "year_from=2009&year_to=2012",
			search.Request{Filters: map[string][]string{"year": {"2009..2012"}}, Page: 1, Size: 10, Sort: "relevance"}, 0},
		{"open range", "year_from=2009",
			search.Request{Filters: map[string][]string{"year": {"2009..2100"}}, Page: 1, Size: 10, Sort: "relevance"}, 0},
		{"size capped", "size=500&page=3&sort=newest", search.Request{Page: 3, Size: 100, Sort: "newest"}, 0},
		{"bad page", "page=abc", search.Request{Page: 1, Size: 10, Sort: "relevance"}, 1},
		{"zero page", "page=0", search.Request{Page: 1, Size: 10, Sort: "relevance"}, 1},
		{"negative size", "size=-1", search.Request{Page: 1, Size: 10, Sort: "relevance"}, 1},
		{"bad year", "year=20x9&year=2009..", search.Request{Page: 1, Size: 10, Sort: "relevance"}, 2},
		{"year out of range", "year=1066", search.Request{Page: 1, Size: 10, Sort: "relevance"}, 1},
		{"bad sort", "sort=bogus", search.Request{Page: 1, Size: 10, Sort: "relevance"}, 1},
		{"too deep", "page=5000&size=100", search.Request{Page: 1, Size: 100, Sort: "relevance"}, 1},
		{"bad range inputs", "year_from=abc&year_to=2012", search.Request{Page: 1, Size: 10, Sort: "relevance"}, 1},
		{"exclusions", "not_city=Tokyo&not_city=Tokyo&not_year=2010..2009&city=Hanoi",
			search.Request{Filters: map[string][]string{"city": {"Hanoi"}}, Exclude: map[string][]string{"city": {"Tokyo"}, "year": {"2009..2010"}}, Page: 1, Size: 10, Sort: "relevance"}, 0},
		{"bad exclusion", "not_year=20x9&not_colour=red", search.Request{Page: 1, Size: 10, Sort: "relevance"}, 1},
		{"cursor", "after=newest.AAE-_x&page=3", search.Request{After: "newest.AAE-_x", Page: 3, Size: 10, Sort: "relevance"}, 0},
		{"cursor goes deeper than pages", "before=title.eA&page=5000&size=100", search.Request{Before: "title.eA", Page: 5000, Size: 100, Sort: "relevance"}, 0},
		{"bad cursor", "after=%3Cscript%3E", search.Request{Page: 1, Size: 10, Sort: "relevance"}, 1},
		{"both cursors", "after=a&before=b", search.Request{Page: 1, Size: 10, Sort: "relevance"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := url.ParseQuery(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			got, problems := ParseRequest(v)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("request = %+v, want %+v", got, tt.want)
			}
			if len(problems) != tt.problems {
				t.Errorf("problems = %q, want %d", problems, tt.problems)
			}
		})
	}
}

func TestParseRequestLimits(t *testing.T) {
	v := url.Values{"q": {strings.Repeat("é", maxQueryLen+5)}}
	for i := range maxValues + 2 {
		v.Add("city", "c"+strings.Repeat("x", i))
	}
	req, problems := ParseRequest(v)
	if n := len([]rune(req.Query)); n != maxQueryLen {
		t.Errorf("query has %d runes, want %d", n, maxQueryLen)
	}
	if n := len(req.Filters["city"]); n != maxValues {
		t.Errorf("%d cities kept, want %d", n, maxValues)
	}
	if len(problems) != 3 {
		t.Errorf("problems = %q, want 3", problems)
	}
}

func TestToggleValue(t *testing.T) {
	base, _ := ParseRequest(url.Values{
		"q": {"flood"}, "city": {"Hanoi"}, "theme": {"water"}, "page": {"3"}, "sort": {"newest"},
	})
	tests := []struct {
		name, facet, value, want string
	}{
		{"add keeps Hanoi", "city", "Bangkok", "city=Hanoi&city=Bangkok&q=flood&sort=newest&theme=water"},
		{"remove keeps others", "city", "Hanoi", "q=flood&sort=newest&theme=water"},
		{"other facet", "year", "2009..2012", "city=Hanoi&q=flood&sort=newest&theme=water&year=2009..2012"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ToggleValue(base, tt.facet, tt.value).Encode()
			if got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
	if got := base.Filters["city"]; !reflect.DeepEqual(got, []string{"Hanoi"}) {
		t.Errorf("ToggleValue changed its input: %q", got)
	}
	if got := ClearFilters(base).Encode(); got != "q=flood&sort=newest" {
		t.Errorf("ClearFilters = %s", got)
	}
}

func TestEncodeRequestRoundTrip(t *testing.T) {
	in := "q=flood&city=Bangkok&city=Hanoi&not_theme=Transport&year=2009..2012&not_year=2010&sort=title&size=20&page=2&after=title.eA"
	v, _ := url.ParseQuery(in)
	req, problems := ParseRequest(v)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	again, _ := ParseRequest(EncodeRequest(req))
	if !reflect.DeepEqual(req, again) {
		t.Errorf("round trip: %+v != %+v", again, req)
	}
}

func TestYearLabel(t *testing.T) {
	for in, want := range map[string]string{
		"2009": "2009", "2009..2012": "2009–2012", "1900..2012": "up to 2012", "2009..2100": "2009 and later",
	} {
		if got := valueLabel("year", in); got != want {
			t.Errorf("valueLabel(year, %s) = %q, want %q", in, got, want)
		}
	}
}

func TestToggleExclude(t *testing.T) {
	base, _ := ParseRequest(url.Values{
		"q": {"flood"}, "city": {"Hanoi", "Tokyo"}, "not_theme": {"water"}, "page": {"3"}, "after": {"newest.eA"},
	})
	tests := []struct {
		name string
		got  url.Values
		want string
	}{
		{"exclude another", ToggleExclude(base, "city", "Osaka"), "city=Hanoi&city=Tokyo&not_city=Osaka&not_theme=water&q=flood"},
		{"exclude a selected value unselects it", ToggleExclude(base, "city", "Tokyo"), "city=Hanoi&not_city=Tokyo&not_theme=water&q=flood"},
		{"include again", ToggleExclude(base, "theme", "water"), "city=Hanoi&city=Tokyo&q=flood"},
		{"selecting an excluded value includes it", ToggleValue(base, "theme", "water"), "city=Hanoi&city=Tokyo&q=flood&theme=water"},
		{"clear removes exclusions", ClearFilters(base), "q=flood"},
		{"page by number drops the cursor", PageQuery(base, 2), "city=Hanoi&city=Tokyo&not_theme=water&page=2&q=flood"},
		{"page 1 by cursor is page 1", CursorQuery(base, 1, "", "newest.eA"), "city=Hanoi&city=Tokyo&not_theme=water&q=flood"},
		{"cursor", CursorQuery(base, 4, "newest.eB", ""), "after=newest.eB&city=Hanoi&city=Tokyo&not_theme=water&page=4&q=flood"},
	}
	for _, tt := range tests {
		if got := tt.got.Encode(); got != tt.want {
			t.Errorf("%s: got %s, want %s", tt.name, got, tt.want)
		}
	}
	if !reflect.DeepEqual(base.Exclude, map[string][]string{"theme": {"water"}}) || len(base.Filters["city"]) != 2 {
		t.Errorf("toggling changed its input: %+v", base)
	}
}
