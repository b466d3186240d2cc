package storetest

import (
	"context"
	"errors"
	"io"
	"net"
	"net/url"
	"sync"
	"testing"

	"github.com/accord-coalition/accord/internal/store"
)

// Proxy stands between the application and the PostgreSQL test server, so
// that a test can break the database's connections at a point it chooses
// rather than at a moment it hopes for: killing a backend from outside
// races with the backend itself, which may already have sent its whole
// answer into the sockets' buffers.
type Proxy struct {
	target string
	ln     net.Listener

	mu    sync.Mutex
	conns []*proxyConn
	// budget is what a connection opened from now on may carry from the
	// server before the proxy breaks it; negative is unlimited.
	budget int64
	done   sync.WaitGroup
}

type proxyConn struct {
	client, server net.Conn
	mu             sync.Mutex
	left           int64 // bytes still allowed from the server; negative is unlimited
}

// PostgresBehindProxy creates a migrated database for this test, as
// Postgres does, and opens it through a Proxy the test may cut.
func PostgresBehindProxy(t testing.TB) (*store.DB, *Proxy) {
	t.Helper()
	raw, err := NewPostgresDatabase(t)
	if err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	p := newProxy(t, u.Host)
	u.Host = p.ln.Addr().String()
	db, err := store.Open(context.Background(), store.Options{URL: u.String()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, p
}

func newProxy(t testing.TB, target string) *Proxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &Proxy{target: target, ln: ln, budget: -1}
	p.done.Add(1)
	go p.serve()
	t.Cleanup(p.Stop)
	return p
}

// Restart listens again where the proxy listened before Stop, as a
// database that comes back.
func (p *Proxy) Restart(t testing.TB) {
	t.Helper()
	ln, err := net.Listen("tcp", p.ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	p.ln = ln
	p.done.Add(1)
	go p.serve()
}

// CutAfter lets every connection, open now or opened later, carry at most
// n more bytes from the database server; then the proxy closes it, as a
// backend that dies in the middle of an answer.
func (p *Proxy) CutAfter(n int64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.budget = n
	for _, c := range p.conns {
		c.mu.Lock()
		c.left = n
		c.mu.Unlock()
	}
}

func (p *Proxy) serve() {
	defer p.done.Done()
	for {
		client, err := p.ln.Accept()
		if err != nil {
			return
		}
		server, err := net.Dial("tcp", p.target)
		if err != nil {
			client.Close()
			continue
		}
		p.mu.Lock()
		c := &proxyConn{client: client, server: server, left: p.budget}
		p.conns = append(p.conns, c)
		p.mu.Unlock()
		go func() { _, _ = io.Copy(server, client); c.closeBoth() }()
		go c.fromServer()
	}
}

// fromServer copies the server's bytes to the client within the budget.
func (c *proxyConn) fromServer() {
	defer c.closeBoth()
	buf := make([]byte, 32<<10)
	for {
		n, err := c.server.Read(buf)
		if n > 0 {
			c.mu.Lock()
			out, cut := n, false
			if c.left >= 0 {
				if int64(n) >= c.left {
					out, cut = int(c.left), true
				}
				c.left -= int64(out)
			}
			c.mu.Unlock()
			if _, werr := c.client.Write(buf[:out]); werr != nil || cut {
				return
			}
		}
		if err != nil {
			return
		}
	}
}

func (c *proxyConn) closeBoth() {
	c.client.Close()
	c.server.Close()
}

// Stop stops listening and closes every connection, as a database going
// away does; Restart brings it back.
func (p *Proxy) Stop() {
	if err := p.ln.Close(); err != nil && !errors.Is(err, net.ErrClosed) {
		return
	}
	p.done.Wait()
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		c.closeBoth()
	}
	p.conns = nil
}
