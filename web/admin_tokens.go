package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/go-chi/chi/v5"

	"casebook/data"
)

const (
	msgBadLabel     = "Say in 1-200 characters what the token is for."
	msgTokenUser    = "Choose an enabled user for the token to act as."
	msgTokenCreated = "This is the only time the secret is shown: copy it now. The store keeps only its hash."
)

// tokensView is the model of /admin/tokens.
type tokensView struct {
	adminTab
	Tokens []data.Token
	Users  []data.User // enabled users, for the create form
	Flash  string
	Error  string
	Label  string // the create form, kept after an error
	User   string
	Secret string // the new token's secret, shown once
}

func (s *Server) serveTokens(w http.ResponseWriter, r *http.Request) {
	v := tokensView{User: s.actor(r)}
	if q := r.URL.Query(); q.Get("done") == "revoked" {
		if id, err := strconv.ParseUint(q.Get("name"), 10, 64); err == nil {
			v.Flash = fmt.Sprintf(flashes["revoked"], "token "+strconv.FormatUint(id, 10))
		}
	}
	s.showTokens(w, r, http.StatusOK, v)
}

func (s *Server) showTokens(w http.ResponseWriter, r *http.Request, status int, v tokensView) {
	tokens, err := s.Accounts.Tokens()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	users, err := s.Accounts.Users()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	for _, u := range users {
		if !u.Disabled {
			v.Users = append(v.Users, u)
		}
	}
	v.adminTab, v.Tokens = adminTab{Tab: "tokens"}, tokens
	s.renderAdmin(w, r, status, viewAdminTokens, "API tokens", v)
}

// postToken creates a token and shows its secret in the answer itself,
// never in a URL, and only this once.
func (s *Server) postToken(w http.ResponseWriter, r *http.Request) {
	if err := parseAdminForm(w, r); err != nil {
		s.fail(w, r, err)
		return
	}
	v := tokensView{Label: r.PostFormValue("label"), User: r.PostFormValue("user")}
	label := strings.TrimSpace(v.Label)
	if label == "" || utf8.RuneCountInString(label) > 200 {
		v.Error = msgBadLabel
		s.showTokens(w, r, http.StatusBadRequest, v)
		return
	}
	secret, t, err := s.Accounts.CreateToken(s.actor(r), v.User, label)
	if errors.Is(err, data.ErrNotFound) || errors.Is(err, data.ErrInvalid) {
		v.Error = msgTokenUser
		s.showTokens(w, r, http.StatusBadRequest, v)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v.Secret, v.Label, v.User = secret, "", s.actor(r)
	v.Flash = fmt.Sprintf("Created token %d (%s), acting as %s. %s", t.ID, t.Label, t.User, msgTokenCreated)
	s.showTokens(w, r, http.StatusOK, v)
}

func (s *Server) postTokenRevoke(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseUint(chi.URLParam(r, "id"), 10, 64)
	if err != nil {
		s.fail(w, r, fmt.Errorf("token %q: %w", chi.URLParam(r, "id"), data.ErrNotFound))
		return
	}
	if err := s.Accounts.RevokeToken(s.actor(r), id); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, doneURL("/admin/tokens", "revoked", strconv.FormatUint(id, 10)), http.StatusSeeOther)
}
