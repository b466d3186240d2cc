package testenv

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/accord-coalition/accord/internal/apitest"
	"github.com/accord-coalition/accord/internal/httpapi"
)

// Do sends method path (from the server's root: "/api/v1/…", "/verify/…")
// as u, nil being the public, through apitest.Do.
func (e *Env) Do(u *User, method, path string, body any, headers ...string) apitest.Response {
	e.T.Helper()
	token := ""
	if u != nil {
		token = u.Token
	}
	return apitest.Do(e.T, method, e.URL+path, token, body, headers...)
}

// Call sends method path under the API's root as u and returns the answer.
func (e *Env) Call(u *User, method, path string, body any, headers ...string) apitest.Response {
	e.T.Helper()
	return e.Do(u, method, httpapi.APIPrefix+path, body, headers...)
}

// Version is the version of the API resource at path as u reads it now,
// or 1 when u cannot read it (the answer to what follows says why).
func (e *Env) Version(u *User, path string) int {
	e.T.Helper()
	r := e.Call(u, "GET", path, nil)
	var cur struct{ Version int }
	if r.Status == http.StatusOK && json.Unmarshal(r.Body, &cur) == nil && cur.Version > 0 {
		return cur.Version
	}
	return 1
}

// Fire posts event, with comment, to the workflow resource at path under
// the API's root (as "/applications/{id}"), at the version u reads now, as
// a client does: POST {path}/transitions with event, comment and version.
// Extra fields go into the body as they are.
func (e *Env) Fire(u *User, path, event, comment string, extra ...map[string]any) apitest.Response {
	e.T.Helper()
	path = strings.TrimSuffix(path, "/transitions")
	body := map[string]any{"event": event, "comment": comment, "version": e.Version(u, path)}
	for _, x := range extra {
		for k, v := range x {
			body[k] = v
		}
	}
	return e.Call(u, "POST", path+"/transitions", body)
}

// Problem checks that r is a complete problem document (RFC 9457: type,
// title, status and detail) with status, and returns it.
func Problem(t testing.TB, r apitest.Response, status int) httpapi.Problem {
	t.Helper()
	if r.Status != status || r.Header.Get("Content-Type") != httpapi.ProblemContentType {
		t.Fatalf("%d %s, want a %d problem: %.2000s", r.Status, r.Header.Get("Content-Type"), status, r.Body)
	}
	var p httpapi.Problem
	if err := json.Unmarshal(r.Body, &p); err != nil {
		t.Fatalf("decode problem %s: %v", r.Body, err)
	}
	if p.Status != status || p.Title == "" || p.Type == "" || p.Detail == "" {
		t.Fatalf("incomplete problem: %s", r.Body)
	}
	return p
}

// HasField reports whether the problem names field among its errors.
func HasField(p httpapi.Problem, field string) bool {
	for _, f := range p.Errors {
		if f.Field == field {
			return true
		}
	}
	return false
}
