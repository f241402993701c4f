package web

import (
	"bufio"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"casebook/data"
)

func TestAdminAddUser(t *testing.T) {
	as := newAccountsServer(t, nil)
	admin := as.session(t, "root", data.RoleAdmin)
	w := as.post(t, "/admin/users", url.Values{"name": {"Sam"}, "role": {"staff"}, "password": {testPassword}}, admin)
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/admin/users?done=added&name=sam" {
		t.Fatalf("add: %d to %q\n%s", w.Code, w.Header().Get("Location"), w.Body)
	}
	u, err := as.store.User("sam")
	if err != nil || u.Role != data.RoleStaff {
		t.Fatalf("added user = %+v, %v", u, err)
	}
	body := as.getAs(t, w.Header().Get("Location"), admin).Body.String()
	if !strings.Contains(body, "Added user sam.") {
		t.Errorf("no note after adding:\n%s", body)
	}
	if _, err := as.store.Authenticate("sam", testPassword); err != nil {
		t.Errorf("new user cannot log in: %v", err)
	}
	if e, _ := as.store.Audit(0, 1); len(e) != 1 || e[0].Actor != "root" || e[0].Action != data.ActionUserAdd {
		t.Errorf("audit = %+v", e)
	}
}

func TestAdminAddUserErrors(t *testing.T) {
	as := newAccountsServer(t, nil)
	admin := as.session(t, "root", data.RoleAdmin)
	for _, tc := range []struct {
		form url.Values
		msg  string
	}{
		{url.Values{"name": {"root"}, "role": {"staff"}, "password": {testPassword}}, msgNameTaken},
		{url.Values{"name": {"<b>x</b>"}, "role": {"staff"}, "password": {testPassword}}, "User names are 1-64"},
		{url.Values{"name": {"cli"}, "role": {"staff"}, "password": {testPassword}}, "User names are 1-64"},
		{url.Values{"name": {"kim"}, "role": {"staff"}, "password": {"short"}}, msgBadPassword},
		{url.Values{"name": {"kim"}, "role": {"god"}, "password": {testPassword}}, msgBadRole},
	} {
		w := as.post(t, "/admin/users", tc.form, admin)
		if w.Code != http.StatusBadRequest || !strings.Contains(w.Body.String(), escapeHTML(tc.msg)) {
			t.Errorf("%v: %d\n%s", tc.form, w.Code, w.Body)
		}
		if strings.Contains(w.Body.String(), "<b>x</b>") {
			t.Error("name echoed unescaped")
		}
	}
}

func TestAdminChangeUser(t *testing.T) {
	as := newAccountsServer(t, nil)
	admin := as.session(t, "root", data.RoleAdmin)
	bob := as.session(t, "bob", data.RoleReader)
	secret, _, err := as.store.CreateToken("root", "bob", "bob's script")
	if err != nil {
		t.Fatal(err)
	}

	if w := as.post(t, "/admin/users/bob/role", url.Values{"role": {"staff"}}, admin); w.Code != http.StatusSeeOther {
		t.Fatalf("role: %d\n%s", w.Code, w.Body)
	}
	if u, _ := as.store.User("bob"); u.Role != data.RoleStaff {
		t.Errorf("role = %s", u.Role)
	}
	if body := as.getAs(t, "/", bob).Body.String(); !strings.Contains(body, "bob (staff)") {
		t.Error("role change not seen by bob's session")
	}

	if w := as.post(t, "/admin/users/bob/disable", nil, admin); w.Code != http.StatusSeeOther {
		t.Fatalf("disable: %d", w.Code)
	}
	if body := as.getAs(t, "/", bob).Body.String(); strings.Contains(body, "bob (staff)") {
		t.Error("disabled user's session still works")
	}
	if w := as.bearer(t, "/api/v1/search?q=x", secret); w.Code != http.StatusUnauthorized {
		t.Errorf("disabled user's token: %d", w.Code)
	}
	if w := as.post(t, "/login", url.Values{"name": {"bob"}, "password": {testPassword}}, nil); w.Code != http.StatusUnauthorized {
		t.Errorf("disabled user logs in: %d", w.Code)
	}

	if w := as.post(t, "/admin/users/bob/enable", nil, admin); w.Code != http.StatusSeeOther {
		t.Fatalf("enable: %d", w.Code)
	}
	as.login(t, "bob")
	if w := as.post(t, "/admin/users/nobody/disable", nil, admin); w.Code != http.StatusNotFound {
		t.Errorf("disable unknown user: %d", w.Code)
	}
}

// TestAdminCannotLockThemselvesOut: an admin may not demote or disable
// their own account.
func TestAdminCannotLockThemselvesOut(t *testing.T) {
	as := newAccountsServer(t, nil)
	admin := as.session(t, "root", data.RoleAdmin)
	for _, target := range []string{"/admin/users/root/role", "/admin/users/ROOT/disable"} {
		w := as.post(t, target, url.Values{"role": {"reader"}}, admin)
		if w.Code != http.StatusBadRequest || !strings.Contains(w.Body.String(), "your own role") {
			t.Errorf("%s: %d", target, w.Code)
		}
	}
	if u, _ := as.store.User("root"); u.Role != data.RoleAdmin || u.Disabled {
		t.Errorf("root = %+v", u)
	}
	// Resetting one's own password ends one's session: log in again.
	w := as.post(t, "/admin/users/root/password", url.Values{"password": {"another long password"}}, admin)
	if !isLoginRedirect(w) {
		t.Errorf("own password reset: %d to %q", w.Code, w.Header().Get("Location"))
	}
}

