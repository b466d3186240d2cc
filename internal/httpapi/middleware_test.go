package httpapi_test

import (
	"compress/gzip"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/config"
	"github.com/accord-coalition/accord/internal/httpapi"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
	"github.com/accord-coalition/accord/internal/testenv"
)

func TestUnknownRouteAndMethod(t *testing.T) {
	e := newEnv(t, storetest.SQLite(t))
	// Outside /api/ an unknown address is the web pages' 404 page.
	for _, path := range []string{"/api/nowhere", "/api/v1/nowhere", "/api/v2/auth/login", "/api/v1/auth/login/extra"} {
		e.do("GET", path, nil).problem(t, http.StatusNotFound)
	}
	res := e.do("GET", "/api/v1/auth/login", nil)
	res.problem(t, http.StatusMethodNotAllowed)
	if !strings.Contains(res.Header.Get("Allow"), "POST") {
		t.Fatalf("Allow = %q", res.Header.Get("Allow"))
	}
	if head := e.do("HEAD", "/nowhere", nil); head.StatusCode != http.StatusNotFound || len(head.body) != 0 {
		t.Fatalf("HEAD: %d %q", head.StatusCode, head.body)
	}
}

func TestSecurityHeaders(t *testing.T) {
	e := newEnv(t, storetest.SQLite(t))
	want := map[string]string{
		"Content-Security-Policy": httpapi.ContentSecurityPolicy,
		"X-Content-Type-Options":  "nosniff",
		"Referrer-Policy":         "same-origin",
		"X-Frame-Options":         "DENY",
	}
	for _, res := range []response{e.do("GET", "/healthz", nil), e.do("GET", "/nowhere", nil), e.do("POST", "/api/v1/auth/login", "{")} {
		for h, v := range want {
			if got := res.Header.Get(h); got != v {
				t.Errorf("%s %s: %s = %q, want %q", res.Request.Method, res.Request.URL.Path, h, got, v)
			}
		}
		if res.Header.Get("Strict-Transport-Security") != "" {
			t.Errorf("HSTS sent for an http base URL")
		}
	}
	tls := newEnv(t, storetest.SQLite(t), testenv.Configure(func(c *config.Config) { c.BaseURL = "https://accord.example" }))
	if hsts := tls.do("GET", "/healthz", nil).Header.Get("Strict-Transport-Security"); !strings.HasPrefix(hsts, "max-age=") {
		t.Fatalf("HSTS = %q with an https base URL", hsts)
	}
}

func TestGzip(t *testing.T) {
	e := newEnv(t, storetest.SQLite(t))
	res := e.do("GET", "/api/openapi.json", nil, "Accept-Encoding", "gzip")
	if res.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("Content-Encoding = %q", res.Header.Get("Content-Encoding"))
	}
	zr, err := gzip.NewReader(strings.NewReader(string(res.body)))
	if err != nil {
		t.Fatal(err)
	}
	plain, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(plain, &doc); err != nil || doc["openapi"] != "3.1.0" {
		t.Fatalf("gunzipped document: %v %.80s", err, plain)
	}
	if plain := e.do("GET", "/api/openapi.json", nil, "Accept-Encoding", "identity"); plain.Header.Get("Content-Encoding") != "" {
		t.Fatalf("compressed without being asked")
	}
}

func TestRequestID(t *testing.T) {
	e := newEnv(t, storetest.SQLite(t))
	res := e.do("GET", "/api/nowhere", nil, "X-Request-ID", "abc-123")
	if res.Header.Get("X-Request-ID") != "abc-123" || res.problem(t, http.StatusNotFound).RequestID != "abc-123" {
		t.Fatalf("incoming id not kept: %q %s", res.Header.Get("X-Request-ID"), res.body)
	}
	for _, bad := range []string{"a b", `x"}`, strings.Repeat("a", 200)} {
		res := e.do("GET", "/healthz", nil, "X-Request-ID", bad)
		if got := res.Header.Get("X-Request-ID"); got == bad || got == "" {
			t.Fatalf("insane id %q came back as %q", bad, got)
		}
	}
	if got := e.do("GET", "/healthz", nil).Header.Get("X-Request-ID"); got == "" {
		t.Fatal("no request id generated")
	}
	lines := e.logs.Entries("request")
	if len(lines) == 0 {
		t.Fatal("no access log")
	}
	last := lines[len(lines)-1]
	for _, k := range []string{"method", "path", "route", "status", "duration_ms", "bytes", "request_id", "user_id"} {
		if _, ok := last[k]; !ok {
			t.Errorf("access log lacks %q: %v", k, last)
		}
	}
}

func TestPanicAndInternalErrors(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db)
		e.server.Handle(httpapi.Operation{Method: http.MethodGet, Path: "/test/panic", Summary: "panics", Handler: func(echo.Context) error {
			panic("something broke")
		}})
		e.server.Handle(httpapi.Operation{Method: http.MethodGet, Path: "/test/fail", Summary: "fails", Handler: func(echo.Context) error {
			return errors.New("connection to 10.0.0.7 refused")
		}})
		res := e.do("GET", "/api/v1/test/panic", nil)
		p := res.problem(t, http.StatusInternalServerError)
		if strings.Contains(string(res.body), "something broke") {
			t.Fatalf("panic value leaked: %s", res.body)
		}
		logged := e.logs.Entries("internal error")
		if len(logged) != 1 || logged[0]["request_id"] != p.RequestID || !strings.Contains(logged[0]["stack"].(string), "goroutine") {
			t.Fatalf("panic logged %d times: %v", len(logged), logged)
		}
		res = e.do("GET", "/api/v1/test/fail", nil)
		res.problem(t, http.StatusInternalServerError)
		if strings.Contains(string(res.body), "10.0.0.7") {
			t.Fatalf("internal detail leaked: %s", res.body)
		}
		if n := len(e.logs.Entries("internal error")); n != 2 {
			t.Fatalf("%d internal errors logged, want 2", n)
		}
		// The server still answers after a panic.
		if e.do("GET", "/healthz", nil).StatusCode != http.StatusOK {
			t.Fatal("server down after a panic")
		}
	})
}

func TestMetrics(t *testing.T) {
	e := newEnv(t, storetest.SQLite(t))
	e.do("POST", "/api/v1/auth/login", httpapi.LoginRequest{Email: "nobody@example.org", Password: "whatever it is"})
	e.do("GET", "/no/such/page/12345", nil)
	res := e.do("GET", "/metrics", nil)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("metrics: %d", res.StatusCode)
	}
	text := string(res.body)
	for _, want := range []string{
		`accord_http_requests_total{method="POST",route="/api/v1/auth/login",status="401"} 1`,
		`accord_http_requests_total{method="GET",route="unmatched",status="404"} 1`,
		`accord_http_request_duration_seconds_bucket{method="POST",route="/api/v1/auth/login",le=`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
	if strings.Contains(text, "12345") {
		t.Error("an unmatched path became a label")
	}

	separate := newEnv(t, storetest.SQLite(t), testenv.Configure(func(c *config.Config) { c.MetricsListen = "127.0.0.1:0" }))
	if res := separate.do("GET", "/metrics", nil); res.StatusCode != http.StatusNotFound {
		t.Fatalf("/metrics on the main listener with a metrics listener: %d", res.StatusCode)
	}
	if separate.server.MetricsHandler() == nil {
		t.Fatal("no metrics handler")
	}
}
