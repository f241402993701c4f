package main

import (
	"context"
	"fmt"
	"io"

	"casebook/data"
)

type auditCmd struct {
	out, errOut io.Writer
}

// Run prints the newest audit entries, or with --json exports the whole
// log as JSON lines, oldest first.
func (c *auditCmd) Run(ctx context.Context, args []string) error {
	fs := newFlagSet("audit", c.errOut)
	dataDir := dataDirFlag(fs)
	asJSON := fs.Bool("json", false, "write the whole log as JSON lines, oldest first")
	limit := fs.Int("n", 50, "how many entries to print, newest first")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fmt.Fprintln(c.errOut, "usage: casebook audit [--data-dir DIR] [--json] [-n 50]")
		return errUsage
	}
	s, err := openStore(*dataDir, 0)
	if err != nil {
		return err
	}
	defer s.Close()
	if *asJSON {
		return s.ExportAudit(c.out)
	}
	entries, err := s.Audit(0, *limit)
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		fmt.Fprintln(c.out, "the audit log is empty")
	}
	for _, e := range entries {
		printAudit(c.out, e)
	}
	return nil
}

// printAudit writes one entry: a summary line, then its note, before and
// after, indented.
func printAudit(out io.Writer, e data.AuditEntry) {
	fmt.Fprintf(out, "%4d  %s  %-8s  %-12s  %s\n", e.Seq, when(e.Time), e.Actor, e.Action, e.Target)
	if e.Note != "" {
		fmt.Fprintf(out, "      note:   %s\n", e.Note)
	}
	if len(e.Before) > 0 {
		fmt.Fprintf(out, "      before: %s\n", e.Before)
	}
	if len(e.After) > 0 {
		fmt.Fprintf(out, "      after:  %s\n", e.After)
	}
}
