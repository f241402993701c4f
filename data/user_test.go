package data_test

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"casebook/data"
)

const pw = "correct horse battery"

// clock is a settable time source for the store; safe for concurrent use.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// mustOpenAccounts opens a store with a fake clock and the cheapest bcrypt
// cost (the default costs 200 ms a hash, far more under -race).
func mustOpenAccounts(t *testing.T) (*data.Store, *clock) {
	t.Helper()
	s := mustOpen(t)
	c := &clock{t: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
	s.Now, s.BcryptCost = c.Now, bcrypt.MinCost
	return s, c
}

func mustAddUser(t *testing.T, s *data.Store, name string, role data.Role) {
	t.Helper()
	if _, err := s.AddUser(data.ActorCLI, name, role, pw); err != nil {
		t.Fatal(err)
	}
}

func TestRoleCan(t *testing.T) {
	roles := []data.Role{data.RoleReader, data.RoleStaff, data.RoleAdmin}
	for i, have := range roles {
		for j, need := range roles {
			if got := have.Can(need); got != (i >= j) {
				t.Errorf("%s.Can(%s) = %v", have, need, got)
			}
		}
		if have.Can("root") || data.Role("root").Can(have) || data.Role("").Can(have) {
			t.Errorf("an unknown role mixes with %s", have)
		}
	}
	if r, err := data.ParseRole(" Staff "); r != data.RoleStaff || err != nil {
		t.Errorf("ParseRole(Staff) = %q, %v", r, err)
	}
	if _, err := data.ParseRole("root"); !errors.Is(err, data.ErrInvalid) {
		t.Errorf("ParseRole(root): %v", err)
	}
}

func TestAddUser(t *testing.T) {
	s, c := mustOpenAccounts(t)
	u, err := s.AddUser(data.ActorCLI, " Ann.Lee ", data.RoleStaff, pw)
	if err != nil {
		t.Fatal(err)
	}
	want := data.User{Name: "ann.lee", Role: data.RoleStaff, Created: c.Now(), PasswordChanged: c.Now()}
	if *u != want {
		t.Errorf("AddUser = %+v, want %+v", u, want)
	}
	if got, err := s.User("ANN.LEE"); err != nil || *got != want {
		t.Errorf("User(ANN.LEE) = %+v, %v", got, err)
	}
	if _, err := s.AddUser(data.ActorCLI, "ann.LEE", data.RoleReader, pw); !errors.Is(err, data.ErrExists) {
		t.Errorf("duplicate name: %v, want ErrExists", err)
	}
	mustAddUser(t, s, "bob", data.RoleReader)
	users, err := s.Users()
	if err != nil || len(users) != 2 || users[0].Name != "ann.lee" || users[1].Name != "bob" {
		t.Errorf("Users = %+v, %v", users, err)
	}
	if _, err := s.User("carol"); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("User(carol): %v, want ErrNotFound", err)
	}
}

func TestAddUserRefuses(t *testing.T) {
	s, _ := mustOpenAccounts(t)
	cases := []struct {
		name, password string
		role           data.Role
		want           error
	}{
		{"", pw, data.RoleReader, data.ErrInvalid},
		{"ann lee", pw, data.RoleReader, data.ErrInvalid},
		{"ann/lee", pw, data.RoleReader, data.ErrInvalid},
		{"änn", pw, data.RoleReader, data.ErrInvalid},
		{strings.Repeat("a", 65), pw, data.RoleReader, data.ErrInvalid},
		{"cli", pw, data.RoleAdmin, data.ErrInvalid}, // reserved for audit entries
		{"ann", pw, "root", data.ErrInvalid},
		{"ann", "short pw", data.RoleReader, data.ErrShortPassword},
		{"ann", "ÄÖÜäöüßé", data.RoleReader, data.ErrShortPassword},        // 16 bytes, 8 characters
		{"ann", strings.Repeat("x", 73), data.RoleReader, data.ErrInvalid}, // bcrypt would cut it
	}
	for _, c := range cases {
		if _, err := s.AddUser(data.ActorCLI, c.name, c.role, c.password); !errors.Is(err, c.want) {
			t.Errorf("AddUser(%q, %q, %q) = %v, want %v", c.name, c.role, c.password, err, c.want)
		}
	}
	if _, err := s.AddUser(data.ActorCLI, strings.Repeat("a", 64), data.RoleReader, strings.Repeat("x", 72)); err != nil {
		t.Errorf("longest name and password: %v", err)
	}
	if users, _ := s.Users(); len(users) != 1 {
		t.Errorf("refused adds left users: %+v", users)
	}
}

