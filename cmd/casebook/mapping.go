package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"casebook/data"
	"casebook/indexer/records"
)

// loadMapping reads a record mapping from a file, or one shipped in
// data/reference/mappings by its name ("reuters21578").
func loadMapping(arg string) (*records.Mapping, error) {
	raw, err := os.ReadFile(arg)
	if errors.Is(err, fs.ErrNotExist) && !strings.ContainsAny(arg, `/\`) {
		raw, err = fs.ReadFile(data.Reference, "reference/mappings/"+strings.TrimSuffix(arg, ".json")+".json")
		if err != nil {
			return nil, fmt.Errorf("mapping %q: no such file, and no shipped mapping of that name (%s)", arg, shippedMappings())
		}
	}
	if err != nil {
		return nil, fmt.Errorf("mapping: %w", err)
	}
	m, err := records.LoadMapping(raw)
	if err != nil {
		return nil, fmt.Errorf("mapping %s: %w", arg, err)
	}
	return m, nil
}

func shippedMappings() string {
	entries, _ := fs.ReadDir(data.Reference, "reference/mappings")
	var names []string
	for _, e := range entries {
		names = append(names, strings.TrimSuffix(e.Name(), ".json"))
	}
	return "shipped: " + strings.Join(names, ", ")
}
