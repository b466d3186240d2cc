package httpapi_test

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
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
	raw, err := storetest.NewPostgresDatabase(t)
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(raw)
	p := startProxy(t, "127.0.0.1:0", u.Host)
	u.Host = p.addr
	db, err := store.Open(context.Background(), store.Options{URL: u.String()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	e := newEnv(t, db)
	e.signUp("amal@example.org")
	login := map[string]string{"email": "amal@example.org", "password": "correct horse battery"}

	p.stop()
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

	startProxy(t, p.addr, p.target)
	if res := e.do("GET", "/readyz", nil); res.StatusCode != http.StatusOK {
		t.Fatalf("/readyz with the database back: %d %s", res.StatusCode, res.body)
	}
	if res := e.do("POST", "/api/v1/auth/login", login); res.StatusCode != http.StatusOK {
		t.Fatalf("login with the database back: %d %s, want 200", res.StatusCode, res.body)
	}
}

// tcpProxy forwards connections to target until stopped; stopping closes
// every connection, as a database going away does.
type tcpProxy struct {
	addr, target string
	ln           net.Listener
	mu           sync.Mutex
	conns        []net.Conn
	done         sync.WaitGroup
}

func startProxy(t *testing.T, addr, target string) *tcpProxy {
	t.Helper()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	p := &tcpProxy{addr: ln.Addr().String(), target: target, ln: ln}
	p.done.Add(1)
	go p.serve()
	t.Cleanup(p.stop)
	return p
}

func (p *tcpProxy) serve() {
	defer p.done.Done()
	for {
		in, err := p.ln.Accept()
		if err != nil {
			return
		}
		out, err := net.Dial("tcp", p.target)
		if err != nil {
			in.Close()
			continue
		}
		p.mu.Lock()
		p.conns = append(p.conns, in, out)
		p.mu.Unlock()
		go func() { _, _ = io.Copy(out, in); out.Close() }()
		go func() { _, _ = io.Copy(in, out); in.Close() }()
	}
}

func (p *tcpProxy) stop() {
	if err := p.ln.Close(); err != nil && !errors.Is(err, net.ErrClosed) {
		return
	}
	p.done.Wait()
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}
