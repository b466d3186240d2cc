package accreditation_test

import (
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

	"github.com/google/uuid"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/accreditation"
	"github.com/accord-coalition/accord/internal/apitest"
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

// env is the accreditation API on a real server and a real database,
// driven over HTTP as a client would.
type env struct {
	t      *testing.T
	db     *store.DB
	clock  *clock.Manual
	engine *workflow.Engine
	svc    *accreditation.Service
	auth   *auth.Service
	root   string // the server's root, for /verify/{token}
	url    string // the API's root
	seq    int
}

type envOption func(*accreditation.Config)

// shortDeadlines is ACCORD_ALLOW_SHORT_DEADLINES=true.
func shortDeadlines(c *accreditation.Config) { c.AllowShortDeadlines = true }

func newEnv(t *testing.T, db *store.DB, opts ...envOption) *env {
	t.Helper()
	ctx := context.Background()
	if _, _, err := country.Load(ctx, db); err != nil {
		t.Fatalf("load countries: %v", err)
	}
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	clk := clock.NewManual(time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	authz := auth.NewAuthorizer(logger)
	acfg := auth.DefaultConfig([]byte(testSecret))
	acfg.Argon2 = auth.Argon2Params{Memory: 1024, Time: 1, Threads: 1, KeyLen: 32, SaltLen: 16}
	acfg.EmailVerification = false
	acfg.BaseURL = "http://accord.test"
	authSvc := auth.NewService(db, acfg, authz, logger)
	engine := workflow.New(db, workflow.WithClock(clk.Now), workflow.WithLogger(logger))
	cfg := accreditation.Config{
		SecretKey: []byte(testSecret), BaseURL: "http://accord.test",
		PassportRetention: 90 * 24 * time.Hour, Now: clk.Now,
	}
	for _, o := range opts {
		o(&cfg)
	}
	svc, err := accreditation.NewService(db, engine, authz, cfg, logger)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range svc.Machines() {
		engine.Register(m)
	}
	srv := httpapi.New(httpapi.Deps{
		Config: config.Config{BaseURL: "http://accord.test", SecretKey: []byte(testSecret)},
		DB:     db, Auth: authSvc, Logger: logger, Accreditation: svc,
	})
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(hs.Close)
	return &env{t: t, db: db, clock: clk, engine: engine, svc: svc, auth: authSvc,
		root: hs.URL, url: hs.URL + httpapi.APIPrefix}
}

// user is a signed-in person of the tests; a nil *user is the public.
type user struct {
	ID      string
	Token   string
	Role    accord.Role
	Country string
	OrgID   string
}

func (e *env) next() int { e.seq++; return e.seq }

// person creates a user of role directly, as `accord user create` does,
// attaches an applicant to its organisation, and signs it in.
func (e *env) person(role accord.Role, country, orgID, locale string) *user {
	e.t.Helper()
	ctx := context.Background()
	email := fmt.Sprintf("%s%d@example.org", role, e.next())
	u, err := e.auth.CreateUserDirect(ctx, auth.CreateUserInput{
		Email: email, Name: "Person " + string(role), Role: role, Country: country, Locale: locale,
		Password: "a long enough password", Regions: regionsFor(role),
	})
	if err != nil {
		e.t.Fatalf("create %s: %v", role, err)
	}
	if orgID != "" {
		if err := e.db.WithContext(ctx).Table("users").Where("id = ?", u.ID).Update("organization_id", orgID).Error; err != nil {
			e.t.Fatal(err)
		}
	}
	pair, err := e.auth.Login(ctx, email, "a long enough password", "192.0.2.1")
	if err != nil {
		e.t.Fatalf("login %s: %v", email, err)
	}
	return &user{ID: u.ID, Token: pair.AccessToken, Role: role, Country: country, OrgID: orgID}
}

func regionsFor(role accord.Role) []string {
	if role == accord.RoleCoordinator {
		return []string{"MENA"}
	}
	return nil
}

func (e *env) secretariat() *user { return e.person(accord.RoleSecretariat, "", "", "en") }

func (e *env) state(country, locale string) *user {
	return e.person(accord.RoleStateParty, country, "", locale)
}

// ngo inserts an organisation and returns an applicant speaking for it.
func (e *env) ngo(nameEN, country, region, ecosoc string) *user {
	e.t.Helper()
	now := e.clock.Now()
	o := membership.Organization{
		ID: uuid.NewString(), Name: nameEN, NameEN: nameEN, Country: country, Region: region,
		EcosocStatus: ecosoc, Version: 1, CreatedAt: now, UpdatedAt: now,
	}
	o.RefreshKeys()
	if err := e.db.WithContext(context.Background()).Create(&o).Error; err != nil {
		e.t.Fatalf("insert organisation: %v", err)
	}
	return e.person(accord.RoleApplicant, "", o.ID, "en")
}

// res is an HTTP response read whole.
type res struct {
	status int
	header http.Header
	body   []byte
}

// do sends method path (under the API root unless it starts with "/" and
// root is set) with body as JSON, as u.
func (e *env) do(u *user, method, path string, body any, headers ...string) res {
	e.t.Helper()
	if m, ok := body.(obj); ok && strings.HasSuffix(path, "/transitions") && m["version"] == nil {
		body = e.withVersion(u, strings.TrimSuffix(path, "/transitions"), m)
	}
	url := e.url + path
	if strings.HasPrefix(path, "root:") {
		url = e.root + strings.TrimPrefix(path, "root:")
	}
	token := ""
	if u != nil {
		token = u.Token
	}
	r := apitest.Do(e.t, method, url, token, body, headers...)
	return res{status: r.Status, header: r.Header, body: r.Body}
}

// withVersion adds the version the caller reads now to a transition body
// that names none, as a client does; a resource the caller cannot read gets
// version 1, and the answer says why it was refused.
func (e *env) withVersion(u *user, resource string, body obj) obj {
	e.t.Helper()
	out := obj{"version": 1}
	for k, v := range body {
		out[k] = v
	}
	if r := e.do(u, "GET", resource, nil); r.status == http.StatusOK {
		var cur struct{ Version int }
		if err := json.Unmarshal(r.body, &cur); err == nil && cur.Version > 0 {
			out["version"] = cur.Version
		}
	}
	return out
}

// call sends a request, fails unless the status is want, and decodes a
// JSON object answer.
func (e *env) call(u *user, method, path string, body any, want int) obj {
	e.t.Helper()
	r := e.do(u, method, path, body)
	if r.status != want {
		e.t.Fatalf("%s %s as %s: status %d, want %d: %s", method, path, who(u), r.status, want, r.body)
	}
	var o obj
	if len(r.body) > 0 && r.body[0] == '{' {
		if err := json.Unmarshal(r.body, &o); err != nil {
			e.t.Fatalf("decode %s: %v", r.body, err)
		}
	}
	return o
}

// problem checks that the answer is a problem document of status naming
// field (when given) among its errors.
func (e *env) problem(u *user, method, path string, body any, status int, field string) obj {
	e.t.Helper()
	r := e.do(u, method, path, body)
	if r.status != status || r.header.Get("Content-Type") != httpapi.ProblemContentType {
		e.t.Fatalf("%s %s as %s: %d %s, want a %d problem: %s", method, path, who(u), r.status,
			r.header.Get("Content-Type"), status, r.body)
	}
	var p obj
	if err := json.Unmarshal(r.body, &p); err != nil {
		e.t.Fatal(err)
	}
	if field != "" && !hasField(p, field) {
		e.t.Fatalf("%s %s: problem lacks field %q: %s", method, path, field, r.body)
	}
	return p
}

func hasField(p obj, field string) bool {
	errs, _ := p["errors"].([]any)
	for _, fe := range errs {
		if m, ok := fe.(map[string]any); ok && m["field"] == field {
			return true
		}
	}
	return false
}

func who(u *user) string {
	if u == nil {
		return "the public"
	}
	return string(u.Role)
}

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

// conference creates a conference over the API, starting 120 days from
// now, with its accreditation window open.
func (e *env) conference(sec *user, code string, maxDelegates int) obj {
	e.t.Helper()
	now := e.clock.Now()
	day := func(d int) string { return now.AddDate(0, 0, d).Format("2006-01-02") }
	return e.call(sec, "POST", "/conferences", obj{
		"code": code, "title": "Conference " + code, "venue": "Vienna International Centre",
		"starts_on": day(120), "ends_on": day(124),
		"accreditation_opens_at":  now.Add(-24 * time.Hour),
		"accreditation_closes_at": now.AddDate(0, 0, 60),
		"nomination_cutoff_at":    now.AddDate(0, 0, 100),
		"max_delegates":           maxDelegates, "objection_period_days": 30, "name_objecting_states": true,
	}, http.StatusCreated)
}

// submitted creates a request of u's organisation and submits it.
func (e *env) submitted(u *user, confID string) obj {
	e.t.Helper()
	r := e.call(u, "POST", "/conferences/"+confID+"/accreditation-requests",
		obj{"organization_id": u.OrgID, "motivation": "We monitor the Convention's implementation."}, http.StatusCreated)
	return e.fire(u, "/accreditation-requests/"+r.str("id"), "submit", "", http.StatusOK)
}

// fire posts an event to a workflow resource and returns the answer.
func (e *env) fire(u *user, resource, event, comment string, want int) obj {
	e.t.Helper()
	return e.call(u, "POST", resource+"/transitions", obj{"event": event, "comment": comment}, want)
}

func (e *env) stateOf(u *user, requestID string) string {
	e.t.Helper()
	return e.call(u, "GET", "/accreditation-requests/"+requestID, nil, http.StatusOK).str("state")
}

// count counts the rows of table matching where.
func (e *env) count(table, where string, args ...any) int64 {
	e.t.Helper()
	var n int64
	if err := e.db.WithContext(context.Background()).Table(table).Where(where, args...).Count(&n).Error; err != nil {
		e.t.Fatal(err)
	}
	return n
}

func (e *env) tick() int {
	e.t.Helper()
	n, err := e.engine.Tick(context.Background())
	if err != nil {
		e.t.Fatalf("tick: %v", err)
	}
	return n
}
