package data_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"casebook/data"
)

func mustToken(t *testing.T, s *data.Store, user, label string) (string, *data.Token) {
	t.Helper()
	secret, tok, err := s.CreateToken("root", user, label)
	if err != nil {
		t.Fatal(err)
	}
	return secret, tok
}

// tokenWorks reports whether secret is accepted; any other error than
// ErrBadCredentials fails the test.
func tokenWorks(t *testing.T, s *data.Store, secret string) bool {
	t.Helper()
	_, _, err := s.LookupToken(secret)
	if err != nil && !errors.Is(err, data.ErrBadCredentials) {
		t.Fatalf("LookupToken: %v", err)
	}
	return err == nil
}

func TestTokenCreateAndLookup(t *testing.T) {
	s, c := mustOpenAccounts(t)
	mustAddUser(t, s, "ann", data.RoleStaff)
	secret, tok := mustToken(t, s, "Ann", " nightly import ")
	want := data.Token{ID: 1, Label: "nightly import", User: "ann", Created: c.Now()}
	if *tok != want {
		t.Errorf("token = %+v, want %+v", tok, want)
	}
	if !strings.HasPrefix(secret, data.TokenPrefix) || len(secret) != len(data.TokenPrefix)+43 {
		t.Errorf("secret %q", secret)
	}
	c.Add(time.Hour)
	u, got, err := s.LookupToken(secret)
	if err != nil || u.Name != "ann" || u.Role != data.RoleStaff || got.ID != 1 || !got.LastUsed.Equal(c.Now()) {
		t.Errorf("LookupToken = %+v, %+v, %v", u, got, err)
	}
	for _, bad := range []string{"", data.TokenPrefix, secret + "x", strings.TrimPrefix(secret, data.TokenPrefix)} {
		if tokenWorks(t, s, bad) {
			t.Errorf("secret %q was accepted", bad)
		}
	}
	if _, _, err := s.CreateToken("root", "ann", "  "); !errors.Is(err, data.ErrInvalid) {
		t.Errorf("empty label: %v", err)
	}
	if _, _, err := s.CreateToken("root", "nobody", "x"); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("unknown user: %v", err)
	}
}

func TestTokenRevoke(t *testing.T) {
	s, c := mustOpenAccounts(t)
	mustAddUser(t, s, "ann", data.RoleStaff)
	gone, _ := mustToken(t, s, "ann", "old script")
	kept, _ := mustToken(t, s, "ann", "new script")
	c.Add(time.Hour)
	if err := s.RevokeToken("root", 1); err != nil {
		t.Fatal(err)
	}
	if tokenWorks(t, s, gone) || !tokenWorks(t, s, kept) {
		t.Error("revoke hit the wrong token")
	}
	if err := s.RevokeToken("root", 1); err != nil {
		t.Errorf("second revoke: %v", err)
	}
	if err := s.RevokeToken("root", 99); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("revoke 99: %v, want ErrNotFound", err)
	}
	tokens, err := s.Tokens()
	if err != nil || len(tokens) != 2 || tokens[0].ID != 1 || !tokens[0].Revoked.Equal(c.Now()) || !tokens[1].Revoked.IsZero() {
		t.Errorf("Tokens = %+v, %v", tokens, err)
	}
}

func TestDisableRevokesTokens(t *testing.T) {
	s, _ := mustOpenAccounts(t)
	mustAddUser(t, s, "ann", data.RoleStaff)
	mustAddUser(t, s, "bob", data.RoleStaff)
	ann1, _ := mustToken(t, s, "ann", "one")
	ann2, _ := mustToken(t, s, "ann", "two")
	bob, _ := mustToken(t, s, "bob", "bob's")
	if err := s.DisableUser(data.ActorCLI, "ann"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.CreateToken("root", "ann", "three"); !errors.Is(err, data.ErrInvalid) {
		t.Errorf("token for a disabled user: %v", err)
	}
	if err := s.EnableUser(data.ActorCLI, "ann"); err != nil {
		t.Fatal(err)
	}
	if tokenWorks(t, s, ann1) || tokenWorks(t, s, ann2) {
		t.Error("a token outlived its user being disabled")
	}
	if !tokenWorks(t, s, bob) {
		t.Error("another user's token was revoked")
	}
}
