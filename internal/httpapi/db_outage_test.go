package httpapi_test

import (
	"context"
	"net/http"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
)

// adminExec runs statements on the PostgreSQL test server's admin database.
func adminExec(t *testing.T, stmts ...string) {
	t.Helper()
	ctx := context.Background()
	c, err := pgx.Connect(ctx, storetest.AdminURL())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	for _, s := range stmts {
		if _, err := c.Exec(ctx, s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

func databaseName(t *testing.T, db *store.DB) string {
	t.Helper()
	var name string
	if err := db.SQL().QueryRow(`SELECT current_database()`).Scan(&name); err != nil {
		t.Fatal(err)
	}
	return name
}

// terminateBackends drops every connection the server holds to its
// database, as a PostgreSQL restart or failover does.
func terminateBackends(t *testing.T, name string) {
	t.Helper()
	adminExec(t, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '`+name+`' AND pid <> pg_backend_pid()`)
}

// TestTerminatedBackendsAreRetried: after PostgreSQL drops every pooled
// connection, the next requests are served on new ones, not failed.
func TestTerminatedBackendsAreRetried(t *testing.T) {
	db := storetest.Postgres(t)
	e := newEnv(t, db)
	e.signUp("amal@example.org")
	// Fill the pool with several connections.
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() { defer wg.Done(); e.do("GET", "/readyz", nil) }()
	}
	wg.Wait()
	name := databaseName(t, db)
	for round := range 3 {
		terminateBackends(t, name)
		for i := range 5 {
			if res := e.do("GET", "/readyz", nil); res.StatusCode != http.StatusOK {
				t.Fatalf("round %d, request %d after the backends were terminated: /readyz %d %s", round, i, res.StatusCode, res.body)
			}
			if res := e.do("POST", "/api/v1/auth/login", map[string]string{"email": "amal@example.org", "password": "correct horse battery"}); res.StatusCode != http.StatusOK {
				t.Fatalf("round %d, request %d after the backends were terminated: login %d %s", round, i, res.StatusCode, res.body)
			}
		}
	}
}

// TestReadyzNeedsAWritableDatabase: a database that answers but refuses
// writes makes /readyz 503; writable again, 200.
func TestReadyzNeedsAWritableDatabase(t *testing.T) {
	db := storetest.Postgres(t)
	e := newEnv(t, db)
	name := databaseName(t, db)
	if res := e.do("GET", "/readyz", nil); res.StatusCode != http.StatusOK {
		t.Fatalf("/readyz: %d %s", res.StatusCode, res.body)
	}
	adminExec(t, `ALTER DATABASE `+name+` SET default_transaction_read_only = on`)
	terminateBackends(t, name)
	if res := e.do("GET", "/readyz", nil); res.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("/readyz on a read-only database: %d %s, want 503", res.StatusCode, res.body)
	}
	adminExec(t, `ALTER DATABASE `+name+` RESET default_transaction_read_only`)
	terminateBackends(t, name)
	if res := e.do("GET", "/readyz", nil); res.StatusCode != http.StatusOK {
		t.Fatalf("/readyz writable again: %d %s, want 200", res.StatusCode, res.body)
	}
}

// TestDatabaseOutageIs503: the server reaches PostgreSQL through a TCP
// proxy the test stops and starts. While it is down, API requests that
// need the database are 503 with Retry-After and /readyz is 503; once it
// is back, both work again.
func TestDatabaseOutageIs503(t *testing.T) {
	db, p := storetest.PostgresBehindProxy(t)
	e := newEnv(t, db)
	e.signUp("amal@example.org")
	login := map[string]string{"email": "amal@example.org", "password": "correct horse battery"}

	p.Stop()
	for range 3 {
		res := e.do("POST", "/api/v1/auth/login", login)
		if res.StatusCode != http.StatusServiceUnavailable || res.Header.Get("Retry-After") == "" {
			t.Fatalf("login while the database is down: %d, Retry-After %q: %s", res.StatusCode, res.Header.Get("Retry-After"), res.body)
		}
		res.problem(t, http.StatusServiceUnavailable)
		if res := e.do("GET", "/readyz", nil); res.StatusCode != http.StatusServiceUnavailable {
			t.Fatalf("/readyz while the database is down: %d", res.StatusCode)
		}
	}

	p.Restart(t)
	if res := e.do("GET", "/readyz", nil); res.StatusCode != http.StatusOK {
		t.Fatalf("/readyz with the database back: %d %s", res.StatusCode, res.body)
	}
	if res := e.do("POST", "/api/v1/auth/login", login); res.StatusCode != http.StatusOK {
		t.Fatalf("login with the database back: %d %s, want 200", res.StatusCode, res.body)
	}
}
