package enrich

import (
	"cmp"
	"context"
	"fmt"
	"runtime"
	"sync"

	"casebook/data"
)

// Evaluate reads the labelled documents with l, tags them and scores the
// tags against the labels. Enrichment sees only what a user would give
// it: the source's metadata for the labelled facets (city, country,
// theme, type, year, date and their plurals) is removed first, so that
// the tags come from the text and not from the labels.
//
// Label values should be canonical (see CanonicalLabels). Files are read
// in parallel, each once however many of its parts are labelled. Evaluate
// fails on the first document it cannot read, naming its line, or when
// ctx is done.
func (e *Enricher) Evaluate(ctx context.Context, labels []Label, l *Loader) (*Report, error) {
	if l == nil {
		l = &Loader{}
	}
	groups := evalGroups(labels)
	tagged := make([]*data.Document, len(labels))
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
	)
	jobs := make(chan []int)
	for range min(runtime.GOMAXPROCS(0), len(groups)) {
		wg.Go(func() {
			for g := range jobs {
				if err := e.tagGroup(labels, g, l, tagged); err != nil {
					mu.Lock()
					firstErr = cmp.Or(firstErr, err)
					mu.Unlock()
					cancel()
				}
			}
		})
	}
	evalFeed(ctx, jobs, groups)
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	r := NewReport()
	for i, lb := range labels {
		r.Add(lb, tagged[i])
	}
	return r, nil
}

// evalFeed sends the groups until they run out or ctx is done.
func evalFeed(ctx context.Context, jobs chan<- []int, groups [][]int) {
	defer close(jobs)
	for _, g := range groups {
		select {
		case jobs <- g:
		case <-ctx.Done():
			return
		}
	}
}

// evalGroups groups the labels by file, in order of first mention; each
// text label is a group of its own.
func evalGroups(labels []Label) [][]int {
	var groups [][]int
	byFile := map[string]int{}
	for i, l := range labels {
		file, _ := evalSplitPath(l.Path)
		if l.Path == "" {
			groups = append(groups, []int{i})
			continue
		}
		g, ok := byFile[file]
		if !ok {
			g = len(groups)
			byFile[file] = g
			groups = append(groups, nil)
		}
		groups[g] = append(groups[g], i)
	}
	return groups
}

// tagGroup reads the documents of one group and tags them, keeping only
// their tags and year in tagged.
func (e *Enricher) tagGroup(labels []Label, group []int, l *Loader, tagged []*data.Document) error {
	first := labels[group[0]]
	if first.Path == "" {
		tagged[group[0]] = e.tagged(evalTextDocument(first), nil)
		return nil
	}
	file, _ := evalSplitPath(first.Path)
	res, err := l.extract(file)
	if err != nil {
		return fmt.Errorf("line %d: %w", first.Line, err)
	}
	for _, i := range group {
		doc, meta, err := evalDocument(labels[i], res)
		if err != nil {
			return fmt.Errorf("line %d: %w", labels[i].Line, err)
		}
		tagged[i] = e.tagged(doc, meta)
	}
	return nil
}

// tagged enriches doc with meta minus the labelled facets and returns
// what scoring needs: the tags and the year.
func (e *Enricher) tagged(doc *data.Document, meta map[string][]string) *data.Document {
	e.Enrich(doc, withoutLabelled(meta))
	return &data.Document{Tags: doc.Tags, Year: doc.Year}
}
