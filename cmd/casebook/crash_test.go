package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"casebook/data"
	"casebook/search"
)

// buildBinary builds casebook once into a temp dir.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "casebook")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// writeReports writes n small distinct plain-text reports.
func writeReports(t *testing.T, dir string, n int) {
	t.Helper()
	for i := range n {
		body := fmt.Sprintf("Report %d on flood control\nPrepared by the secretariat, March 2012\n\nBangkok drained canal %d and Hanoi shared notes.\n", i, i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("r%04d.txt", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestCrashDuringIngest kills `casebook ingest` part-way, once while it
// stores files and once as it applies the change log to the index, and
// checks that on reopening every stored document is indexed exactly once,
// with no index entry the store does not have; re-ingest then completes
// the folder, and a further re-ingest adds nothing.
func TestCrashDuringIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildBinary(t)
	src := t.TempDir()
	const n = 1500
	writeReports(t, src, n)
	for _, killAt := range []string{"[200/", "job "} {
		t.Run(strings.TrimSpace(killAt), func(t *testing.T) {
			dataDir := t.TempDir()
			killIngest(t, bin, dataDir, src, killAt)
			stored := reopenAndCheck(t, dataDir)
			out := runCLI(t, "ingest", "--data-dir", dataDir, src)
			if !strings.Contains(out, fmt.Sprintf("%d added", n-stored)) {
				t.Errorf("re-ingest after the crash: want %d added, got:\n%s", n-stored, lastLine(out))
			}
			out = runCLI(t, "ingest", "--data-dir", dataDir, src)
			if !strings.Contains(out, fmt.Sprintf("0 added, 0 updated, %d unchanged, 0 duplicates, 0 failed", n)) {
				t.Errorf("second re-ingest should change nothing, got:\n%s", lastLine(out))
			}
			if got := reopenAndCheck(t, dataDir); got != n {
				t.Errorf("%d documents stored, want %d", got, n)
			}
		})
	}
}

// killIngest runs the binary and sends SIGKILL when a line starts with killAt.
func killIngest(t *testing.T, bin, dataDir, src, killAt string) {
	t.Helper()
	cmd := exec.Command(bin, "ingest", "--data-dir", dataDir, src)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), killAt) {
			break
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
}

// reopenAndCheck opens the data dir as serve does (replaying the change
// log) and checks index and store agree; it returns the stored count.
func reopenAndCheck(t *testing.T, dataDir string) int {
	t.Helper()
	a, err := openApp(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	stored, _ := a.store.CountDocuments()
	applied, _ := a.index.Applied()
	t.Logf("reopened with %d documents stored, index at sequence %d", stored, applied)
	if _, err := a.index.Apply(a.store); err != nil {
		t.Fatal(err)
	}
	assertIndexMatchesStore(t, a)
	return stored
}

func assertIndexMatchesStore(t *testing.T, a *app) {
	t.Helper()
	stored, err := a.store.CountDocuments()
	if err != nil {
		t.Fatal(err)
	}
	indexed, err := a.index.Count()
	if err != nil {
		t.Fatal(err)
	}
	if int(indexed) != stored {
		t.Errorf("index holds %d documents, store %d", indexed, stored)
	}
	res, err := a.index.Search(context.Background(), search.Request{Query: "flood", Size: 1})
	if err != nil {
		t.Fatal(err)
	}
	if int(res.Total) != stored {
		t.Errorf("search finds %d documents, store has %d", res.Total, stored)
	}
	_, err = a.store.Snapshot(500, func(docs []*data.Document) error {
		for _, d := range docs {
			if doc, err := a.index.Bleve().Document(d.ID); err != nil || doc == nil {
				t.Errorf("document %s not in index (err %v)", d.ID, err)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// runCLI runs Run in-process and returns its output; it fails the test on error.
func runCLI(t *testing.T, args ...string) string {
	t.Helper()
	var out, errOut strings.Builder
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if err := Run(ctx, args, &out, &errOut); err != nil {
		t.Fatalf("casebook %v: %v\n%s%s", args, err, out.String(), errOut.String())
	}
	return out.String()
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-3):], "\n")
}
