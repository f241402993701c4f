package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"casebook/data"
	"casebook/search"
)

// defaultDataDir is where runtime state lives unless told otherwise.
const defaultDataDir = "./casebook-data"

// newFlagSet returns a flag set that reports errors instead of exiting.
func newFlagSet(name string, errOut io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(errOut)
	return fs
}

// dataDirFlag registers --data-dir with its CASEBOOK_DATA_DIR fallback.
func dataDirFlag(fs *flag.FlagSet) *string {
	return fs.String("data-dir", env("CASEBOOK_DATA_DIR", defaultDataDir), "folder for the store, the index and originals (env CASEBOOK_DATA_DIR)")
}

func env(name, def string) string {
	if v, ok := os.LookupEnv(name); ok && v != "" {
		return v
	}
	return def
}

// parse parses args and turns -h and bad flags into errUsage.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	return nil
}

// app is the store and index of one data dir.
type app struct {
	store *data.Store
	index *search.Index
}

// openApp opens the store, then the index beside it.
func openApp(dataDir string) (*app, error) {
	store, err := data.Open(dataDir)
	if errors.Is(err, data.ErrLocked) {
		return nil, fmt.Errorf("%s: %w", dataDir, data.ErrLocked)
	}
	if err != nil {
		return nil, err
	}
	ix, err := search.Open(filepath.Join(dataDir, "index"))
	if err != nil {
		store.Close()
		return nil, err
	}
	// Staff edit synonyms here, in Solr's format; searches reread it.
	ix.SetSynonymsFile(filepath.Join(dataDir, SynonymsFile))
	return &app{store: store, index: ix}, nil
}

// SynonymsFile is the staff synonym list in the data folder.
const SynonymsFile = "synonyms.txt"

// Close closes the index, then the store: the reverse of opening.
func (a *app) Close() error {
	return errors.Join(a.index.Close(), a.store.Close())
}

// plural writes "1 file" or "2 files".
func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, word)
	}
	if strings.HasSuffix(word, "y") {
		return fmt.Sprintf("%d %sies", n, strings.TrimSuffix(word, "y"))
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// version is the module version the binary was built from, or "dev".
func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}