func TestAdminTokens(t *testing.T) {
	as := newAccountsServer(t, nil)
	admin := as.session(t, "root", data.RoleAdmin)
	as.addUser(t, "script", data.RoleStaff)
	w := as.post(t, "/admin/tokens", url.Values{"user": {"script"}, "label": {evilScript}}, admin)
	if w.Code != http.StatusOK || w.Header().Get("Cache-Control") != "no-store" {
		t.Fatalf("create: %d %q\n%s", w.Code, w.Header().Get("Cache-Control"), w.Body)
	}
	tokens, _ := as.store.Tokens()
	if len(tokens) != 1 || tokens[0].User != "script" {
		t.Fatalf("tokens = %+v", tokens)
	}
	body := w.Body.String()
	i := strings.Index(body, data.TokenPrefix)
	if i < 0 {
		t.Fatal("secret not shown")
	}
	secret := body[i : i+strings.IndexByte(body[i:], '"')]
	if strings.Contains(body, evilScript) {
		t.Error("label not escaped")
	}
	if w := as.bearer(t, "/api/v1/search?q=x", secret); w.Code != http.StatusOK {
		t.Errorf("shown secret does not work: %d", w.Code)
	}
	if list := as.getAs(t, "/admin/tokens", admin).Body.String(); strings.Contains(list, secret) {
		t.Error("secret shown again on the list")
	}

	w = as.post(t, "/admin/tokens/1/revoke", nil, admin)
	if w.Code != http.StatusSeeOther {
		t.Fatalf("revoke: %d", w.Code)
	}
	if list := as.getAs(t, w.Header().Get("Location"), admin).Body.String(); !strings.Contains(list, "Revoked token 1.") || !strings.Contains(list, "revoked 2030-01-02") {
		t.Errorf("list after revoke:\n%s", list)
	}
	if w := as.bearer(t, "/api/v1/search?q=x", secret); w.Code != http.StatusUnauthorized {
		t.Errorf("revoked token: %d", w.Code)
	}
	for _, form := range []url.Values{{"user": {"script"}, "label": {" "}}, {"user": {"nobody"}, "label": {"x"}}} {
		if w := as.post(t, "/admin/tokens", form, admin); w.Code != http.StatusBadRequest {
			t.Errorf("create %v: %d", form, w.Code)
		}
	}
	if w := as.post(t, "/admin/tokens/99/revoke", nil, admin); w.Code != http.StatusNotFound {
		t.Errorf("revoke unknown: %d", w.Code)
	}
}

func TestAdminAudit(t *testing.T) {
	as := newAccountsServer(t, nil)
	admin := as.session(t, "root", data.RoleAdmin)
	for i := range auditPageSize + 5 {
		if _, err := as.store.AppendAudit(data.AuditEntry{Actor: "root", Action: "test.note", Note: evilScript + string(rune('a'+i%26))}); err != nil {
			t.Fatal(err)
		}
	}
	w := as.getAs(t, "/admin/audit", admin)
	body := w.Body.String()
	if w.Code != http.StatusOK || strings.Contains(body, evilScript) || strings.Count(body, "<tr>") != auditPageSize+1 {
		t.Fatalf("audit page: %d, %d rows\n%s", w.Code, strings.Count(body, "<tr>"), body)
	}
	if !strings.Contains(body, `href="/admin/audit?before=7"`) { // 56 entries, newest first: 56..7
		t.Errorf("no link to older entries:\n%s", body)
	}
	older := as.getAs(t, "/admin/audit?before=7", admin).Body.String()
	if n := strings.Count(older, "<tr>"); n != 7 || strings.Contains(older, "before=") {
		t.Errorf("older page: %d rows", n)
	}
	if w := as.getAs(t, "/admin/audit?before=x", admin); w.Code != http.StatusBadRequest {
		t.Errorf("bad before: %d", w.Code)
	}
}

func TestAdminAuditExport(t *testing.T) {
	as := newAccountsServer(t, nil)
	admin := as.session(t, "root", data.RoleAdmin)
	as.addUser(t, "sam", data.RoleStaff)
	w := as.getAs(t, "/admin/audit/export", admin)
	if w.Code != http.StatusOK || !strings.HasPrefix(w.Header().Get("Content-Disposition"), `attachment; filename="casebook-audit-`) {
		t.Fatalf("export: %d %q", w.Code, w.Header().Get("Content-Disposition"))
	}
	var actions []string
	sc := bufio.NewScanner(w.Body)
	for sc.Scan() {
		var e data.AuditEntry
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		actions = append(actions, e.Action+" "+e.Target)
	}
	if strings.Join(actions, ",") != "user.add root,user.add sam" {
		t.Errorf("exported %q", actions)
	}
}

func TestAdminIndexRedirects(t *testing.T) {
	as := newAccountsServer(t, nil)
	admin := as.session(t, "root", data.RoleAdmin)
	for _, path := range []string{"/admin", "/admin/"} {
		if w := as.getAs(t, path, admin); w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/admin/users" {
			t.Errorf("GET %s: %d %q", path, w.Code, w.Header().Get("Location"))
		}
	}
	if body := as.getAs(t, "/", admin).Body.String(); !strings.Contains(body, `href="/admin/users"`) {
		t.Error("no admin link for an admin")
	}
}

func escapeHTML(s string) string {
	return strings.NewReplacer(`"`, "&#34;", "<", "&lt;", ">", "&gt;", "'", "&#39;").Replace(s)
}
