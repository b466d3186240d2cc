package httpapi

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/clock"
	"github.com/accord-coalition/accord/internal/config"
	"github.com/accord-coalition/accord/internal/store"
)

const testSecret = "a-test-secret-key-that-is-long-enough-0123456789"

// testEnv is a real server on a real database, driven over HTTP.
type testEnv struct {
	t      *testing.T
	db     *store.DB
	server *Server
	auth   *auth.Service
	url    string
	clock  *clock.Manual
	logs   *syncBuffer
}

type envOption func(*config.Config, *auth.Config)

func newEnv(t *testing.T, db *store.DB, opts ...envOption) *testEnv {
	t.Helper()
	clk := clock.NewManual(time.Now().UTC())
	cfg := config.Config{BaseURL: "http://accord.test", SecretKey: []byte(testSecret)}
	acfg := auth.DefaultConfig([]byte(testSecret))
	// Cheap hashing: the tests exercise the HTTP layer, not argon2.
	acfg.Argon2 = auth.Argon2Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}
	acfg.EmailVerification = false
	acfg.Now = clk.Now
	acfg.BaseURL = cfg.BaseURL
	for _, o := range opts {
		o(&cfg, &acfg)
	}
	logs := &syncBuffer{}
	logger := slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	svc := auth.NewService(db, acfg, auth.NewAuthorizer(logger), logger)
	s := New(Deps{Config: cfg, DB: db, Auth: svc, Logger: logger, Now: clk.Now})
	hs := httptest.NewServer(s.Handler())
	t.Cleanup(hs.Close)
	return &testEnv{t: t, db: db, server: s, auth: svc, url: hs.URL, clock: clk, logs: logs}
}

type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// entries returns the logged JSON lines whose msg is msg.
func (b *syncBuffer) entries(msg string) []map[string]any {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []map[string]any
	for _, line := range strings.Split(b.buf.String(), "\n") {
		var m map[string]any
		if json.Unmarshal([]byte(line), &m) == nil && m["msg"] == msg {
			out = append(out, m)
		}
	}
	return out
}

type response struct {
	*http.Response
	body []byte
}

// do sends a request. body is sent as is when it is a string or []byte
// (with Content-Type application/json unless headers set one), else as its
// JSON encoding; headers are name, value pairs.
func (e *testEnv) do(method, path string, body any, headers ...string) response {
	e.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	case []byte:
		rd = bytes.NewReader(b)
	case io.Reader:
		rd = b
	default:
		raw, err := json.Marshal(b)
		if err != nil {
			e.t.Fatal(err)
		}
		rd = bytes.NewReader(raw)
	}
	req, err := http.NewRequestWithContext(context.Background(), method, e.url+path, rd)
	if err != nil {
		e.t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		e.t.Fatalf("%s %s: read body: %v", method, path, err)
	}
	return response{Response: res, body: raw}
}

func (r response) json(t *testing.T, v any) {
	t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("decode %s: %v", r.body, err)
	}
}

// problem checks that r is a problem document with status and returns it.
func (r response) problem(t *testing.T, status int) Problem {
	t.Helper()
	if r.StatusCode != status {
		t.Fatalf("status %d, want %d; body %s", r.StatusCode, status, r.body)
	}
	if ct := r.Header.Get("Content-Type"); ct != ProblemContentType {
		t.Fatalf("Content-Type %q, want %q", ct, ProblemContentType)
	}
	var raw map[string]any
	r.json(t, &raw)
	for _, k := range []string{"type", "title", "status", "detail"} {
		if _, ok := raw[k]; !ok {
			t.Fatalf("problem lacks %q: %s", k, r.body)
		}
	}
	var p Problem
	r.json(t, &p)
	if p.Status != status || p.Title == "" || p.Type == "" || p.Detail == "" {
		t.Fatalf("incomplete problem: %s", r.body)
	}
	return p
}

func (p Problem) hasField(name string) bool {
	for _, f := range p.Errors {
		if f.Field == name {
			return true
		}
	}
	return false
}

func bearer(token string) []string { return []string{"Authorization", "Bearer " + token} }

// signUp registers an applicant over the API and signs it in.
func (e *testEnv) signUp(email string) auth.TokenPair {
	e.t.Helper()
	res := e.do("POST", "/api/v1/auth/register", registerRequest{Email: email, Password: "correct horse battery", Name: "Amina", Locale: "en"})
	if res.StatusCode != http.StatusAccepted {
		e.t.Fatalf("register: %d %s", res.StatusCode, res.body)
	}
	return e.login(email, "correct horse battery")
}

func (e *testEnv) login(email, password string) auth.TokenPair {
	e.t.Helper()
	res := e.do("POST", "/api/v1/auth/login", loginRequest{Email: email, Password: password})
	if res.StatusCode != http.StatusOK {
		e.t.Fatalf("login: %d %s", res.StatusCode, res.body)
	}
	var pair auth.TokenPair
	res.json(e.t, &pair)
	return pair
}

// staff creates a user of role directly (as `accord user create` does)
// and signs it in.
func (e *testEnv) staff(email string, role accord.Role) auth.TokenPair {
	e.t.Helper()
	_, err := e.auth.CreateUserDirect(context.Background(), auth.CreateUserInput{
		Email: email, Name: "Staff " + string(role), Role: role, Locale: "en", Password: "staff password 123",
	})
	if err != nil {
		e.t.Fatalf("create %s: %v", role, err)
	}
	return e.login(email, "staff password 123")
}

// count counts the rows of table matching where.
func (e *testEnv) count(table, where string, args ...any) int64 {
	e.t.Helper()
	var n int64
	if err := e.db.WithContext(context.Background()).Table(table).Where(where, args...).Count(&n).Error; err != nil {
		e.t.Fatal(err)
	}
	return n
}
