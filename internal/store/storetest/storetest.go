// Package storetest gives each test its own migrated database on both
// engines: a fresh SQLite file, and a PostgreSQL database cloned from a
// migrated template (cloning a template is far faster than migrating).
//
// PostgreSQL is found at ACCORD_TEST_DATABASE_URL, else at
// postgres://postgres@127.0.0.1:5432/postgres. When it cannot be reached the
// PostgreSQL half of a test is skipped — unless CI=true, where it fails: CI
// never passes by skipping the production engine.
package storetest

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/accord-coalition/accord/internal/store"
)

// DefaultPostgresURL is where tests look for PostgreSQL when
// ACCORD_TEST_DATABASE_URL is not set.
const DefaultPostgresURL = "postgres://postgres@127.0.0.1:5432/postgres"

// AdminURL is the PostgreSQL server the tests create databases on.
func AdminURL() string {
	if u := os.Getenv("ACCORD_TEST_DATABASE_URL"); u != "" {
		return u
	}
	return DefaultPostgresURL
}

// Engines runs fn as one subtest per engine: "sqlite" and "postgres".
func Engines(t *testing.T, fn func(t *testing.T, db *store.DB)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, SQLite(t)) })
	t.Run("postgres", func(t *testing.T) { fn(t, Postgres(t)) })
}

// SQLite returns a migrated database in a fresh file, closed at cleanup.
func SQLite(t testing.TB) *store.DB {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, store.Options{SQLitePath: filepath.Join(t.TempDir(), "accord.db")})
	if err != nil {
		t.Fatalf("open sqlite: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatalf("migrate sqlite: %v", err)
	}
	return db
}

// Postgres returns a migrated database of its own, dropped at cleanup.
func Postgres(t testing.TB) *store.DB {
	t.Helper()
	url, err := NewPostgresDatabase(t)
	if err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(context.Background(), store.Options{URL: url})
	if err != nil {
		t.Fatalf("open postgres: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// NewPostgresDatabase creates a migrated database for this test and returns
// its URL; it is dropped at cleanup. It skips (or, under CI, fails) the test
// when PostgreSQL cannot be reached.
func NewPostgresDatabase(t testing.TB) (string, error) {
	t.Helper()
	ctx := context.Background()
	admin, err := connectAdmin(ctx)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("PostgreSQL is required under CI=true and could not be reached at %s: %v", AdminURL(), err)
		}
		t.Skipf("PostgreSQL not reachable at %s (set ACCORD_TEST_DATABASE_URL): %v", AdminURL(), err)
	}
	defer admin.Close(ctx)

	tpl, err := template(ctx)
	if err != nil {
		return "", err
	}
	name := "accord_t_" + randomSuffix()
	if _, err := admin.Exec(ctx, fmt.Sprintf(`CREATE DATABASE %s TEMPLATE %s`, name, tpl)); err != nil {
		return "", fmt.Errorf("create test database: %w", err)
	}
	t.Cleanup(func() { dropDatabase(name) })
	return WithDatabase(AdminURL(), name), nil
}

// EmptyPostgresDatabase creates an unmigrated database, for tests of
// migration itself, and returns its URL.
func EmptyPostgresDatabase(t testing.TB) string {
	t.Helper()
	ctx := context.Background()
	admin, err := connectAdmin(ctx)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("PostgreSQL is required under CI=true: %v", err)
		}
		t.Skipf("PostgreSQL not reachable: %v", err)
	}
	defer admin.Close(ctx)
	name := "accord_e_" + randomSuffix()
	if _, err := admin.Exec(ctx, `CREATE DATABASE `+name); err != nil {
		t.Fatalf("create database: %v", err)
	}
	t.Cleanup(func() { dropDatabase(name) })
	return WithDatabase(AdminURL(), name)
}

// dropDatabase drops a test's database once the test is over, closing
// what is still connected to it; if the server cannot be reached, the
// database stays.
func dropDatabase(name string) {
	c, err := connectAdmin(context.Background())
	if err != nil {
		return
	}
	defer c.Close(context.Background())
	c.Exec(context.Background(), fmt.Sprintf(`DROP DATABASE IF EXISTS %s WITH (FORCE)`, name))
}

// WithDatabase returns rawURL pointing at database name.
func WithDatabase(rawURL, name string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return rawURL
	}
	u.Path = "/" + name
	return u.String()
}

func connectAdmin(ctx context.Context) (*pgx.Conn, error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	return pgx.Connect(ctx, AdminURL())
}

var (
	tplOnce sync.Once
	tplName string
	tplErr  error
)

// template returns the name of a database migrated to the current
// migrations, creating it once per migration set. Its name carries a hash
// of the migrations, so a changed migration gets a new template and test
// processes running in parallel share one under an advisory lock.
func template(ctx context.Context) (string, error) {
	tplOnce.Do(func() {
		hash, err := migrationsHash()
		if err != nil {
			tplErr = err
			return
		}
		tplName = "accord_tpl_" + hash[:16]
		tplErr = createTemplate(ctx, tplName)
	})
	return tplName, tplErr
}

func createTemplate(ctx context.Context, name string) error {
	admin, err := connectAdmin(ctx)
	if err != nil {
		return err
	}
	defer admin.Close(ctx)
	if _, err := admin.Exec(ctx, `SELECT pg_advisory_lock(724300)`); err != nil {
		return fmt.Errorf("template lock: %w", err)
	}
	defer admin.Exec(ctx, `SELECT pg_advisory_unlock(724300)`)

	var exists bool
	if err := admin.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1 AND datistemplate)`, name).Scan(&exists); err != nil {
		return fmt.Errorf("look for template: %w", err)
	}
	if exists {
		return nil
	}
	// A half-built template from an interrupted run is not marked as a
	// template yet: drop it and build again.
	if _, err := admin.Exec(ctx, fmt.Sprintf(`DROP DATABASE IF EXISTS %s WITH (FORCE)`, name)); err != nil {
		return fmt.Errorf("drop stale template: %w", err)
	}
	if _, err := admin.Exec(ctx, `CREATE DATABASE `+name); err != nil {
		return fmt.Errorf("create template: %w", err)
	}
	db, err := store.Open(ctx, store.Options{URL: WithDatabase(AdminURL(), name)})
	if err != nil {
		return err
	}
	_, err = db.Migrate(ctx)
	db.Close()
	if err != nil {
		return err
	}
	if _, err := admin.Exec(ctx, fmt.Sprintf(`ALTER DATABASE %s WITH is_template true`, name)); err != nil {
		return fmt.Errorf("mark template: %w", err)
	}
	return nil
}

func migrationsHash() (string, error) {
	h := sha256.New()
	fsys, err := store.Migrations(store.Postgres)
	if err != nil {
		return "", err
	}
	var names []string
	err = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".sql") {
			names = append(names, p)
		}
		return err
	})
	if err != nil {
		return "", fmt.Errorf("hash migrations: %w", err)
	}
	sort.Strings(names)
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", n, len(b))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func randomSuffix() string {
	b := make([]byte, 8)
	rand.Read(b)
	return hex.EncodeToString(b)
}
