package membership_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/clock"
	"github.com/accord-coalition/accord/internal/config"
	"github.com/accord-coalition/accord/internal/country"
	"github.com/accord-coalition/accord/internal/httpapi"
	"github.com/accord-coalition/accord/internal/membership"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/workflow"
)

const testSecret = "a-test-secret-key-that-is-long-enough-0123456789"

// env is the membership API on a real server and a real database, driven
// over HTTP as a client would.
type env struct {
	t      *testing.T
	db     *store.DB
	clock  *clock.Manual
	engine *workflow.Engine
	svc    *membership.Service
	auth   *auth.Service
	url    string
	seq    int
}

func newEnv(t *testing.T, db *store.DB) *env {
	t.Helper()
	ctx := context.Background()
	if _, _, err := country.Load(ctx, db); err != nil {
		t.Fatalf("load countries: %v", err)
	}
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	clk := clock.NewManual(time.Now().UTC().Truncate(time.Microsecond))
	authz := auth.NewAuthorizer(logger)
	acfg := auth.DefaultConfig([]byte(testSecret))
	acfg.Argon2 = auth.Argon2Params{Memory: 1024, Time: 1, Threads: 1, KeyLen: 32, SaltLen: 16}
	acfg.EmailVerification = false
	acfg.BaseURL = "http://accord.test"
	authSvc := auth.NewService(db, acfg, authz, logger)
	engine := workflow.New(db, workflow.WithClock(clk.Now), workflow.WithLogger(logger))
	svc := membership.NewService(db, engine, authz, membership.Config{
		BaseURL: "http://accord.test", Now: clk.Now, Logger: logger,
	})
	srv := httpapi.New(httpapi.Deps{
		Config: config.Config{BaseURL: "http://accord.test", SecretKey: []byte(testSecret)},
		DB:     db, Auth: authSvc, Logger: logger, Membership: svc,
	})
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(hs.Close)
	return &env{t: t, db: db, clock: clk, engine: engine, svc: svc, auth: authSvc, url: hs.URL + httpapi.APIPrefix}
}

// user is a signed-in person of the tests.
type user struct {
	ID    string
	Token string
	Role  accord.Role
}

func (e *env) next() int { e.seq++; return e.seq }

// applicant registers an applicant over the API, in locale, and signs in.
func (e *env) applicant(locale string) *user {
	e.t.Helper()
	email := fmt.Sprintf("applicant%d@ngo.example", e.next())
	res := e.do("POST", "/auth/register", nil, map[string]string{
		"email": email, "password": "correct horse battery", "name": "Amina Haddad", "locale": locale,
	})
	res.want(e.t, http.StatusAccepted)
	token := e.login(email, "correct horse battery")
	var u struct{ ID string }
	e.do("GET", "/me", &user{Token: token}, nil).decode(e.t, &u)
	return &user{ID: u.ID, Token: token, Role: accord.RoleApplicant}
}

// staff creates a user of role directly, as `accord user create` does,
// and signs it in.
func (e *env) staff(role accord.Role, regions ...string) *user {
	e.t.Helper()
	email := fmt.Sprintf("%s%d@coalition.example", role, e.next())
	in := auth.CreateUserInput{Email: email, Name: "Staff " + string(role), Role: role, Locale: "en",
		Password: "staff password 123", Regions: regions}
	if role == accord.RoleStateParty {
		in.Country = "EG"
	}
	u, err := e.auth.CreateUserDirect(context.Background(), in)
	if err != nil {
		e.t.Fatalf("create %s: %v", role, err)
	}
	return &user{ID: u.ID, Token: e.login(email, "staff password 123"), Role: role}
}

func (e *env) login(email, password string) string {
	e.t.Helper()
	res := e.do("POST", "/auth/login", nil, map[string]string{"email": email, "password": password})
	res.want(e.t, http.StatusOK)
	var pair auth.TokenPair
	res.decode(e.t, &pair)
	return pair.AccessToken
}

type response struct {
	Status int
	Header http.Header
	Body   []byte
}

// do sends a JSON request as u (nil: the public); body may be a string
// sent as it is. headers are name, value pairs.
func (e *env) do(method, path string, u *user, body any, headers ...string) response {
	e.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	default:
		raw, err := json.Marshal(b)
		if err != nil {
			e.t.Fatal(err)
		}
		rd = bytes.NewReader(raw)
	}
	req, err := http.NewRequest(method, e.url+path, rd)
	if err != nil {
		e.t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return e.send(req, u, headers...)
}

func (e *env) send(req *http.Request, u *user, headers ...string) response {
	e.t.Helper()
	if u != nil {
		req.Header.Set("Authorization", "Bearer "+u.Token)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatalf("%s %s: %v", req.Method, req.URL.Path, err)
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		e.t.Fatalf("%s %s: read body: %v", req.Method, req.URL.Path, err)
	}
	return response{Status: res.StatusCode, Header: res.Header, Body: raw}
}

func (r response) want(t *testing.T, status int) response {
	t.Helper()
	if r.Status != status {
		t.Fatalf("status %d, want %d: %s", r.Status, status, r.Body)
	}
	return r
}

func (r response) decode(t *testing.T, v any) {
	t.Helper()
	if err := json.Unmarshal(r.Body, v); err != nil {
		t.Fatalf("decode %s: %v", r.Body, err)
	}
}

// problem checks that r is a problem document with status.
func (r response) problem(t *testing.T, status int) httpapi.Problem {
	t.Helper()
	r.want(t, status)
	if ct := r.Header.Get("Content-Type"); ct != httpapi.ProblemContentType {
		t.Fatalf("Content-Type %q, want a problem document: %s", ct, r.Body)
	}
	var p httpapi.Problem
	r.decode(t, &p)
	return p
}

func hasField(p httpapi.Problem, field string) bool {
	for _, f := range p.Errors {
		if f.Field == field {
			return true
		}
	}
	return false
}
