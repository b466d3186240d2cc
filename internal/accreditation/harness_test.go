package accreditation_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/accreditation"
	"github.com/accord-coalition/accord/internal/apitest"
	"github.com/accord-coalition/accord/internal/membership"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
	"github.com/accord-coalition/accord/internal/testenv"
)

// env is the application on the shared test environment, driven over the
// accreditation API as a client would.
type env struct {
	*testenv.Env
	svc *accreditation.Service
}

// shortDeadlines is ACCORD_ALLOW_SHORT_DEADLINES=true.
var shortDeadlines = testenv.ShortDeadlines()

func newEnv(t *testing.T, db *store.DB, opts ...testenv.Option) *env {
	t.Helper()
	te := testenv.New(t, db, opts...)
	return &env{Env: te, svc: te.App.Accreditation}
}

// engines runs fn once per engine, as subtests "sqlite" and "postgres",
// each on an environment of its own.
func engines(t *testing.T, fn func(t *testing.T, e *env), opts ...testenv.Option) {
	t.Helper()
	storetest.Engines(t, func(t *testing.T, db *store.DB) { fn(t, newEnv(t, db, opts...)) })
}

// user is a signed-in person of the tests; a nil *user is the public.
type user = testenv.User

// person creates a user of role, as `accord user create` does, makes an
// applicant speak for its organisation, and signs it in.
func (e *env) person(role accord.Role, country, orgID, locale string) *user {
	e.T.Helper()
	return e.PersonOf(role, country, orgID, locale)
}

func (e *env) secretariat() *user { return e.person(accord.RoleSecretariat, "", "", "en") }

func (e *env) state(country, locale string) *user {
	return e.person(accord.RoleStateParty, country, "", locale)
}

// ngo inserts an organisation and returns an applicant speaking for it.
func (e *env) ngo(nameEN, country, region, ecosoc string) *user {
	e.T.Helper()
	o := e.Organization(membership.Organization{Name: nameEN, NameEN: nameEN, Country: country, Region: region, EcosocStatus: ecosoc})
	return e.person(accord.RoleApplicant, "", o.ID, "en")
}

// res is an HTTP response read whole.
type res struct {
	status int
	header http.Header
	body   []byte
}

// do sends method path (under the API root, or the server's root after
// "root:") with body as JSON, as u. A transition body that names no
// version gets the one u reads now, as a client does.
func (e *env) do(u *user, method, path string, body any, headers ...string) res {
	e.T.Helper()
	if m, ok := body.(obj); ok && strings.HasSuffix(path, "/transitions") && m["version"] == nil {
		out := obj{"version": e.Version(u, strings.TrimSuffix(path, "/transitions"))}
		for k, v := range m {
			out[k] = v
		}
		body = out
	}
	var r apitest.Response
	if root, ok := strings.CutPrefix(path, "root:"); ok {
		r = e.Do(u, method, root, body, headers...)
	} else {
		r = e.Call(u, method, path, body, headers...)
	}
	return res{status: r.Status, header: r.Header, body: r.Body}
}

// call sends a request, fails unless the status is want, and decodes a
// JSON object answer.
func (e *env) call(u *user, method, path string, body any, want int) obj {
	e.T.Helper()
	r := e.do(u, method, path, body)
	if r.status != want {
		e.T.Fatalf("%s %s as %s: status %d, want %d: %s", method, path, who(u), r.status, want, r.body)
	}
	var o obj
	if len(r.body) > 0 && r.body[0] == '{' {
		if err := json.Unmarshal(r.body, &o); err != nil {
			e.T.Fatalf("decode %s: %v", r.body, err)
		}
	}
	return o
}

// problem checks that the answer is a problem document of status naming
// field (when given) among its errors.
func (e *env) problem(u *user, method, path string, body any, status int, field string) obj {
	e.T.Helper()
	r := e.do(u, method, path, body)
	p := testenv.Problem(e.T, apitest.Response{Status: r.status, Header: r.header, Body: r.body}, status)
	if field != "" && !testenv.HasField(p, field) {
		e.T.Fatalf("%s %s as %s: problem lacks field %q: %s", method, path, who(u), field, r.body)
	}
	var o obj
	json.Unmarshal(r.body, &o)
	return o
}

func hasField(p obj, field string) bool {
	for _, fe := range p.list("errors") {
		if fe["field"] == field {
			return true
		}
	}
	return false
}

func who(u *user) string { return u.String() }

// obj is a decoded JSON object.
type obj map[string]any

func (o obj) str(k string) string { s, _ := o[k].(string); return s }
func (o obj) num(k string) int    { f, _ := o[k].(float64); return int(f) }
func (o obj) list(k string) []obj {
	raw, _ := o[k].([]any)
	out := make([]obj, 0, len(raw))
	for _, x := range raw {
		m, _ := x.(map[string]any)
		out = append(out, m)
	}
	return out
}
func (o obj) events() []string {
	raw, _ := o["allowed_events"].([]any)
	out := []string{}
	for _, x := range raw {
		out = append(out, x.(string))
	}
	return out
}

// fire posts an event to a workflow resource over the API and returns
// the answer.
func (e *env) fire(u *user, resource, event, comment string, want int) obj {
	e.T.Helper()
	var o obj
	e.Fire(u, resource, event, comment).Want(e.T, want).Decode(e.T, &o)
	return o
}

func (e *env) stateOf(u *user, requestID string) string {
	e.T.Helper()
	return e.call(u, "GET", "/accreditation-requests/"+requestID, nil, http.StatusOK).str("state")
}

func (e *env) count(table, where string, args ...any) int64 { return e.Count(table, where, args...) }

func (e *env) tick() int { return e.Tick() }
