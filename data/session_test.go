package data_test

import (
	"errors"
	"sync"
	"testing"
	"time"

	"casebook/data"
)

func mustSession(t *testing.T, s *data.Store, name string) string {
	t.Helper()
	token, _, err := s.CreateSession(name)
	if err != nil {
		t.Fatal(err)
	}
	return token
}

// live reports whether token still finds a session; any other error
// than ErrBadCredentials fails the test.
func live(t *testing.T, s *data.Store, token string) bool {
	t.Helper()
	_, _, err := s.LookupSession(token)
	if err != nil && !errors.Is(err, data.ErrBadCredentials) {
		t.Fatalf("LookupSession: %v", err)
	}
	return err == nil
}

func TestCreateSession(t *testing.T) {
	s, c := mustOpenAccounts(t)
	mustAddUser(t, s, "ann", data.RoleStaff)
	token, se, err := s.CreateSession("Ann")
	if err != nil {
		t.Fatal(err)
	}
	want := data.Session{User: "ann", Created: c.Now(), LastSeen: c.Now(), Expires: c.Now().Add(data.DefaultSessionLifetime)}
	if *se != want {
		t.Errorf("session = %+v, want %+v", se, want)
	}
	if len(token) != 43 {
		t.Errorf("token %q is not 32 bytes in base64url", token)
	}
	u, got, err := s.LookupSession(token)
	if err != nil || u.Name != "ann" || u.Role != data.RoleStaff || *got != want {
		t.Errorf("LookupSession = %+v, %+v, %v", u, got, err)
	}
	if other := mustSession(t, s, "ann"); other == token {
		t.Error("two sessions got the same token")
	}
	if _, _, err := s.CreateSession("nobody"); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("session for an unknown user: %v", err)
	}
	for _, bad := range []string{"", "x", token + "x"} {
		if live(t, s, bad) {
			t.Errorf("token %q found a session", bad)
		}
	}
}

func TestSessionExpiry(t *testing.T) {
	s, c := mustOpenAccounts(t)
	s.Sessions = data.SessionOptions{Lifetime: 10 * time.Hour, Idle: 3 * time.Hour}
	mustAddUser(t, s, "ann", data.RoleStaff)
	idle := mustSession(t, s, "ann")
	busy := mustSession(t, s, "ann")
	for range 3 { // 3 x 2h59m: busy stays within the idle limit
		c.Add(2*time.Hour + 59*time.Minute)
		if !live(t, s, busy) {
			t.Fatalf("busy session ended at %v", c.Now())
		}
	}
	if live(t, s, idle) {
		t.Error("a session idle for 8h57m is live, idle limit 3 h")
	}
	c.Add(2*time.Hour + 59*time.Minute) // 11h56m after login, 2h59m idle
	if live(t, s, busy) {
		t.Error("a session is live past its 10 h lifetime")
	}
}

func TestSessionIdleDefault(t *testing.T) {
	s, c := mustOpenAccounts(t)
	mustAddUser(t, s, "ann", data.RoleStaff)
	token := mustSession(t, s, "ann")
	c.Add(data.DefaultSessionIdle - time.Minute)
	if !live(t, s, token) {
		t.Fatal("ended before the idle timeout")
	}
	c.Add(data.DefaultSessionIdle)
	if live(t, s, token) {
		t.Error("live after the idle timeout")
	}
}

// TestSessionLastSeen checks that a lookup writes LastSeen only when it
// is a minute old or more.
func TestSessionLastSeen(t *testing.T) {
	s, c := mustOpenAccounts(t)
	mustAddUser(t, s, "ann", data.RoleStaff)
	token, se, _ := s.CreateSession("ann")
	start := se.LastSeen
	steps := []struct {
		after time.Duration
		want  time.Duration // LastSeen after the lookup, from start
	}{
		{30 * time.Second, 0},
		{29 * time.Second, 0},
		{time.Second, time.Minute},
		{59 * time.Second, time.Minute},
	}
	for _, st := range steps {
		c.Add(st.after)
		_, got, err := s.LookupSession(token)
		if err != nil || !got.LastSeen.Equal(start.Add(st.want)) {
			t.Errorf("at %v: LastSeen %v, %v; want start+%v", c.Now().Sub(start), got.LastSeen.Sub(start), err, st.want)
		}
	}
}

