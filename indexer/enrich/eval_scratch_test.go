package enrich_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"casebook/indexer/extract"
)

func TestScratchLK(t *testing.T) {
	root := "../../../shared/corpora/lkywcp-case-studies"
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if d.IsDir() || !strings.HasSuffix(p, ".md") {
			return nil
		}
		raw, _ := os.ReadFile(p)
		res, err := extract.File(p, raw)
		if err != nil {
			return nil
		}
		if len(res.Meta["city"]) == 0 && len(res.Meta["type"]) == 0 {
			return nil
		}
		fmt.Printf("%s\n  title=%q\n  meta=%q\n  table-in-body=%v\n", strings.TrimPrefix(p, root), res.Title, res.Meta, strings.Contains(res.Body, "**City**") || strings.Contains(res.Body, "| City"))
		return nil
	})
}
