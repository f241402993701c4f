package web

import (
	"fmt"
	"net/http"
	"slices"

	"casebook/data"
	"casebook/search"
)

// scope is what the request may see: a logged-in user (a reader or
// more) sees internal documents too; the public never does.
func scope(r *http.Request) search.Scope {
	u := currentUser(r)
	return search.Scope{Internal: u != nil && u.Role.Can(data.RoleReader)}
}

// hideInternal answers "not found" for an internal document the request
// may not see, so that its existence is not given away either.
func hideInternal(r *http.Request, doc *data.Document) error {
	if doc.Internal() && !scope(r).Internal {
		return fmt.Errorf("web: document %s is internal: %w", doc.ID, data.ErrNotFound)
	}
	return nil
}

// publicIssue leaves out of an issue the articles and neighbouring
// issues the request may not see.
func publicIssue(r *http.Request, v *data.IssueView) *data.IssueView {
	if scope(r).Internal {
		return v
	}
	out := *v
	out.Articles = slices.DeleteFunc(slices.Clone(v.Articles), func(a data.IssueArticle) bool { return a.Internal })
	if out.Prev.Internal {
		out.Prev = data.IssueLink{}
	}
	if out.Next.Internal {
		out.Next = data.IssueLink{}
	}
	return &out
}