func TestSessionRevokedByPasswordChange(t *testing.T) {
	s, c := mustOpenAccounts(t)
	mustAddUser(t, s, "ann", data.RoleStaff)
	mustAddUser(t, s, "bob", data.RoleStaff)
	ann1, ann2, bob := mustSession(t, s, "ann"), mustSession(t, s, "ann"), mustSession(t, s, "bob")
	c.Add(time.Minute)
	if err := s.SetPassword("ann", "ann", "a brand new passphrase"); err != nil {
		t.Fatal(err)
	}
	if live(t, s, ann1) || live(t, s, ann2) {
		t.Error("a session outlived its user's password change")
	}
	if !live(t, s, bob) {
		t.Error("another user's session ended")
	}
	if !live(t, s, mustSession(t, s, "ann")) {
		t.Error("a login after the change does not work")
	}
}

func TestSessionEndsWhenUserDisabled(t *testing.T) {
	s, _ := mustOpenAccounts(t)
	mustAddUser(t, s, "ann", data.RoleStaff)
	token := mustSession(t, s, "ann")
	if err := s.DisableUser(data.ActorCLI, "ann"); err != nil {
		t.Fatal(err)
	}
	if live(t, s, token) {
		t.Error("a disabled user's session is live")
	}
	if _, _, err := s.CreateSession("ann"); !errors.Is(err, data.ErrBadCredentials) {
		t.Errorf("session for a disabled user: %v", err)
	}
	if err := s.EnableUser(data.ActorCLI, "ann"); err != nil {
		t.Fatal(err)
	}
	if live(t, s, token) {
		t.Error("enabling the user brought an old session back")
	}
}

func TestDeleteSessions(t *testing.T) {
	s, _ := mustOpenAccounts(t)
	mustAddUser(t, s, "ann", data.RoleStaff)
	mustAddUser(t, s, "bob", data.RoleStaff)
	out, ann, bob := mustSession(t, s, "ann"), mustSession(t, s, "ann"), mustSession(t, s, "bob")
	mustSession(t, s, "ann")
	if err := s.DeleteSession(out); err != nil {
		t.Fatal(err)
	}
	if live(t, s, out) || !live(t, s, ann) {
		t.Error("logout ended the wrong session")
	}
	if err := s.DeleteSession(out); err != nil {
		t.Errorf("second logout: %v", err)
	}
	if n, err := s.DeleteUserSessions("ann"); n != 2 || err != nil {
		t.Errorf("DeleteUserSessions = %d, %v; want 2", n, err)
	}
	if live(t, s, ann) || !live(t, s, bob) {
		t.Error("DeleteUserSessions ended the wrong sessions")
	}
}

func TestPurgeSessions(t *testing.T) {
	s, c := mustOpenAccounts(t)
	mustAddUser(t, s, "ann", data.RoleStaff)
	mustSession(t, s, "ann")
	mustSession(t, s, "ann")
	c.Add(data.DefaultSessionIdle + time.Second)
	fresh := mustSession(t, s, "ann")
	if n, err := s.PurgeSessions(); n != 2 || err != nil {
		t.Errorf("PurgeSessions = %d, %v; want 2", n, err)
	}
	if !live(t, s, fresh) {
		t.Error("purge removed a live session")
	}
	if n, _ := s.PurgeSessions(); n != 0 {
		t.Errorf("second purge removed %d", n)
	}
}

// TestConcurrentSessionLookups runs lookups, which may write LastSeen,
// alongside logins and logouts while the clock moves; run with -race.
func TestConcurrentSessionLookups(t *testing.T) {
	s, c := mustOpenAccounts(t)
	mustAddUser(t, s, "ann", data.RoleStaff)
	token := mustSession(t, s, "ann")
	var wg sync.WaitGroup
	errs := make(chan error, 8*50)
	for g := range 8 {
		wg.Go(func() {
			for i := range 50 {
				if g == 0 && i%5 == 0 {
					c.Add(time.Minute) // 10 minutes in all, far from the idle limit
				}
				if _, _, err := s.LookupSession(token); err != nil {
					errs <- err
				}
				if g == 1 {
					other, _, err := s.CreateSession("ann")
					errs <- errors.Join(err, s.DeleteSession(other))
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	_, se, err := s.LookupSession(token)
	if err != nil || se.LastSeen.Before(c.Now().Add(-time.Minute)) {
		t.Errorf("after the run: %+v, %v", se, err)
	}
}
