package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"casebook/data"
)

// reporter shows ingest progress: a bar with rate and ETA on a terminal,
// where only failures and warnings get lines of their own; a plain line
// per file anywhere else (logs, pipes, tests).
type reporter struct {
	out io.Writer
	bar *progressbar.ProgressBar
}

func newReporter(out io.Writer) *reporter {
	f, ok := out.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return &reporter{out: out}
	}
	bar := progressbar.NewOptions(-1,
		progressbar.OptionSetWriter(out),
		progressbar.OptionSetDescription("ingesting"),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("files"),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionFullWidth(),
	)
	return &reporter{out: out, bar: bar}
}

// file reports one finished file out of total (-1: unknown).
func (r *reporter) file(done, total int, f data.FileOutcome) {
	if r.bar == nil {
		printOutcome(r.out, done, total, f)
		return
	}
	if total > 0 && r.bar.GetMax() != total {
		r.bar.ChangeMax(total)
	}
	if f.Error != "" || len(f.Warnings) > 0 {
		r.bar.Clear()
		printOutcome(r.out, done, total, f)
	}
	r.bar.Add(1)
}

// finish removes the bar before the summary is printed.
func (r *reporter) finish() {
	if r.bar != nil {
		r.bar.Finish()
	}
}

func printOutcome(out io.Writer, done, total int, f data.FileOutcome) {
	count := fmt.Sprintf("[%d/%d]", done, total)
	if total < 0 {
		count = fmt.Sprintf("[%d]", done)
	}
	switch {
	case f.Error != "":
		fmt.Fprintf(out, "%s failed    %s: %s\n", count, f.Path, f.Error)
	default:
		fmt.Fprintf(out, "%s %-9s %s\n", count, f.Outcome, f.Path)
	}
	for _, w := range f.Warnings {
		fmt.Fprintf(out, "        warning: %s\n", w)
	}
}
