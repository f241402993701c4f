package data

import "embed"

// Reference holds the reference data Casebook ships with: the gazetteer
// (reference/cities.json) and the theme taxonomy (reference/themes.json).
//
//go:embed reference
var Reference embed.FS

// Sample is the bundled sample corpus that `casebook serve` ingests into an
// empty data dir.
//
//go:embed all:sample
var Sample embed.FS