func TestAuthenticate(t *testing.T) {
	s, _ := mustOpenAccounts(t)
	mustAddUser(t, s, "ann", data.RoleStaff)
	if u, err := s.Authenticate("Ann", pw); err != nil || u.Name != "ann" || u.Role != data.RoleStaff {
		t.Fatalf("Authenticate = %+v, %v", u, err)
	}
	wrong, errWrong := s.Authenticate("ann", pw+"!")
	unknown, errUnknown := s.Authenticate("nobody", pw)
	for _, err := range []error{errWrong, errUnknown} {
		if !errors.Is(err, data.ErrBadCredentials) {
			t.Errorf("got %v, want ErrBadCredentials", err)
		}
	}
	if wrong != nil || unknown != nil {
		t.Error("a failed login returned a user")
	}
	if errWrong.Error() != errUnknown.Error() {
		t.Errorf("the messages tell a wrong password (%q) from an unknown user (%q)", errWrong, errUnknown)
	}
	if _, err := s.Authenticate("", ""); !errors.Is(err, data.ErrBadCredentials) {
		t.Errorf("empty name: %v", err)
	}
	if err := s.DisableUser(data.ActorCLI, "ann"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Authenticate("ann", pw); !errors.Is(err, data.ErrBadCredentials) {
		t.Errorf("disabled user: %v, want ErrBadCredentials", err)
	}
	if err := s.EnableUser(data.ActorCLI, "ann"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Authenticate("ann", pw); err != nil {
		t.Errorf("enabled again: %v", err)
	}
}

func TestSetPasswordAndRole(t *testing.T) {
	s, c := mustOpenAccounts(t)
	mustAddUser(t, s, "ann", data.RoleReader)
	c.Add(time.Hour)
	newPW := "a much better passphrase"
	if err := s.SetPassword(data.ActorCLI, "ann", newPW); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Authenticate("ann", pw); !errors.Is(err, data.ErrBadCredentials) {
		t.Errorf("old password: %v", err)
	}
	u, err := s.Authenticate("ann", newPW)
	if err != nil || !u.PasswordChanged.Equal(c.Now()) {
		t.Errorf("new password: %+v, %v", u, err)
	}
	if err := s.SetPassword(data.ActorCLI, "ann", "too short"); !errors.Is(err, data.ErrShortPassword) {
		t.Errorf("short password: %v", err)
	}
	if err := s.SetRole(data.ActorCLI, "ann", data.RoleAdmin); err != nil {
		t.Fatal(err)
	}
	if u, _ := s.User("ann"); u.Role != data.RoleAdmin {
		t.Errorf("role = %s, want admin", u.Role)
	}
	if err := s.SetRole(data.ActorCLI, "ann", "root"); !errors.Is(err, data.ErrInvalid) {
		t.Errorf("SetRole(root): %v", err)
	}
	for _, err := range []error{
		s.SetPassword(data.ActorCLI, "nobody", newPW),
		s.SetRole(data.ActorCLI, "nobody", data.RoleStaff),
		s.DisableUser(data.ActorCLI, "nobody"),
		s.EnableUser(data.ActorCLI, "nobody"),
	} {
		if !errors.Is(err, data.ErrNotFound) {
			t.Errorf("change to an unknown user: %v, want ErrNotFound", err)
		}
	}
}

func TestHasAdmin(t *testing.T) {
	s, _ := mustOpenAccounts(t)
	check := func(want bool) {
		t.Helper()
		if got, err := s.HasAdmin(); got != want || err != nil {
			t.Errorf("HasAdmin = %v, %v; want %v", got, err, want)
		}
	}
	check(false)
	mustAddUser(t, s, "ann", data.RoleStaff)
	check(false)
	mustAddUser(t, s, "root", data.RoleAdmin)
	check(true)
	if err := s.DisableUser(data.ActorCLI, "root"); err != nil {
		t.Fatal(err)
	}
	check(false)
}

// TestNoHashInJSON checks that nothing the store hands out carries the
// password hash (bcrypt hashes start with "$2a$").
func TestNoHashInJSON(t *testing.T) {
	s, _ := mustOpenAccounts(t)
	mustAddUser(t, s, "ann", data.RoleStaff)
	u, _ := s.User("ann")
	users, _ := s.Users()
	authed, _ := s.Authenticate("ann", pw)
	for _, v := range []any{u, users, authed} {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(b), "$2a$") || strings.Contains(string(b), "hash") || strings.Contains(string(b), pw) {
			t.Errorf("JSON shows the password or its hash: %s", b)
		}
	}
	if !slices.Equal(users, []data.User{*u}) {
		t.Errorf("Users = %+v", users)
	}
}
