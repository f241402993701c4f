package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"

	"casebook/data"
)

type tokenCmd struct {
	out, errOut io.Writer
}

const tokenUsage = `usage:
  casebook token create --user NAME --label TEXT   make an API token for /api/v1; prints its secret once
  casebook token revoke ID
  casebook token list
All take --data-dir DIR.`

// Run manages API tokens. create writes only the secret to stdout, so
// scripts can capture it; the rest goes to stderr.
func (c *tokenCmd) Run(ctx context.Context, args []string) error {
	fs := newFlagSet("token", c.errOut)
	dataDir := dataDirFlag(fs)
	user := fs.String("user", "", "create: the user the token acts as (it gets that user's role)")
	label := fs.String("label", "", "create: what the token is for")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if !tokenArgsOK(pos, *user, *label) {
		fmt.Fprintln(c.errOut, tokenUsage)
		return errUsage
	}
	s, err := openStore(*dataDir, 0)
	if err != nil {
		return err
	}
	defer s.Close()
	switch pos[0] {
	case "create":
		return c.create(s, *user, *label)
	case "revoke":
		return c.revoke(s, pos[1])
	}
	return c.list(s)
}

// tokenArgsOK checks the verb, its arguments and create's flags.
func tokenArgsOK(pos []string, user, label string) bool {
	switch {
	case len(pos) == 1 && pos[0] == "list":
		return true
	case len(pos) == 1 && pos[0] == "create":
		return user != "" && label != ""
	}
	return len(pos) == 2 && pos[0] == "revoke"
}

func (c *tokenCmd) create(s *data.Store, user, label string) error {
	secret, t, err := s.CreateToken(data.ActorCLI, user, label)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.errOut, "token %d for %s (%s); the secret below is not shown again:\n", t.ID, t.User, t.Label)
	fmt.Fprintln(c.out, secret)
	return nil
}

func (c *tokenCmd) revoke(s *data.Store, arg string) error {
	id, err := strconv.ParseUint(arg, 10, 64)
	if err != nil {
		return fmt.Errorf("token revoke: %q is not a token id (see casebook token list)", arg)
	}
	if err := s.RevokeToken(data.ActorCLI, id); err != nil {
		return err
	}
	fmt.Fprintf(c.out, "revoked token %d\n", id)
	return nil
}

func (c *tokenCmd) list(s *data.Store) error {
	tokens, err := s.Tokens()
	if err != nil {
		return err
	}
	if len(tokens) == 0 {
		fmt.Fprintln(c.out, "no API tokens")
		return nil
	}
	tw := tabwriter.NewWriter(c.out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tUSER\tLABEL\tCREATED\tLAST USED\tREVOKED")
	for _, t := range tokens {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", t.ID, t.User, t.Label, when(t.Created), when(t.LastUsed), when(t.Revoked))
	}
	return tw.Flush()
}
