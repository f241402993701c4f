package data_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"casebook/data"
)

// accountHistory makes one change of every kind and returns the secret
// token it created.
func accountHistory(t *testing.T, s *data.Store) string {
	t.Helper()
	mustAddUser(t, s, "root", data.RoleAdmin)
	if _, err := s.AddUser("root", "ann", data.RoleReader, pw); err != nil {
		t.Fatal(err)
	}
	steps := []error{
		s.SetPassword("root", "ann", "another long passphrase"),
		s.SetRole("root", "ann", data.RoleStaff),
		s.SetRole("root", "ann", data.RoleStaff), // no change, no entry
		s.DisableUser("root", "ann"),
		s.EnableUser("root", "ann"),
	}
	secret, _, err := s.CreateToken("root", "ann", "import")
	steps = append(steps, err, s.RevokeToken("root", 1))
	if err := errors.Join(steps...); err != nil {
		t.Fatal(err)
	}
	return secret
}

func TestAuditRecordsChanges(t *testing.T) {
	s, _ := mustOpenAccounts(t)
	accountHistory(t, s)
	entries, err := s.Audit(0, 100)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for i, e := range entries {
		got = append(got, e.Actor+" "+e.Action+" "+e.Target)
		if e.Seq != uint64(len(entries)-i) || e.Time.IsZero() {
			t.Errorf("entry %d: seq %d, time %v", i, e.Seq, e.Time)
		}
	}
	want := []string{ // newest first
		"root token.revoke token 1",
		"root token.create token 1",
		"root user.enable ann",
		"root user.disable ann",
		"root user.role ann",
		"root user.passwd ann",
		"root user.add ann",
		"cli user.add root",
	}
	if !slices.Equal(got, want) {
		t.Errorf("audit:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var before, after data.User
	role := entries[4]
	if json.Unmarshal(role.Before, &before) != nil || json.Unmarshal(role.After, &after) != nil ||
		before.Role != data.RoleReader || after.Role != data.RoleStaff {
		t.Errorf("role change: before %s, after %s", role.Before, role.After)
	}
	if add := entries[7]; add.Before != nil || add.After == nil {
		t.Errorf("user.add: before %s, after %s", add.Before, add.After)
	}
	if n := entries[3].Note; n != "ended 0 sessions, revoked 0 tokens" {
		t.Errorf("user.disable note %q", n)
	}
}

func TestAuditPaging(t *testing.T) {
	s, _ := mustOpenAccounts(t)
	accountHistory(t, s)
	all, _ := s.Audit(0, 100)
	var paged []data.AuditEntry
	for before := uint64(0); ; {
		page, err := s.Audit(before, 3)
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			break
		}
		paged = append(paged, page...)
		before = page[len(page)-1].Seq
	}
	if len(paged) != len(all) || paged[0].Seq != all[0].Seq || paged[len(paged)-1].Seq != 1 {
		t.Errorf("paged %d entries, want %d", len(paged), len(all))
	}
	if page, _ := s.Audit(1000, 2); len(page) != 2 || page[0].Seq != all[0].Seq {
		t.Errorf("Audit(1000, 2) = %+v", page)
	}
}

// TestAuditExport checks the JSON lines are oldest first and that no
// password, hash or token secret is written anywhere in the log.
func TestAuditExport(t *testing.T) {
	s, _ := mustOpenAccounts(t)
	secret := accountHistory(t, s)
	var buf bytes.Buffer
	if err := s.ExportAudit(&buf); err != nil {
		t.Fatal(err)
	}
	for _, leak := range []string{"$2a$", `"hash"`, pw, "another long passphrase", secret} {
		if strings.Contains(buf.String(), leak) {
			t.Errorf("the audit log contains %q", leak)
		}
	}
	sc := bufio.NewScanner(&buf)
	var seqs []uint64
	for sc.Scan() {
		var e data.AuditEntry
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		seqs = append(seqs, e.Seq)
	}
	if len(seqs) != 8 || !slices.IsSorted(seqs) {
		t.Errorf("exported seqs %v", seqs)
	}
}

func TestAppendAudit(t *testing.T) {
	s, c := mustOpenAccounts(t)
	e := data.AuditEntry{Actor: "ann", Action: "doc.edit", Target: "d1", Before: json.RawMessage(`{"year":2009}`), After: json.RawMessage(`{"year":2010}`), Note: "typo"}
	seq, err := s.AppendAudit(e)
	if err != nil || seq != 1 {
		t.Fatalf("AppendAudit = %d, %v", seq, err)
	}
	got, _ := s.Audit(0, 1)
	if len(got) != 1 || got[0].Seq != 1 || !got[0].Time.Equal(c.Now()) || string(got[0].After) != string(e.After) || got[0].Note != e.Note {
		t.Errorf("stored %+v, want %+v", got, e)
	}
	for _, bad := range []data.AuditEntry{
		{Action: "doc.edit"},
		{Actor: "ann"},
		{Actor: "ann", Action: "doc.edit", Before: json.RawMessage(`{`)},
	} {
		if _, err := s.AppendAudit(bad); !errors.Is(err, data.ErrInvalid) {
			t.Errorf("AppendAudit(%+v): %v, want ErrInvalid", bad, err)
		}
	}
}

// TestAuditInSameTransaction checks that a change and its audit entry
// commit or fail together.
func TestAuditInSameTransaction(t *testing.T) {
	s, _ := mustOpenAccounts(t)
	if _, err := s.AddUser("", "ann", data.RoleAdmin, pw); !errors.Is(err, data.ErrInvalid) {
		t.Fatalf("AddUser without an actor: %v", err)
	}
	if _, err := s.User("ann"); !errors.Is(err, data.ErrNotFound) {
		t.Error("a user was added without its audit entry")
	}
	mustAddUser(t, s, "ann", data.RoleAdmin)
	if err := s.DisableUser("", "ann"); !errors.Is(err, data.ErrInvalid) {
		t.Fatalf("DisableUser without an actor: %v", err)
	}
	if u, _ := s.User("ann"); u.Disabled {
		t.Error("a user was disabled without an audit entry")
	}
	if _, err := s.AddUser("root", "ann", data.RoleAdmin, pw); !errors.Is(err, data.ErrExists) {
		t.Fatal(err)
	}
	if entries, _ := s.Audit(0, 100); len(entries) != 1 {
		t.Errorf("%d entries, want 1 (the one add that worked)", len(entries))
	}
}
