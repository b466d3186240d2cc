package httpapi_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/apitest"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/clock"
	"github.com/accord-coalition/accord/internal/httpapi"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/testenv"
)

// testEnv is the application on the shared test environment, its log
// kept for the tests to read, driven over HTTP.
type testEnv struct {
	*testenv.Env
	t      *testing.T
	db     *store.DB
	server *httpapi.Server
	clock  *clock.Manual
	logs   *testenv.Logs
}

func newEnv(t *testing.T, db *store.DB, opts ...testenv.Option) *testEnv {
	t.Helper()
	logs := &testenv.Logs{}
	opts = append([]testenv.Option{testenv.StartAt(time.Now().UTC()), testenv.SessionsOnClock(), testenv.KeepLogs(logs)}, opts...)
	te := testenv.New(t, db, opts...)
	return &testEnv{Env: te, t: t, db: db, server: te.Server, clock: te.Clock, logs: logs}
}

type response struct {
	*http.Response
	body []byte
}

// do sends a request from the server's root through apitest.Do; headers
// are name, value pairs.
func (e *testEnv) do(method, path string, body any, headers ...string) response {
	e.t.Helper()
	r := e.Do(nil, method, path, body, headers...)
	u, _ := url.Parse(e.URL + path)
	return response{&http.Response{StatusCode: r.Status, Header: r.Header, Request: &http.Request{Method: method, URL: u}}, r.Body}
}

func (r response) json(t *testing.T, v any) {
	t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("decode %s: %v", r.body, err)
	}
}

// want fails the test unless r has status; what names the request.
func (r response) want(t *testing.T, status int, what string) response {
	t.Helper()
	if r.StatusCode != status {
		t.Fatalf("%s: %d %s", what, r.StatusCode, r.body)
	}
	return r
}

// problem checks that r is a complete problem document with status and
// returns it.
func (r response) problem(t *testing.T, status int) httpapi.Problem {
	t.Helper()
	return testenv.Problem(t, apitest.Response{Status: r.StatusCode, Header: r.Header, Body: r.body}, status)
}

func hasField(p httpapi.Problem, name string) bool { return testenv.HasField(p, name) }

func bearer(token string) []string { return []string{"Authorization", "Bearer " + token} }

// signUp registers an applicant over the API and signs it in.
func (e *testEnv) signUp(email string) auth.TokenPair {
	e.t.Helper()
	res := e.do("POST", "/api/v1/auth/register", httpapi.RegisterRequest{Email: email, Password: "correct horse battery", Name: "Amina", Locale: "en"})
	if res.StatusCode != http.StatusAccepted {
		e.t.Fatalf("register: %d %s", res.StatusCode, res.body)
	}
	return e.login(email, "correct horse battery")
}

func (e *testEnv) login(email, password string) auth.TokenPair {
	e.t.Helper()
	var pair auth.TokenPair
	e.Do(nil, "POST", "/api/v1/auth/login", httpapi.LoginRequest{Email: email, Password: password}).
		Want(e.t, http.StatusOK).Decode(e.t, &pair)
	return pair
}

// staff creates a user of role directly (as `accord user create` does)
// and signs it in.
func (e *testEnv) staff(email string, role accord.Role) auth.TokenPair {
	e.t.Helper()
	u := e.Person(auth.CreateUserInput{Email: email, Role: role, Name: "Staff " + string(role), Password: "staff password 123"})
	return auth.TokenPair{AccessToken: u.Token}
}

func (e *testEnv) count(table, where string, args ...any) int64 {
	return e.Count(table, where, args...)
}

// secondServer is another server on the same database and clock, its log
// kept with this one's.
func (e *testEnv) secondServer() *testEnv {
	e.t.Helper()
	te := e.SecondServer()
	return &testEnv{Env: te, t: e.t, db: e.db, server: te.Server, clock: e.clock, logs: e.logs}
}
