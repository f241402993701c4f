package extract

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestFactTable(t *testing.T) {
	tests := []struct {
		name, md string
		meta     map[string][]string
		body     string
	}{
		{"bold keys, no header",
			"| **City** | [Tokyo](/tokyo/) – 2018 Special Mention |\n| **Type** | Urban planning/ transport & mobility |\n| **Period** | Approximately 60 years  |\n\nText.",
			map[string][]string{"city": {"Tokyo"}, "type": {"Urban planning/ transport & mobility"}, "period": {"Approximately 60 years"}}, "Text."},
		{"empty header row",
			"| | |\n|---|---|\n| **City** | Hanoi |\n| **Program** | Green corridors |",
			map[string][]string{"city": {"Hanoi"}, "programme": {"Green corridors"}}, ""},
		{"first fact as header",
			"| **City** | [Tokyo](/tokyo/) |\n|---|---|\n| **Type** | Urban regeneration |",
			map[string][]string{"city": {"Tokyo"}, "type": {"Urban regeneration"}}, ""},
		{"plain keys, any case, colon",
			"| CITY: | Cebu |\n| country | Philippines |\n| Theme | Waste; Water |",
			map[string][]string{"city": {"Cebu"}, "country": {"Philippines"}, "theme": {"Waste", "Water"}}, ""},
		{"unknown rows dropped with the table",
			"| **City** | Seoul |\n| **Type** | Governance |\n| **Sections** | **1** [In brief](#in-brief) <br> **2** [Impacts](#impacts) |\n\nAfter.",
			map[string][]string{"city": {"Seoul"}, "type": {"Governance"}}, "After."},
		{"data table with a known header stays",
			"| City | Population |\n|---|---|\n| Tokyo | 14m |\n| Osaka | 2.7m |",
			nil, "City Population\n\nTokyo 14m\n\nOsaka 2.7m"},
		{"numbers as labels stay",
			"| Year | Budget |\n|---|---|\n| 2010 | 5m |",
			nil, "Year Budget\n\n2010 5m"},
		{"three columns stay",
			"| **City** | Tokyo | Japan |\n| **Type** | A | B |",
			nil, "City Tokyo Japan\n\nType A B"},
		{"half known is not enough",
			"| **City** | Tokyo |\n| **Mayor** | Someone |",
			nil, "City Tokyo\n\nMayor Someone"},
		{"first table wins, second adds",
			"| City | Ipoh |\n| Type | Study |\n\nText.\n\n| City | Penang |\n| Year | 2020 |",
			map[string][]string{"city": {"Ipoh"}, "type": {"Study"}, "year": {"2020"}}, "Text."},
		{"inside a code block stays code",
			"```\n| City | Tokyo |\n| Type | X |\n```",
			nil, "| City | Tokyo |\n| Type | X |"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := extractMarkdown(tt.md)
			meta := res.Meta
			if len(meta) == 0 {
				meta = nil
			}
			if !reflect.DeepEqual(meta, tt.meta) {
				t.Errorf("Meta = %q, want %q", meta, tt.meta)
			}
			if res.Body != tt.body {
				t.Errorf("Body = %q, want %q", res.Body, tt.body)
			}
		})
	}
}

func TestFactValues(t *testing.T) {
	tests := []struct {
		key, cell string
		want      []string
	}{
		{"city", "[Medellín](/medellin/) – 2016 Laureate", []string{"Medellín"}},
		{"city", "[Tokyo](/t/) and [Osaka](/o/), [Tokyo](/t/)", []string{"Tokyo", "Osaka"}},
		{"city", "Minneapolis and Saint Paul", []string{"Minneapolis", "Saint Paul"}},
		{"city", "Tokyo, Osaka and Kyoto", []string{"Tokyo", "Osaka", "Kyoto"}},
		{"city", "Tokyo; Osaka;", []string{"Tokyo", "Osaka"}},
		{"city", "Hong Kong, China", []string{"Hong Kong, China"}},
		{"city", "Washington, D.C.", []string{"Washington, D.C."}},
		{"city", "3 locations in Seoul and Busan", []string{"3 locations in Seoul and Busan"}},
		{"city", "Seoul and its satellite towns", []string{"Seoul and its satellite towns"}},
		{"city", "東京、大阪", []string{"東京、大阪"}},
		{"country", "Trinidad and Tobago", []string{"Trinidad and Tobago"}},
		{"country", "Japan, Korea and China", []string{"Japan", "Korea", "China"}},
		{"type", "Urban regeneration, climate change adaptation", []string{"Urban regeneration, climate change adaptation"}},
		{"scope", "63 km<sup>2</sup> (area within [the line](/x/))", []string{"63 km2 (area within the line)"}},
		{"date", "14 June 2012", []string{"2012-06-14"}},
		{"date", "Spring 2012", []string{"Spring 2012"}},
		{"theme", "Water; ; Heat", []string{"Water", "Heat"}},
		{"period", " ", nil},
	}
	for _, tt := range tests {
		if got := factValues(tt.key, tt.cell); !slices.Equal(got, tt.want) {
			t.Errorf("factValues(%q, %q) = %q, want %q", tt.key, tt.cell, got, tt.want)
		}
	}
}

