package httpapi_test

import (
	"context"
	"net/http"
	"path/filepath"
	"testing"

	"github.com/accord-coalition/accord/internal/httpapi"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
	"github.com/accord-coalition/accord/internal/testenv"
)

func TestHealthAndReadiness(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		var body httpapi.StatusResponse
		res := e.do("GET", "/healthz", nil)
		res.json(t, &body)
		if res.StatusCode != http.StatusOK || body.Status != "ok" {
			t.Fatalf("healthz: %d %s", res.StatusCode, res.body)
		}
		res = e.do("GET", "/readyz", nil)
		res.json(t, &body)
		if res.StatusCode != http.StatusOK || body.Status != "ready" {
			t.Fatalf("readyz: %d %s", res.StatusCode, res.body)
		}
	})
}

func TestNotReadyBeforeMigrations(t *testing.T) {
	ctx := context.Background()
	open := map[string]func(t *testing.T) store.Options{
		"sqlite": func(t *testing.T) store.Options {
			return store.Options{SQLitePath: filepath.Join(t.TempDir(), "empty.db")}
		},
		"postgres": func(t *testing.T) store.Options {
			return store.Options{URL: storetest.EmptyPostgresDatabase(t)}
		},
	}
	for name, opts := range open {
		t.Run(name, func(t *testing.T) {
			db, err := store.Open(ctx, opts(t))
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { db.Close() })
			e := newEnv(t, db, testenv.Unmigrated())
			e.do("GET", "/readyz", nil).problem(t, http.StatusServiceUnavailable)
			if res := e.do("GET", "/healthz", nil); res.StatusCode != http.StatusOK {
				t.Fatalf("healthz on an empty database: %d", res.StatusCode)
			}
			if _, err := db.Migrate(ctx); err != nil {
				t.Fatal(err)
			}
			if res := e.do("GET", "/readyz", nil); res.StatusCode != http.StatusOK {
				t.Fatalf("readyz after migrating: %d %s", res.StatusCode, res.body)
			}
		})
	}
}
