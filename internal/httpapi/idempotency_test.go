package httpapi_test

import (
	"bytes"
	"context"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/httpapi"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
)

func TestIdempotentRegisterReplays(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		body := httpapi.RegisterRequest{Email: "amina@example.org", Password: "correct horse battery", Name: "Amina", Locale: "en"}
		key := []string{"Idempotency-Key", "7f0c3f1e-4a55-4a61-9d5e-2b1f3e1d9a10"}
		first := e.do("POST", "/api/v1/auth/register", body, key...)
		if first.StatusCode != http.StatusCreated || first.Header.Get("Idempotent-Replayed") != "" {
			t.Fatalf("first: %d %q %s", first.StatusCode, first.Header.Get("Idempotent-Replayed"), first.body)
		}
		second := e.do("POST", "/api/v1/auth/register", body, key...)
		if second.StatusCode != http.StatusCreated || !bytes.Equal(second.body, first.body) {
			t.Fatalf("replay: %d %s, first was %s", second.StatusCode, second.body, first.body)
		}
		if second.Header.Get("Idempotent-Replayed") != "true" || second.Header.Get("Content-Type") != first.Header.Get("Content-Type") {
			t.Fatalf("replay headers %v", second.Header)
		}
		if n := e.count("users", "email = ?", "amina@example.org"); n != 1 {
			t.Fatalf("%d users, want 1", n)
		}
		// Stored answers are sealed: the password-free user is not legible.
		var stored []byte
		e.db.WithContext(context.Background()).Table("idempotency_keys").Select("body").Where(`"key" = ?`, key[1]).Scan(&stored)
		if len(stored) == 0 || bytes.Contains(stored, []byte("amina@example.org")) {
			t.Fatalf("stored body missing or readable: %q", stored)
		}

		changed := body
		changed.Name = "Someone else"
		res := e.do("POST", "/api/v1/auth/register", changed, key...)
		if p := res.problem(t, http.StatusUnprocessableEntity); !hasField(p, "Idempotency-Key") {
			t.Fatalf("different body: %s", res.body)
		}
		e.do("POST", "/api/v1/auth/login", httpapi.LoginRequest{Email: "amina@example.org", Password: "correct horse battery"}, key...).
			problem(t, http.StatusUnprocessableEntity)

		// After 24 hours the key is free again: the request acts anew and
		// meets the existing account.
		e.clock.Advance(httpapi.IdempotencyTTL + time.Minute)
		again := e.do("POST", "/api/v1/auth/register", body, key...)
		if again.Header.Get("Idempotent-Replayed") != "" {
			t.Fatal("replayed after 24 hours")
		}
		again.problem(t, http.StatusUnprocessableEntity)
	})
}

func TestIdempotencyErrorsAreReplayedButFailuresAreNot(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		key := []string{"Idempotency-Key", "k-422"}
		bad := httpapi.RegisterRequest{Email: "not an email", Password: "correct horse battery", Name: "A", Locale: "en"}
		first := e.do("POST", "/api/v1/auth/register", bad, key...)
		first.problem(t, http.StatusUnprocessableEntity)
		second := e.do("POST", "/api/v1/auth/register", bad, key...)
		if second.Header.Get("Idempotent-Replayed") != "true" || !bytes.Equal(first.body, second.body) {
			t.Fatalf("a 422 answer was not replayed: %s", second.body)
		}

		var calls atomic.Int32
		e.server.Handle(httpapi.Operation{Method: http.MethodPost, Path: "/test/flaky", Summary: "fails once", Handler: func(c echo.Context) error {
			if calls.Add(1) == 1 {
				return accord.Errorf(accord.KindInternal, "database hiccup")
			}
			return c.JSON(http.StatusCreated, map[string]int32{"call": calls.Load()})
		}})
		flaky := []string{"Idempotency-Key", "k-flaky"}
		e.do("POST", "/api/v1/test/flaky", `{}`, flaky...).problem(t, http.StatusInternalServerError)
		ok := e.do("POST", "/api/v1/test/flaky", `{}`, flaky...)
		if ok.StatusCode != http.StatusCreated || ok.Header.Get("Idempotent-Replayed") != "" {
			t.Fatalf("retry after a 5xx: %d %s", ok.StatusCode, ok.body)
		}
		replay := e.do("POST", "/api/v1/test/flaky", `{}`, flaky...)
		if replay.Header.Get("Idempotent-Replayed") != "true" || calls.Load() != 2 {
			t.Fatalf("calls %d, replayed %q", calls.Load(), replay.Header.Get("Idempotent-Replayed"))
		}
	})
}

