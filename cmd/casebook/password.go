package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"casebook/data"
)

var errNoPassword = errors.New("no password on stdin: pipe one line, or run this on a terminal")

// readPassword gets a new password: asked twice without echo when in is
// a terminal, else one line of in (for scripts). There is deliberately no
// flag for it: flags end up in shell history and in ps output.
func readPassword(ctx context.Context, in io.Reader, prompt io.Writer) (string, error) {
	if f, ok := in.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		return askPassword(ctx, int(f.Fd()), prompt)
	}
	line, err := bufio.NewReader(in).ReadString('\n')
	if errors.Is(err, io.EOF) && line == "" {
		return "", errNoPassword
	}
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("reading the password from stdin: %w", err)
	}
	password := strings.TrimRight(line, "\r\n")
	return password, data.CheckPassword(password)
}

func askPassword(ctx context.Context, fd int, prompt io.Writer) (string, error) {
	fmt.Fprint(prompt, "New password: ")
	first, err := readNoEcho(ctx, fd, prompt)
	if err != nil {
		return "", err
	}
	if err := data.CheckPassword(first); err != nil {
		return "", err
	}
	fmt.Fprint(prompt, "Again: ")
	again, err := readNoEcho(ctx, fd, prompt)
	if err != nil {
		return "", err
	}
	if again != first {
		return "", errors.New("the two passwords differ")
	}
	return first, nil
}

// readNoEcho reads a line from the terminal without echo. Ctrl-C cancels
// ctx rather than killing the process (main catches it), so it is watched
// here, and the terminal is given its echo back before returning.
func readNoEcho(ctx context.Context, fd int, prompt io.Writer) (string, error) {
	state, err := term.GetState(fd)
	if err != nil {
		return "", err
	}
	type result struct {
		line []byte
		err  error
	}
	done := make(chan result, 1)
	go func() {
		line, err := term.ReadPassword(fd)
		done <- result{line, err}
	}()
	defer fmt.Fprintln(prompt)
	select {
	case r := <-done:
		return string(r.line), r.err
	case <-ctx.Done():
		term.Restore(fd, state)
		return "", ctx.Err()
	}
}
