package web

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/go-chi/chi/v5"

	"casebook/data"
)

const msgNotSelf = "You cannot change your own role or disable yourself: ask another admin."

var roles = []data.Role{data.RoleReader, data.RoleStaff, data.RoleAdmin}

// usersView is the model of /admin/users.
type usersView struct {
	adminTab
	Users   []userRow
	Roles   []data.Role
	Flash   string
	Error   string
	NewName string    // the add form, kept after an error
	NewRole data.Role // ditto
}

type userRow struct {
	data.User
	Self bool // the admin looking at the page
}

func (s *Server) serveUsers(w http.ResponseWriter, r *http.Request) {
	s.showUsers(w, r, http.StatusOK, usersView{NewRole: data.RoleStaff})
}

// showUsers fills v with the users and renders the page. A flash note
// is shown only for a user that exists.
func (s *Server) showUsers(w http.ResponseWriter, r *http.Request, status int, v usersView) {
	users, err := s.Accounts.Users()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v.adminTab, v.Roles = adminTab{Tab: "users"}, roles
	q := r.URL.Query()
	for _, u := range users {
		v.Users = append(v.Users, userRow{User: u, Self: u.Name == s.actor(r)})
		if f, ok := flashes[q.Get("done")]; ok && u.Name == q.Get("name") && v.Error == "" {
			v.Flash = fmt.Sprintf(f, u.Name)
		}
	}
	s.renderAdmin(w, r, status, viewAdminUsers, "Users", v)
}

// postUser adds a user with a role and an initial password.
func (s *Server) postUser(w http.ResponseWriter, r *http.Request) {
	if err := parseAdminForm(w, r); err != nil {
		s.fail(w, r, err)
		return
	}
	name, role, password := r.PostFormValue("name"), r.PostFormValue("role"), r.PostFormValue("password")
	v := usersView{NewName: name, NewRole: data.Role(role)}
	if v.Error = checkUserForm(name, password, role); v.Error != "" {
		s.showUsers(w, r, http.StatusBadRequest, v)
		return
	}
	u, err := s.Accounts.AddUser(s.actor(r), name, data.Role(role), password)
	if errors.Is(err, data.ErrExists) {
		v.Error = msgNameTaken
		s.showUsers(w, r, http.StatusBadRequest, v)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, doneURL("/admin/users", "added", u.Name), http.StatusSeeOther)
}

func (s *Server) postUserRole(w http.ResponseWriter, r *http.Request) {
	s.changeUser(w, r, "role", true, func(name string) error {
		role, err := data.ParseRole(r.PostFormValue("role"))
		if err != nil {
			return badRequest(msgBadRole)
		}
		return s.Accounts.SetRole(s.actor(r), name, role)
	})
}

func (s *Server) postUserDisable(w http.ResponseWriter, r *http.Request) {
	s.changeUser(w, r, "disabled", true, func(name string) error {
		return s.Accounts.DisableUser(s.actor(r), name)
	})
}

func (s *Server) postUserEnable(w http.ResponseWriter, r *http.Request) {
	s.changeUser(w, r, "enabled", false, func(name string) error {
		return s.Accounts.EnableUser(s.actor(r), name)
	})
}

// postUserPassword sets a new password, which ends the user's sessions;
// an admin who resets their own logs in again.
func (s *Server) postUserPassword(w http.ResponseWriter, r *http.Request) {
	s.changeUser(w, r, "password", false, func(name string) error {
		password := r.PostFormValue("password")
		if data.CheckPassword(password) != nil {
			return badRequest(msgBadPassword)
		}
		return s.Accounts.SetPassword(s.actor(r), name, password)
	})
}

// changeUser runs change on the user named in the path and goes back to
// the list. notSelf refuses changes by admins to themselves, so that no
// one locks the last admin out by accident.
func (s *Server) changeUser(w http.ResponseWriter, r *http.Request, done string, notSelf bool, change func(name string) error) {
	if err := parseAdminForm(w, r); err != nil {
		s.fail(w, r, err)
		return
	}
	name, err := data.NormalizeUserName(chi.URLParam(r, "name"))
	if err != nil {
		s.fail(w, r, fmt.Errorf("user %q: %w", chi.URLParam(r, "name"), data.ErrNotFound))
		return
	}
	self := name == s.actor(r)
	if notSelf && self {
		s.showUsers(w, r, http.StatusBadRequest, usersView{Error: msgNotSelf, NewRole: data.RoleStaff})
		return
	}
	if err := change(name); err != nil {
		var ue *userError
		if errors.As(err, &ue) && ue.status == http.StatusBadRequest {
			s.showUsers(w, r, http.StatusBadRequest, usersView{Error: ue.msg, NewRole: data.RoleStaff})
			return
		}
		s.fail(w, r, err)
		return
	}
	if self && done == "password" {
		http.Redirect(w, r, loginURL("/admin/users"), http.StatusSeeOther)
		return
	}
	http.Redirect(w, r, doneURL("/admin/users", done, name), http.StatusSeeOther)
}
