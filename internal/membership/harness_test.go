package membership_test

import (
	"testing"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/apitest"
	"github.com/accord-coalition/accord/internal/clock"
	"github.com/accord-coalition/accord/internal/httpapi"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
	"github.com/accord-coalition/accord/internal/testenv"
	"github.com/accord-coalition/accord/internal/workflow"
)

// env is the application on the shared test environment, driven over the
// membership API as a client would.
type env struct {
	*testenv.Env
	t      *testing.T
	db     *store.DB
	clock  *clock.Manual
	engine *workflow.Engine
}

func newEnv(t *testing.T, db *store.DB) *env {
	t.Helper()
	te := testenv.New(t, db)
	return &env{Env: te, t: t, db: db, clock: te.Clock, engine: te.App.Engine}
}

// engines runs fn once per engine, each on an environment of its own.
func engines(t *testing.T, fn func(t *testing.T, e *env)) {
	t.Helper()
	storetest.Engines(t, func(t *testing.T, db *store.DB) { fn(t, newEnv(t, db)) })
}

// user is a signed-in person of the tests; nil is the public.
type user = testenv.User

func (e *env) next() int                                  { return e.Next() }
func (e *env) applicant(locale string) *user              { return e.Applicant(locale) }
func (e *env) staff(role accord.Role, rs ...string) *user { return e.Staff(role, rs...) }

type response struct{ apitest.Response }

// do sends a JSON request under the API's root as u (nil: the public).
func (e *env) do(method, path string, u *user, body any, headers ...string) response {
	e.t.Helper()
	return response{e.Call(u, method, path, body, headers...)}
}

func (r response) want(t *testing.T, status int) response { r.Want(t, status); return r }
func (r response) decode(t *testing.T, v any)             { r.Decode(t, v) }

// problem checks that r is a problem document with status.
func (r response) problem(t *testing.T, status int) httpapi.Problem {
	t.Helper()
	return testenv.Problem(t, r.Response, status)
}

func hasField(p httpapi.Problem, field string) bool { return testenv.HasField(p, field) }