func TestIdempotencyInFlightAndBadKeys(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		release := make(chan struct{})
		started := make(chan struct{})
		e.server.Handle(httpapi.Operation{Method: http.MethodPost, Path: "/test/slow", Summary: "waits", Handler: func(c echo.Context) error {
			close(started)
			<-release
			return c.NoContent(http.StatusNoContent)
		}})
		key := []string{"Idempotency-Key", "k-slow"}
		done := make(chan response)
		go func() { done <- e.do("POST", "/api/v1/test/slow", `{}`, key...) }()
		<-started
		e.do("POST", "/api/v1/test/slow", `{}`, key...).problem(t, http.StatusConflict)
		close(release)
		if first := <-done; first.StatusCode != http.StatusNoContent {
			t.Fatalf("first: %d %s", first.StatusCode, first.body)
		}
		replay := e.do("POST", "/api/v1/test/slow", `{}`, key...)
		if replay.StatusCode != http.StatusNoContent || replay.Header.Get("Idempotent-Replayed") != "true" {
			t.Fatalf("replay of 204: %d %v", replay.StatusCode, replay.Header)
		}

		long := e.do("POST", "/api/v1/auth/login", httpapi.LoginRequest{Email: "a@b.org", Password: "x"}, "Idempotency-Key", strings.Repeat("k", 256))
		if p := long.problem(t, http.StatusBadRequest); !hasField(p, "Idempotency-Key") {
			t.Fatalf("long key: %s", long.body)
		}
		e.do("POST", "/api/v1/auth/login", httpapi.LoginRequest{Email: "a@b.org", Password: "x"}, "Idempotency-Key", "caf\xc3\xa9").
			problem(t, http.StatusBadRequest)
		ok := e.do("POST", "/api/v1/auth/login", httpapi.LoginRequest{Email: "a@b.org", Password: "x"}, "Idempotency-Key", strings.Repeat("k", 255))
		ok.problem(t, http.StatusUnauthorized)
	})
}

func TestIdempotencyKeysAreOwnedPerUser(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		a := e.signUp("a@example.org")
		b := e.signUp("b@example.org")
		key := "shared-key"
		ra := e.do("POST", "/api/v1/auth/logout-all", nil, append(bearer(a.AccessToken), "Idempotency-Key", key)...)
		rb := e.do("POST", "/api/v1/auth/logout-all", nil, append(bearer(b.AccessToken), "Idempotency-Key", key)...)
		if ra.StatusCode != http.StatusNoContent || rb.StatusCode != http.StatusNoContent || rb.Header.Get("Idempotent-Replayed") != "" {
			t.Fatalf("one user's key answered another: %d %d %q", ra.StatusCode, rb.StatusCode, rb.Header.Get("Idempotent-Replayed"))
		}
		if n := e.count("idempotency_keys", `"key" = ?`, key); n != 2 {
			t.Fatalf("%d rows for the key, want one per owner", n)
		}
	})
}

func TestIdempotencyPrunesOldKeys(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		for _, k := range []string{"old-1", "old-2"} {
			e.do("POST", "/api/v1/auth/login", httpapi.LoginRequest{Email: "a@b.org", Password: "x"}, "Idempotency-Key", k)
		}
		if n := e.count("idempotency_keys", "1 = 1"); n != 2 {
			t.Fatalf("%d keys stored, want 2", n)
		}
		e.clock.Advance(25 * time.Hour)
		e.do("POST", "/api/v1/auth/login", httpapi.LoginRequest{Email: "a@b.org", Password: "x"}, "Idempotency-Key", "new")
		if n := e.count("idempotency_keys", "1 = 1"); n != 1 {
			t.Fatalf("%d keys after 25 hours, want only the new one", n)
		}
	})
}
