package main

import (
	"context"
	"fmt"
	"io"
	"os/user"
	"strings"

	"casebook/data"
	"casebook/indexer"
)

type retagCmd struct {
	out, errOut io.Writer
}

// Run re-runs enrichment on every stored document, then updates the index.
func (c *retagCmd) Run(ctx context.Context, args []string) error {
	fs := newFlagSet("retag", c.errOut)
	dataDir := dataDirFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	a, err := openApp(*dataDir)
	if err != nil {
		return err
	}
	defer a.Close()
	p, err := indexer.New(a.store)
	if err != nil {
		return err
	}
	n, err := p.Retag(ctx)
	if err != nil {
		return err
	}
	if _, err := a.index.Apply(a.store); err != nil {
		return err
	}
	fmt.Fprintf(c.out, "retagged: %s changed\n", plural(n, "document"))
	return nil
}

type correctCmd struct {
	out, errOut io.Writer
}

const correctUsage = `usage: casebook correct [--data-dir DIR] [--by NAME] ID CHANGE...
  CHANGE is +city:NAME or -city:NAME (also country, theme), or year=YYYY`

// Run records staff corrections of one document's tags.
func (c *correctCmd) Run(ctx context.Context, args []string) error {
	fs := newFlagSet("correct", c.errOut)
	dataDir := dataDirFlag(fs)
	by := fs.String("by", currentUser(), "who makes the correction")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() < 2 {
		fmt.Fprintln(c.errOut, correctUsage)
		return errUsage
	}
	var cs []data.Correction
	for _, arg := range fs.Args()[1:] {
		corr, err := parseCorrection(arg, *by)
		if err != nil {
			return err
		}
		cs = append(cs, corr)
	}
	a, err := openApp(*dataDir)
	if err != nil {
		return err
	}
	defer a.Close()
	doc, err := a.store.Correct(fs.Arg(0), cs)
	if err != nil {
		return err
	}
	if _, err := a.index.Apply(a.store); err != nil {
		return err
	}
	fmt.Fprintf(c.out, "%s: cities %v, themes %v, year %d\n", doc.ID, doc.Cities(), doc.Themes(), doc.Year)
	return nil
}

// parseCorrection reads +facet:value, -facet:value or year=YYYY.
func parseCorrection(arg, by string) (data.Correction, error) {
	if y, ok := strings.CutPrefix(arg, "year="); ok {
		return data.Correction{Facet: data.FacetYear, Value: y, By: by}, nil
	}
	if len(arg) > 1 && (arg[0] == '+' || arg[0] == '-') {
		if facet, value, ok := strings.Cut(arg[1:], ":"); ok && value != "" {
			return data.Correction{Facet: facet, Value: value, Remove: arg[0] == '-', By: by}, nil
		}
	}
	return data.Correction{}, fmt.Errorf("correct: %q is not +facet:value, -facet:value or year=YYYY", arg)
}

func currentUser() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	return "staff"
}
