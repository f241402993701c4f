package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"golang.org/x/crypto/bcrypt"

	"casebook/data"
)

const testPassword = "correct horse battery"

// account runs one user, token or audit command in-process with stdin
// and the cheapest bcrypt cost, and returns its stdout and stderr.
func account(t *testing.T, dataDir, stdin string, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut strings.Builder
	var cmd command
	switch args[0] {
	case "user":
		cmd = &userCmd{in: strings.NewReader(stdin), out: &out, errOut: &errOut, bcryptCost: bcrypt.MinCost}
	case "token":
		cmd = &tokenCmd{out: &out, errOut: &errOut}
	case "audit":
		cmd = &auditCmd{out: &out, errOut: &errOut}
	}
	err := cmd.Run(context.Background(), append(args[1:], "--data-dir", dataDir))
	return out.String(), errOut.String(), err
}

func mustAccount(t *testing.T, dataDir, stdin string, args ...string) string {
	t.Helper()
	out, errOut, err := account(t, dataDir, stdin, args...)
	if err != nil {
		t.Fatalf("casebook %v: %v\n%s", args, err, errOut)
	}
	return out
}

// openTestStore opens the store the commands wrote, once they are done.
func openTestStore(t *testing.T, dataDir string) *data.Store {
	t.Helper()
	s, err := data.Open(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestUserCommands(t *testing.T) {
	dir := t.TempDir()
	if out := mustAccount(t, dir, "", "user", "list"); !strings.Contains(out, "no users yet") {
		t.Errorf("empty list: %q", out)
	}
	steps := []struct {
		stdin string
		args  []string
		want  string
	}{
		{testPassword + "\n", []string{"user", "add", "Root", "--role", "admin"}, "added admin root"},
		{testPassword, []string{"user", "add", "ann"}, "added reader ann"}, // no newline at the end
		{"a different passphrase\r\n", []string{"user", "passwd", "ann"}, "changed the password of ann"},
		{"", []string{"user", "role", "ann", "staff"}, "ann is now staff"},
		{"", []string{"user", "disable", "ann"}, "disabled ann"},
		{"", []string{"user", "enable", "ann"}, "enabled ann"},
	}
	for _, st := range steps {
		if out := mustAccount(t, dir, st.stdin, st.args...); !strings.Contains(out, st.want) {
			t.Errorf("%v: %q, want %q", st.args, out, st.want)
		}
	}
	out := mustAccount(t, dir, "", "user", "list")
	var rows []string
	for line := range strings.Lines(out) {
		rows = append(rows, strings.Join(strings.Fields(line)[:3], " "))
	}
	if got := strings.Join(rows, ", "); got != "NAME ROLE STATUS, ann staff active, root admin active" {
		t.Errorf("list:\n%s", out)
	}
	s := openTestStore(t, dir)
	if _, err := s.Authenticate("ann", "a different passphrase"); err != nil {
		t.Errorf("login with the new password: %v", err)
	}
	if ok, _ := s.HasAdmin(); !ok {
		t.Error("no admin after user add --role admin")
	}
}

func TestUserCommandErrors(t *testing.T) {
	dir := t.TempDir()
	mustAccount(t, dir, testPassword, "user", "add", "ann")
	cases := []struct {
		stdin string
		args  []string
		want  error
	}{
		{"", []string{"user", "add", "ann"}, data.ErrExists}, // before asking for a password
		{"short\n", []string{"user", "add", "bob"}, data.ErrShortPassword},
		{"", []string{"user", "add", "bob"}, errNoPassword},
		{"", []string{"user", "add", "bad name"}, data.ErrInvalid}, // before asking for a password
		{testPassword, []string{"user", "add", "bob", "--role", "root"}, data.ErrInvalid},
		{testPassword, []string{"user", "add", "bad name"}, data.ErrInvalid},
		{testPassword, []string{"user", "passwd", "nobody"}, data.ErrNotFound},
		{"", []string{"user", "disable", "nobody"}, data.ErrNotFound},
		{"", []string{"user"}, errUsage},
		{"", []string{"user", "add"}, errUsage},
		{"", []string{"user", "frob", "ann"}, errUsage},
		{"", []string{"user", "add", "bob", "--password", testPassword}, errUsage}, // there is no such flag
	}
	for _, c := range cases {
		if _, _, err := account(t, dir, c.stdin, c.args...); !errors.Is(err, c.want) {
			t.Errorf("%v: %v, want %v", c.args, err, c.want)
		}
	}
	if users, _ := openTestStore(t, dir).Users(); len(users) != 1 {
		t.Errorf("failed commands left users: %+v", users)
	}
}

func TestTokenCommands(t *testing.T) {
	dir := t.TempDir()
	mustAccount(t, dir, testPassword, "user", "add", "ann", "--role", "staff")
	secret, msg, err := account(t, dir, "", "token", "create", "--user", "ann", "--label", "nightly import")
	if err != nil || !strings.Contains(msg, "not shown again") {
		t.Fatalf("token create: %v\n%s", err, msg)
	}
	secret = strings.TrimSuffix(secret, "\n")
	if !strings.HasPrefix(secret, data.TokenPrefix) || strings.Contains(secret, "\n") {
		t.Fatalf("stdout is not just the secret: %q", secret)
	}
	if out := mustAccount(t, dir, "", "token", "list"); !strings.Contains(out, "nightly import") || strings.Contains(out, secret) {
		t.Errorf("list:\n%s", out)
	}
	s := openTestStore(t, dir)
	if u, _, err := s.LookupToken(secret); err != nil || u.Name != "ann" {
		t.Errorf("LookupToken = %+v, %v", u, err)
	}
	s.Close()
	if out := mustAccount(t, dir, "", "token", "revoke", "1"); !strings.Contains(out, "revoked token 1") {
		t.Errorf("revoke: %q", out)
	}
	for args, want := range map[string]error{
		"token revoke 7":                          data.ErrNotFound,
		"token revoke x":                          nil, // an error, just not a sentinel
		"token create --user ann":                 errUsage,
		"token create --user nobody --label x":    data.ErrNotFound,
		"token create --user ann --label x extra": errUsage,
	} {
		_, _, err := account(t, dir, "", strings.Fields(args)...)
		if err == nil || want != nil && !errors.Is(err, want) {
			t.Errorf("%s: %v, want %v", args, err, want)
		}
	}
	if _, _, err := openTestStore(t, dir).LookupToken(secret); !errors.Is(err, data.ErrBadCredentials) {
		t.Errorf("revoked token: %v", err)
	}
}

func TestAuditCommand(t *testing.T) {
	dir := t.TempDir()
	mustAccount(t, dir, testPassword, "user", "add", "root", "--role", "admin")
	mustAccount(t, dir, "another long passphrase", "user", "passwd", "root")
	mustAccount(t, dir, "", "token", "create", "--user", "root", "--label", "ci")
	out := mustAccount(t, dir, "", "audit", "-n", "2")
	if !strings.Contains(out, "token.create") || !strings.Contains(out, "user.passwd") || strings.Contains(out, "user.add") {
		t.Errorf("audit -n 2:\n%s", out)
	}
	export := mustAccount(t, dir, "", "audit", "--json")
	var actions []string
	sc := bufio.NewScanner(strings.NewReader(export))
	for sc.Scan() {
		var e data.AuditEntry
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		actions = append(actions, e.Actor+" "+e.Action)
	}
	if strings.Join(actions, ", ") != "cli user.add, cli user.passwd, cli token.create" {
		t.Errorf("exported %v", actions)
	}
	if strings.Contains(export, "$2a$") || strings.Contains(export, testPassword) {
		t.Errorf("the export shows a password or hash:\n%s", export)
	}
}

// TestAccountCommandsWhileServing holds the data dir as serve does (it
// opens the same store) and checks each command fails with ErrLocked.
func TestAccountCommandsWhileServing(t *testing.T) {
	dir := t.TempDir()
	openTestStore(t, dir)
	for _, args := range [][]string{{"user", "list"}, {"user", "add", "ann"}, {"token", "list"}, {"audit"}} {
		_, _, err := account(t, dir, testPassword, args...)
		if !errors.Is(err, data.ErrLocked) || !strings.Contains(err.Error(), "is `casebook serve` running?") {
			t.Errorf("%v on a held data dir: %v", args, err)
		}
	}
}
