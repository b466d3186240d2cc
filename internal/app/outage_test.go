package app_test

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
	"github.com/accord-coalition/accord/internal/testenv"
)

// TestOutageOnBothTransports: the whole server reaches PostgreSQL through a
// TCP proxy the test stops and starts. While it is down the API answers a
// 503 problem and the pages a 503 page, both with Retry-After, and /readyz
// is 503; once it is back, all three are 200 again.
func TestOutageOnBothTransports(t *testing.T) {
	raw, err := storetest.NewPostgresDatabase(t)
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(raw)
	p := proxy(t, "127.0.0.1:0", u.Host)
	u.Host = p.addr
	db, err := store.Open(context.Background(), store.Options{URL: u.String()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	e := testenv.New(t, db)
	check := func(path string, want int, wantType string) {
		t.Helper()
		res, err := http.Get(e.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != want || !strings.HasPrefix(res.Header.Get("Content-Type"), wantType) {
			t.Errorf("GET %s: %d %s, want %d %s: %.200s", path, res.StatusCode, res.Header.Get("Content-Type"), want, wantType, body)
		}
		if want == http.StatusServiceUnavailable && path != "/readyz" && res.Header.Get("Retry-After") == "" {
			t.Errorf("GET %s: 503 without Retry-After", path)
		}
	}
	check("/directory", 200, "text/html")
	check("/api/v1/directory", 200, "application/json")
	check("/readyz", 200, "application/json")

	p.stop()
	check("/directory", 503, "text/html")
	check("/api/v1/directory", 503, "application/problem+json")
	check("/readyz", 503, "application/problem+json")

	proxy(t, p.addr, p.target)
	check("/directory", 200, "text/html")
	check("/api/v1/directory", 200, "application/json")
	check("/readyz", 200, "application/json")
}

// tcpProxy forwards connections to target until stopped; stopping closes
// every connection, as a database going away does.
type tcpProxy struct {
	addr, target string
	ln           net.Listener
	mu           sync.Mutex
	conns        []net.Conn
	once         sync.Once
}

func proxy(t *testing.T, addr, target string) *tcpProxy {
	t.Helper()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	p := &tcpProxy{addr: ln.Addr().String(), target: target, ln: ln}
	go func() {
		for {
			in, err := ln.Accept()
			if err != nil {
				return
			}
			out, err := net.Dial("tcp", target)
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
	}()
	t.Cleanup(p.stop)
	return p
}

func (p *tcpProxy) stop() {
	p.once.Do(func() {
		p.ln.Close()
		p.mu.Lock()
		defer p.mu.Unlock()
		for _, c := range p.conns {
			c.Close()
		}
	})
}
