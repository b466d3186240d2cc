// Package testenv is the one test environment of Accord's packages: the
// application built as app.Open builds it, on a migrated database of
// either engine (from storetest), with the hand-moved clock, served by a
// real httptest server with the API and the web pages, and the helpers
// every package's tests need: people of each role, signing in, firing
// transitions over the API, moving time and firing deadlines.
package testenv

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/accord-coalition/accord/internal/app"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/clock"
	"github.com/accord-coalition/accord/internal/config"
	"github.com/accord-coalition/accord/internal/country"
	"github.com/accord-coalition/accord/internal/httpapi"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
)

// SecretKey is the server secret of every test environment.
const SecretKey = "a-test-secret-key-that-is-long-enough-0123456789"

// Start is where the clock stands when a test begins, unless StartAt says
// otherwise: a fixed day, so that dates in the tests are repeatable.
var Start = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

// Env is one running Accord for one test.
type Env struct {
	T      testing.TB
	App    *app.App
	DB     *store.DB
	Clock  *clock.Manual
	Server *httpapi.Server
	// URL is the server's root; API is the root of the JSON API.
	URL, API string
	seq      int
}

type settings struct {
	cfg             config.Config
	start           time.Time
	sessionsOnClock bool
	unmigrated      bool
	logger          *slog.Logger
}

// Option adjusts the environment before the application is built.
type Option func(*settings)

// Configure changes the configuration the application is built with.
func Configure(fn func(*config.Config)) Option { return func(s *settings) { fn(&s.cfg) } }

// ShortDeadlines is ACCORD_ALLOW_SHORT_DEADLINES=true.
func ShortDeadlines() Option {
	return Configure(func(c *config.Config) { c.AllowShortDeadlines = true })
}

// EmailVerification refuses sign-in until the address is verified, as
// production does by default.
func EmailVerification() Option {
	return Configure(func(c *config.Config) { c.EmailVerification = true })
}

// BaseURL sets the address the application believes it is served at.
func BaseURL(u string) Option { return Configure(func(c *config.Config) { c.BaseURL = u }) }

// StartAt stands the clock at t rather than at Start.
func StartAt(t time.Time) Option { return func(s *settings) { s.start = t } }

// SessionsOnClock puts sign-in tokens and sessions on the hand-moved clock
// too; by default they keep real time, so moving the clock a month signs
// nobody out.
func SessionsOnClock() Option { return func(s *settings) { s.sessionsOnClock = true } }

// Unmigrated builds on a database not migrated yet, for the tests of
// readiness: the countries are not loaded.
func Unmigrated() Option { return func(s *settings) { s.unmigrated = true } }

// Logger replaces the logger, which by default discards everything.
func Logger(l *slog.Logger) Option { return func(s *settings) { s.logger = l } }

// Engines runs fn once per engine, as subtests "sqlite" and "postgres",
// each on an environment of its own.
func Engines(t *testing.T, fn func(t *testing.T, e *Env), opts ...Option) {
	t.Helper()
	storetest.Engines(t, func(t *testing.T, db *store.DB) { fn(t, New(t, db, opts...)) })
}

// New builds the application on db, which must be migrated, loads the
// countries and serves it until the test ends.
func New(t testing.TB, db *store.DB, opts ...Option) *Env {
	t.Helper()
	s := settings{
		cfg: config.Config{
			BaseURL: "http://accord.test", SecretKey: []byte(SecretKey),
			PassportRetention: 90 * 24 * time.Hour, TickInterval: time.Minute,
		},
		start:  Start,
		logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
	for _, o := range opts {
		o(&s)
	}
	ctx := context.Background()
	if _, _, err := country.Load(ctx, db); !s.unmigrated && err != nil {
		t.Fatalf("load countries: %v", err)
	}
	clk := clock.NewManual(s.start)
	// Cheap hashing: these tests are about workflows and pages, not the
	// cost of a password.
	cheap := auth.Argon2Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}
	o := app.Options{Now: clk.Now, Argon2: &cheap}
	if s.sessionsOnClock {
		o.SessionNow = clk.Now
	}
	a, err := app.Build(db, s.cfg, s.logger, o)
	if err != nil {
		t.Fatalf("build the application: %v", err)
	}
	srv := a.Server()
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(hs.Close)
	return &Env{T: t, App: a, DB: db, Clock: clk, Server: srv, URL: hs.URL, API: hs.URL + httpapi.APIPrefix}
}

// Next is a number unique within the environment, for emails and codes.
func (e *Env) Next() int { e.seq++; return e.seq }

// Tick fires the due deadline transitions and purges what retention
// periods have run out on, as the server's ticker does, and returns how
// many transitions fired.
func (e *Env) Tick() int {
	e.T.Helper()
	n, err := e.App.Tick(context.Background())
	if err != nil {
		e.T.Fatalf("tick: %v", err)
	}
	return n
}

// Count counts the rows of table matching where.
func (e *Env) Count(table, where string, args ...any) int64 {
	e.T.Helper()
	var n int64
	if err := e.DB.WithContext(context.Background()).Table(table).Where(where, args...).Count(&n).Error; err != nil {
		e.T.Fatal(err)
	}
	return n
}

// State reads the state of the row id of a workflow's table from the
// database, bypassing every rule.
func (e *Env) State(table, id string) string {
	e.T.Helper()
	var st string
	if err := e.DB.WithContext(context.Background()).Table(table).Select("state").Where("id = ?", id).Scan(&st).Error; err != nil {
		e.T.Fatalf("state of %s %s: %v", table, id, err)
	}
	return st
}
