// Command casebook ingests city case studies, newsletter archives and
// project reports into a searchable store and serves the search UI.
//
//	casebook serve   [--data-dir DIR] [--addr :8080]
//	casebook ingest  [--data-dir DIR] PATH...
//	casebook reindex [--data-dir DIR]
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := Run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	if errors.Is(err, errUsage) {
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "casebook:", err)
		os.Exit(1)
	}
}

// errUsage means the command line was wrong; usage has been printed.
var errUsage = errors.New("usage")

// command is one subcommand.
type command interface {
	Run(ctx context.Context, args []string) error
}

const usage = `Casebook: search what cities have learned.

Usage:
  casebook serve   [--data-dir DIR] [--addr ADDR]   serve the search UI (ingests the sample corpus into an empty data dir)
  casebook ingest  [--data-dir DIR] [--prune] [--mapping M] [--archive DIR] PATH...
                                                    ingest files and folders (records with a mapping; mirrored newsletter sites)
  casebook crawl   [--data-dir DIR] [--scope PREFIX] [--delay 1s] [--limit 500] [--user-agent UA] URL
                                                    fetch a web site under PREFIX politely and ingest its pages; resumable
  casebook reindex [--data-dir DIR]                 rebuild the search index from the store
  casebook jobs    [--data-dir DIR] [ID]            list ingest jobs, or show one job's failures and warnings
  casebook retag   [--data-dir DIR]                 tag stored documents again (after the gazetteer or themes changed)
  casebook correct [--data-dir DIR] [--by NAME] ID +city:Hanoi -city:Tokyo year=2010
                                                    correct a document's tags; corrections survive re-ingest and retag
  casebook eval-tags [--mapping M] [--split heldout] [--worst 20] [--min city=0.9,...] LABELS.jsonl
                                                    score city, country, theme and year tagging against labelled documents
  casebook user    add|passwd|role|disable|enable|list [--data-dir DIR] [NAME] [--role R]
                                                    manage accounts; the first admin is made here (no default password)
  casebook token   create|revoke|list [--data-dir DIR] [--user NAME --label TEXT] [ID]
                                                    manage API tokens for /api/v1; create prints the secret once
  casebook audit   [--data-dir DIR] [--json] [-n 50]
                                                    show recent account and data changes, or export all as JSON lines

Every flag also reads CASEBOOK_<NAME> from the environment (CASEBOOK_DATA_DIR, CASEBOOK_ADDR).
`

// Run runs the subcommand named by args[0].
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errUsage
	}
	var cmd command
	switch args[0] {
	case "serve":
		cmd = &serveCmd{out: stdout, errOut: stderr}
	case "ingest":
		cmd = &ingestCmd{out: stdout, errOut: stderr}
	case "crawl":
		cmd = &crawlCmd{out: stdout, errOut: stderr}
	case "reindex":
		cmd = &reindexCmd{out: stdout, errOut: stderr}
	case "jobs":
		cmd = &jobsCmd{out: stdout, errOut: stderr}
	case "retag":
		cmd = &retagCmd{out: stdout, errOut: stderr}
	case "correct":
		cmd = &correctCmd{out: stdout, errOut: stderr}
	case "eval-tags":
		cmd = &evalTagsCmd{out: stdout, errOut: stderr}
	case "user":
		cmd = &userCmd{in: os.Stdin, out: stdout, errOut: stderr}
	case "token":
		cmd = &tokenCmd{out: stdout, errOut: stderr}
	case "audit":
		cmd = &auditCmd{out: stdout, errOut: stderr}
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	default:
		fmt.Fprintf(stderr, "unknown command %q\n\n%s", args[0], usage)
		return errUsage
	}
	return cmd.Run(ctx, args[1:])
}
