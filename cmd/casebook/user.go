package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"casebook/data"
)

type userCmd struct {
	in          io.Reader // where passwords come from
	out, errOut io.Writer
	bcryptCost  int // zero means data.DefaultBcryptCost; tests lower it
}

const userUsage = `usage:
  casebook user add NAME [--role reader|staff|admin]   add a user (role reader by default)
  casebook user passwd NAME                            set a new password; ends the user's sessions
  casebook user role NAME reader|staff|admin           change a user's role
  casebook user disable NAME                           stop logins; ends sessions, revokes API tokens
  casebook user enable NAME                            allow logins again
  casebook user list
Passwords (at least 12 characters) are asked twice on a terminal, or read
as one line from stdin; never from a flag. All take --data-dir DIR.`

// Run manages accounts. The first admin is made here: there is no
// default password.
func (c *userCmd) Run(ctx context.Context, args []string) error {
	fs := newFlagSet("user", c.errOut)
	dataDir := dataDirFlag(fs)
	role := fs.String("role", string(data.RoleReader), "role of a new user: reader, staff or admin")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if !userArgsOK(pos) {
		fmt.Fprintln(c.errOut, userUsage)
		return errUsage
	}
	s, err := openStore(*dataDir, c.bcryptCost)
	if err != nil {
		return err
	}
	defer s.Close()
	return c.run(ctx, s, pos, data.Role(*role))
}

// userArgsOK checks the verb and its number of arguments.
func userArgsOK(pos []string) bool {
	if len(pos) == 0 {
		return false
	}
	want := map[string]int{"add": 2, "passwd": 2, "role": 3, "disable": 2, "enable": 2, "list": 1}[pos[0]]
	return want > 0 && len(pos) == want
}

func (c *userCmd) run(ctx context.Context, s *data.Store, pos []string, role data.Role) error {
	switch pos[0] {
	case "add":
		return c.add(ctx, s, pos[1], role)
	case "passwd":
		return c.passwd(ctx, s, pos[1])
	case "role":
		return c.done(s.SetRole(data.ActorCLI, pos[1], data.Role(pos[2])), "%s is now %s", pos[1], pos[2])
	case "disable":
		return c.done(s.DisableUser(data.ActorCLI, pos[1]), "disabled %s: sessions ended, API tokens revoked", pos[1])
	case "enable":
		return c.done(s.EnableUser(data.ActorCLI, pos[1]), "enabled %s", pos[1])
	}
	return c.list(s)
}

// done prints the message when err is nil.
func (c *userCmd) done(err error, format string, args ...any) error {
	if err == nil {
		fmt.Fprintf(c.out, format+"\n", args...)
	}
	return err
}

func (c *userCmd) add(ctx context.Context, s *data.Store, name string, role data.Role) error {
	// Fail before asking for a password that would be thrown away.
	if _, err := data.ParseRole(string(role)); err != nil {
		return fmt.Errorf("user add: %w", err)
	}
	if _, err := data.NormalizeUserName(name); err != nil {
		return fmt.Errorf("user add: %w", err)
	}
	if _, err := s.User(name); err == nil {
		return fmt.Errorf("user add: %s %w", name, data.ErrExists)
	}
	password, err := readPassword(ctx, c.in, c.errOut)
	if err != nil {
		return fmt.Errorf("user add: %w", err)
	}
	u, err := s.AddUser(data.ActorCLI, name, role, password)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.out, "added %s %s\n", u.Role, u.Name)
	return nil
}

func (c *userCmd) passwd(ctx context.Context, s *data.Store, name string) error {
	if _, err := s.User(name); err != nil {
		return err
	}
	password, err := readPassword(ctx, c.in, c.errOut)
	if err != nil {
		return fmt.Errorf("user passwd: %w", err)
	}
	return c.done(s.SetPassword(data.ActorCLI, name, password), "changed the password of %s and ended its sessions", name)
}

func (c *userCmd) list(s *data.Store) error {
	users, err := s.Users()
	if err != nil {
		return err
	}
	if len(users) == 0 {
		fmt.Fprintln(c.out, "no users yet; add an admin with: casebook user add NAME --role admin")
		return nil
	}
	tw := tabwriter.NewWriter(c.out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tROLE\tSTATUS\tCREATED\tPASSWORD CHANGED")
	for _, u := range users {
		status := "active"
		if u.Disabled {
			status = "disabled"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", u.Name, u.Role, status, when(u.Created), when(u.PasswordChanged))
	}
	return tw.Flush()
}

// when formats t for a listing, "-" if unset.
func when(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Local().Format(time.DateTime)
}

// openStore opens the store alone: account commands need no index.
func openStore(dataDir string, bcryptCost int) (*data.Store, error) {
	s, err := data.Open(dataDir)
	if errors.Is(err, data.ErrLocked) {
		return nil, fmt.Errorf("%s: %w", dataDir, data.ErrLocked)
	}
	if err != nil {
		return nil, err
	}
	s.BcryptCost = bcryptCost
	return s, nil
}
