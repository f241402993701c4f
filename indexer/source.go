package indexer

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"casebook/data"
	"casebook/indexer/extract"
)

// Source is a tree of files to ingest: FS rooted where Label says. The
// source key of a file is Label + "/" + its path in FS.
type Source struct {
	FS    fs.FS
	Label string
	// Files, when set, limits the source to these paths in FS.
	Files []string
	// Skip names paths in FS that are not documents (a sample's README).
	Skip []string
	// Archive marks a mirrored newsletter site: pages are linked to their
	// other-language edition and dead links are reported.
	Archive bool
}

// PathSource returns the source for a file or folder on disk.
func PathSource(p string) (Source, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return Source{}, fmt.Errorf("indexer: %s: %w", p, err)
	}
	info, err := os.Stat(abs)
	if err != nil {
		return Source{}, fmt.Errorf("indexer: %w", err)
	}
	if info.IsDir() {
		return Source{FS: os.DirFS(abs), Label: filepath.ToSlash(abs)}, nil
	}
	dir := filepath.Dir(abs)
	return Source{FS: os.DirFS(dir), Label: filepath.ToSlash(dir), Files: []string{filepath.Base(abs)}}, nil
}

// SampleSource returns the bundled sample corpus.
func SampleSource() Source {
	sub, err := fs.Sub(data.Sample, "sample")
	if err != nil {
		panic(err) // "sample" is a valid path; Sub cannot fail
	}
	return Source{FS: sub, Label: "sample", Skip: []string{"README.md"}, Archive: true}
}

// files lists the regular files of the source, hidden ones left out.
func (s Source) files() ([]string, error) {
	if s.Files != nil {
		return s.Files, nil
	}
	var out []string
	err := fs.WalkDir(s.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() && !s.skipped(p) {
			out = append(out, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("indexer: listing %s: %w", s.Label, err)
	}
	return out, nil
}

func (s Source) skipped(p string) bool {
	for _, k := range s.Skip {
		if k == p {
			return true
		}
	}
	return false
}

// key is the source key of a file: where it came from.
func (s Source) key(p string) string { return path.Join(s.Label, p) }

// task reads file p of the source when a worker gets to it.
func (s Source) task(p string) task {
	return task{key: s.key(p), name: path.Base(p), read: func() ([]byte, error) { return readFile(s.FS, p) }}
}

// plural writes "1 file" or "2 files".
func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// readFile reads at most extract.MaxSize bytes; a larger file is an error.
func readFile(fsys fs.FS, p string) ([]byte, error) {
	file, err := fsys.Open(p)
	if err != nil {
		return nil, fmt.Errorf("cannot open: %w", err)
	}
	defer file.Close()
	raw, err := io.ReadAll(io.LimitReader(file, extract.MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", err)
	}
	if len(raw) > extract.MaxSize {
		return nil, fmt.Errorf("file is larger than the %d MiB limit: %w", extract.MaxSize>>20, extract.ErrTooLarge)
	}
	return raw, nil
}
