package main

import (
	"archive/zip"
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// place is one row of the GeoNames geoname table (cities15000.txt).
type place struct {
	id          int
	name, ascii string
	alternates  []string
	lat, lon    float64
	featureCode string
	country     string // ISO 3166-1 alpha-2
	admin1      string // the admin1 code, e.g. "02"
	population  int
}

// countryRow is one row of countryInfo.tsv.
type countryRow struct {
	code, name, continent string
	population            int
	geonameID             int
}

// source is everything the generator reads from the GeoNames folder.
type source struct {
	places       []place
	countries    map[string]countryRow     // by ISO code
	admin1       map[string]string         // "CA.02" -> "British Columbia"
	admin1ASCII  map[string]string         // the same in ASCII
	translations map[int]map[string]string // country geonameid -> language -> name
}

func readSource(dir string) (*source, error) {
	src := &source{}
	var err error
	if src.places, err = readPlaces(filepath.Join(dir, "cities15000.zip")); err != nil {
		return nil, err
	}
	if src.countries, err = readCountries(filepath.Join(dir, "countryInfo.tsv")); err != nil {
		return nil, err
	}
	if src.admin1, src.admin1ASCII, err = readAdmin1(filepath.Join(dir, "regionInfo.tsv")); err != nil {
		return nil, err
	}
	b, err := os.ReadFile(filepath.Join(dir, "country_translations.json"))
	if err != nil {
		return nil, err
	}
	var byID map[string]map[string]string
	if err := json.Unmarshal(b, &byID); err != nil {
		return nil, fmt.Errorf("parse country_translations.json: %w", err)
	}
	src.translations = map[int]map[string]string{}
	for id, names := range byID {
		n, err := strconv.Atoi(id)
		if err != nil {
			return nil, fmt.Errorf("country_translations.json: key %q is not a geonameid", id)
		}
		src.translations[n] = names
	}
	return src, nil
}

// readPlaces reads the cities15000.txt member of the zip file at path.
func readPlaces(path string) ([]place, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name != "cities15000.txt" {
			continue
		}
		r, err := f.Open()
		if err != nil {
			return nil, err
		}
		defer r.Close()
		return parsePlaces(r)
	}
	return nil, fmt.Errorf("%s: no cities15000.txt member", path)
}

func parsePlaces(r io.Reader) ([]place, error) {
	var out []place
	err := eachRow(r, 19, func(line int, f []string) error {
		p := place{name: f[1], ascii: f[2], featureCode: f[7], country: f[8], admin1: f[10]}
		var errs [4]error
		p.id, errs[0] = strconv.Atoi(f[0])
		p.lat, errs[1] = strconv.ParseFloat(f[4], 64)
		p.lon, errs[2] = strconv.ParseFloat(f[5], 64)
		p.population, errs[3] = strconv.Atoi(f[14])
		for _, err := range errs {
			if err != nil {
				return fmt.Errorf("cities15000.txt line %d: %w", line, err)
			}
		}
		if f[3] != "" {
			p.alternates = strings.Split(f[3], ",")
		}
		out = append(out, p)
		return nil
	})
	return out, err
}

func readCountries(path string) (map[string]countryRow, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]countryRow{}
	err = eachRow(f, 17, func(line int, r []string) error {
		pop, err1 := strconv.Atoi(r[7])
		id, err2 := strconv.Atoi(r[16])
		if err1 != nil || err2 != nil {
			return fmt.Errorf("countryInfo.tsv line %d: bad population or geonameid", line)
		}
		out[r[0]] = countryRow{code: r[0], name: r[4], continent: r[8], population: pop, geonameID: id}
		return nil
	})
	return out, err
}

func readAdmin1(path string) (names, ascii map[string]string, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	names, ascii = map[string]string{}, map[string]string{}
	err = eachRow(f, 3, func(_ int, r []string) error {
		names[r[0]], ascii[r[0]] = r[1], r[2]
		return nil
	})
	return names, ascii, err
}

// eachRow calls fn with the tab-separated fields of every line that is
// not empty or a comment, and fails on a line with fewer than n fields.
func eachRow(r io.Reader, n int, fn func(line int, fields []string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Split(text, "\t")
		if len(fields) < n {
			return fmt.Errorf("line %d: %d fields, want at least %d", line, len(fields), n)
		}
		if err := fn(line, fields); err != nil {
			return err
		}
	}
	return sc.Err()
}
