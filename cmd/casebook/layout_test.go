package main

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// allowed lists, for each top-level package, the top-level packages it may
// import: dependencies point cmd -> web -> (search, indexer) -> data.
var allowed = map[string][]string{
	"data":    {"data"},
	"indexer": {"indexer", "data"},
	"search":  {"search", "data"},
	"web":     {"web", "search", "indexer", "data"},
	"cmd":     {"cmd", "web", "search", "indexer", "data"},
}

// TestDependencyDirection fails when a package imports against the arrows,
// or production code imports "testing".
func TestDependencyDirection(t *testing.T) {
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		top := strings.Split(filepath.ToSlash(rel), "/")[0]
		rules, ok := allowed[top]
		if !ok {
			return nil
		}
		checkImports(t, path, rel, rules)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func checkImports(t *testing.T, path, rel string, rules []string) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := parser.ParseFile(token.NewFileSet(), path, src, parser.ImportsOnly)
	if err != nil {
		t.Fatal(err)
	}
	// Test files and test-helper packages (web/browsertest) may import testing.
	isTest := strings.HasSuffix(path, "_test.go") || strings.HasSuffix(filepath.Base(filepath.Dir(path)), "test")
	for _, imp := range f.Imports {
		p, _ := strconv.Unquote(imp.Path.Value)
		if p == "testing" && !isTest {
			t.Errorf("%s: production code imports testing", rel)
		}
		if !strings.HasPrefix(p, "casebook/") {
			continue
		}
		dep := strings.Split(strings.TrimPrefix(p, "casebook/"), "/")[0]
		if !contains(rules, dep) {
			t.Errorf("%s imports %s: %s may import only %v", rel, p, strings.Split(rel, string(filepath.Separator))[0], rules)
		}
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
