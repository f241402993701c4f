package enrich

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"strings"

	"golang.org/x/text/unicode/norm"

	"casebook/data"
	"casebook/indexer/archive"
	"casebook/indexer/extract"
	"casebook/indexer/records"
)

// Loader reads the documents that labels name by path, the way ingest
// reads them: records with a mapping when one matches the file name, else
// extraction by content; then the same title, summary, heading and body
// clean-up as the ingest pipeline, and the file's or part's metadata.
// It mirrors the pipeline's document building (indexer/document.go),
// which it cannot call since package indexer imports this one: a change
// there belongs here too.
type Loader struct {
	Dir      string             // the labels file's folder; "" is the working folder
	Mappings []*records.Mapping // record mappings, as for ingest --mapping
}

// labelledMeta are the metadata keys that would give the labelled facets
// away: a case study's City and Type table, front matter themes, a
// record's places and date.
var labelledMeta = []string{"city", "cities", "country", "countries", "theme", "themes", "type", "year", "date"}

// withoutLabelled returns meta without the labelledMeta keys.
func withoutLabelled(meta map[string][]string) map[string][]string {
	out := maps.Clone(meta)
	for _, k := range labelledMeta {
		delete(out, k)
	}
	return out
}

// evalSplitPath cuts a label's path into the file and the part key after "#".
func evalSplitPath(p string) (file, key string) {
	file, key, _ = strings.Cut(p, "#")
	return file, key
}

// resolve finds a label's file: an absolute path as is, a relative one in
// l.Dir or the nearest folder above it that has it.
func (l *Loader) resolve(file string) (string, error) {
	p := filepath.FromSlash(file)
	if filepath.IsAbs(p) {
		return p, nil
	}
	dir, err := filepath.Abs(cmp.Or(l.Dir, "."))
	if err != nil {
		return "", err
	}
	first := filepath.Join(dir, p)
	for {
		cand := filepath.Join(dir, p)
		if _, err := os.Stat(cand); err == nil {
			return cand, nil
		}
		up := filepath.Dir(dir)
		if up == dir {
			return "", fmt.Errorf("%s: %w (looked in %s and the folders above)", file, fs.ErrNotExist, filepath.Dir(first))
		}
		dir = up
	}
}

// extract reads and extracts one file.
func (l *Loader) extract(file string) (*extract.Result, error) {
	p, err := l.resolve(file)
	if err != nil {
		return nil, err
	}
	raw, err := os.ReadFile(p)
	if err != nil {
		return nil, err
	}
	name := filepath.Base(p)
	for _, m := range l.Mappings {
		if m.Matches(name) {
			return records.Extract(m, name, raw)
		}
	}
	return extract.File(name, raw)
}

// errNoPart means a label names a part its file does not have.
var errNoPart = errors.New("no such part")

// evalDocument builds the document a path label names from its file's
// extraction, with the metadata enrichment would get.
func evalDocument(l Label, res *extract.Result) (*data.Document, map[string][]string, error) {
	file, key := evalSplitPath(l.Path)
	if key == "" {
		if len(res.Parts) > 0 && strings.TrimSpace(res.Body) == "" {
			return nil, nil, fmt.Errorf("%s holds %d parts and no text of its own: name one as %s#KEY (with --mapping for records)",
				file, len(res.Parts), file)
		}
		return evalFileDocument(l.Path, res), res.Meta, nil
	}
	for _, part := range res.Parts {
		if part.Key == key {
			doc := evalPartDocument(l.Path, res, part)
			return doc, evalMergeMeta(res.Meta, part.Meta), nil
		}
	}
	hint := ""
	if len(res.Parts) == 0 {
		hint = " (the file has no parts; records need a mapping)"
	}
	return nil, nil, fmt.Errorf("%s: %w %q%s", file, errNoPart, key, hint)
}

// evalTextDocument is the document of a text label.
func evalTextDocument(l Label) *data.Document {
	return &data.Document{Title: evalClean(l.Title), Body: norm.NFKC.String(l.Text)}
}

func evalFileDocument(source string, res *extract.Result) *data.Document {
	doc := &data.Document{
		Source:   source,
		Lang:     res.Lang,
		Title:    evalClean(res.Title),
		Summary:  evalClean(res.Summary),
		Headings: evalCleanAll(res.Headings),
		Body:     norm.NFKC.String(res.Body),
		Issue:    evalIssue(source, res.Meta, 0),
	}
	if doc.Title == "" {
		file, _ := evalSplitPath(source)
		doc.Title = path.Base(file)
	}
	return doc
}

func evalPartDocument(source string, res *extract.Result, part extract.Part) *data.Document {
	doc := &data.Document{
		Source:   source,
		Part:     part.Key,
		Lang:     cmp.Or(part.Lang, res.Lang),
		Title:    evalClean(part.Title),
		Summary:  evalClean(part.Summary),
		Headings: evalCleanAll(part.Headings),
		Body:     norm.NFKC.String(part.Body),
		Issue:    evalIssue(source, evalMergeMeta(res.Meta, part.Meta), part.Position),
	}
	if doc.Title == "" {
		file, _ := evalSplitPath(source)
		doc.Title = fmt.Sprintf("%s, part %d", path.Base(file), part.Position)
	}
	return doc
}

// evalIssue places a newsletter page or article in its issue, as ingest
// does; the year may come from the issue.
func evalIssue(source string, meta map[string][]string, position int) *data.Issue {
	label := ""
	if vs := meta["issue"]; len(vs) > 0 {
		label = strings.TrimSpace(vs[0])
	}
	file, _ := evalSplitPath(source)
	kind, key, pos := archive.Classify(file)
	if kind == "" && label == "" {
		return nil
	}
	if position > 0 {
		pos = position
	}
	return &data.Issue{Label: label, Number: archive.IssueNumber(label), Key: key, Position: pos}
}

func evalMergeMeta(file, part map[string][]string) map[string][]string {
	out := make(map[string][]string, len(file)+len(part))
	maps.Copy(out, file)
	maps.Copy(out, part)
	return out
}

func evalClean(s string) string { return strings.Join(strings.Fields(norm.NFKC.String(s)), " ") }

func evalCleanAll(ss []string) []string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		if c := evalClean(s); c != "" {
			out = append(out, c)
		}
	}
	return out
}
