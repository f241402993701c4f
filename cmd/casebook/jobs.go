package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"time"

	"casebook/data"
)

type jobsCmd struct {
	out, errOut io.Writer
}

// Run lists recent jobs, or shows one job's files with their outcomes.
func (c *jobsCmd) Run(ctx context.Context, args []string) error {
	fs := newFlagSet("jobs", c.errOut)
	dataDir := dataDirFlag(fs)
	limit := fs.Int("n", 20, "how many jobs to list")
	if err := parse(fs, args); err != nil {
		return err
	}
	a, err := openApp(*dataDir)
	if err != nil {
		return err
	}
	defer a.Close()
	if fs.NArg() == 1 {
		id, err := strconv.ParseUint(fs.Arg(0), 10, 64)
		if err != nil {
			return fmt.Errorf("jobs: %q is not a job number", fs.Arg(0))
		}
		job, err := a.store.Job(id)
		if err != nil {
			return err
		}
		printJobFiles(c.out, job)
		return nil
	}
	jobs, err := a.store.Jobs(*limit)
	if err != nil {
		return err
	}
	if len(jobs) == 0 {
		fmt.Fprintln(c.out, "no jobs yet")
	}
	for _, j := range jobs {
		fmt.Fprintf(c.out, "%4d  %-7s  %s  %v\n", j.ID, j.Status, j.Started.Local().Format(time.DateTime), j.Paths)
		fmt.Fprint(c.out, "      ")
		printJob(c.out, j)
	}
	return nil
}

// printJobFiles shows a job's summary, then every file that failed or
// carried warnings.
func printJobFiles(out io.Writer, job *data.Job) {
	printJob(out, job)
	if job.Error != "" {
		fmt.Fprintf(out, "stopped: %s\n", job.Error)
	}
	for i, f := range job.Files {
		if f.Error != "" || len(f.Warnings) > 0 {
			printOutcome(out, i+1, len(job.Files), f)
		}
	}
}
