// Command gazetteer generates the bundled gazetteer, data/reference/
// cities.json and countries.json, from GeoNames files:
//
//	go run ./cmd/gazetteer -geonames ../shared/corpora/geonames -out data/reference
//
// It takes every city of 100,000 people or more from cities15000.zip, and
// the archive's own cities whatever their size; names them in English
// (keeping Casebook's established names, see overrides.go); keeps their
// other names in all scripts GeoNames gives, less codes, numbers, machine
// romanisations, common words and names of bigger cities; and marks the
// names that also mean something else. The output is sorted, so running it
// again on the same files gives the same bytes.
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing/fstest"

	"casebook/data"
	"casebook/indexer/enrich"
)

func main() {
	geonames := flag.String("geonames", "../shared/corpora/geonames", "folder with cities15000.zip, countryInfo.tsv, regionInfo.tsv and country_translations.json")
	out := flag.String("out", "data/reference", "folder to write cities.json and countries.json to")
	flag.Parse()
	st, err := generate(*geonames, *out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gazetteer:", err)
		os.Exit(1)
	}
	fmt.Printf("gazetteer: %d cities (%d ambiguous), %d aliases, %d countries\n", st.cities, st.ambiguous, st.aliases, st.countries)
}

// stats are the counts generate reports.
type stats struct{ cities, ambiguous, aliases, countries int }

// generate reads the GeoNames files in src, checks the result the way the
// enricher will load it, and writes cities.json and countries.json to out.
func generate(src, out string) (stats, error) {
	in, err := readSource(src)
	if err != nil {
		return stats{}, err
	}
	g, err := build(in)
	if err != nil {
		return stats{}, err
	}
	cities, err := encodeCities(g)
	if err != nil {
		return stats{}, err
	}
	countries, err := encodeCountries(g)
	if err != nil {
		return stats{}, err
	}
	if err := check(cities, countries); err != nil {
		return stats{}, err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return stats{}, err
	}
	if err := writeFile(filepath.Join(out, "cities.json"), cities); err != nil {
		return stats{}, err
	}
	if err := writeFile(filepath.Join(out, "countries.json"), countries); err != nil {
		return stats{}, err
	}
	return g.stats(), nil
}

// check loads the files with the enricher, which refuses inconsistent data.
func check(cities, countries []byte) error {
	themes, err := fs.ReadFile(data.Reference, "reference/themes.json")
	if err != nil {
		return err
	}
	_, err = enrich.NewFS(fstest.MapFS{
		"cities.json":    {Data: cities},
		"countries.json": {Data: countries},
		"themes.json":    {Data: themes},
	})
	return err
}

// writeFile replaces path with b through a temporary file.
func writeFile(path string, b []byte) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

func (g *gazetteer) stats() stats {
	st := stats{cities: len(g.cities), countries: len(g.countries)}
	for _, c := range g.cities {
		st.aliases += len(c.aliases)
		if c.ambiguous {
			st.ambiguous++
		}
	}
	return st
}