// TestFactTableFrontMatterWins: front matter values replace the table's
// for the same key; the table's other keys stay.
func TestFactTableFrontMatterWins(t *testing.T) {
	md := "---\ncity: [Kawasaki, Yokohama]\n---\n\n| **City** | [Tokyo](/tokyo/) |\n| **Type** | Eco-town |\n\nText about the eco-town."
	res, err := File("x.md", []byte(md))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{"city": {"Kawasaki", "Yokohama"}, "type": {"Eco-town"}}
	if !reflect.DeepEqual(res.Meta, want) {
		t.Errorf("Meta = %q, want %q", res.Meta, want)
	}
}

// lkywcpDir is ../shared/corpora/lkywcp-case-studies seen from the
// repository root.
const lkywcpDir = "../../../shared/corpora/lkywcp-case-studies"

var (
	cityRowRE  = regexp.MustCompile(`^\| *\*\*City\*\* *\|`)
	linkTextRE = regexp.MustCompile(`\[([^\]]+)\]\(`)
)

// TestLkywcpFactTables reads every real case study with a City table: its
// Meta names the linked city and a type, and no row of the table is left
// in the body.
func TestLkywcpFactTables(t *testing.T) {
	if _, err := os.Stat(lkywcpDir); err != nil {
		t.Skip("../shared/corpora not present: " + err.Error())
	}
	n := 0
	err := filepath.WalkDir(lkywcpDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if rows := factRows(string(raw)); rows != nil {
			n++
			checkLkywcp(t, path, raw, rows)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 50 {
		t.Errorf("found %d case studies with a City table, want at least 50", n)
	}
	t.Logf("%d case studies with a City table", n)
}

// factRows returns the table lines around the "| **City** |" row.
func factRows(md string) []string {
	lines := strings.Split(md, "\n")
	for i, line := range lines {
		if !cityRowRE.MatchString(line) {
			continue
		}
		start, end := i, i
		for start > 0 && isTableLine(lines[start-1]) {
			start--
		}
		for end < len(lines) && isTableLine(lines[end]) {
			end++
		}
		return lines[start:end]
	}
	return nil
}

func checkLkywcp(t *testing.T, path string, raw []byte, rows []string) {
	t.Helper()
	name := strings.TrimPrefix(path, lkywcpDir+"/")
	res, err := File(filepath.Base(path), raw)
	if err != nil {
		t.Errorf("%s: %v", name, err)
		return
	}
	var city string
	for _, row := range rows {
		if m := linkTextRE.FindStringSubmatch(row); m != nil && cityRowRE.MatchString(row) {
			city = m[1]
		}
	}
	if got := res.Meta["city"]; len(got) != 1 || got[0] != city {
		t.Errorf("%s: Meta[city] = %q, want [%q]", name, got, city)
	}
	if len(res.Meta["type"]) != 1 || res.Meta["type"][0] == "" {
		t.Errorf("%s: Meta[type] = %q, want one value", name, res.Meta["type"])
	}
	paras := strings.Split(res.Body, "\n\n")
	for _, row := range rows {
		if text := tableRow(row); text != "" && slices.Contains(paras, text) {
			t.Errorf("%s: table row %q left in the body", name, text)
		}
	}
	if strings.Contains(res.Body, "Key issues before project") {
		t.Errorf("%s: the Sections row is in the body", name)
	}
}
