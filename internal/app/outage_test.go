package app_test

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/accord-coalition/accord/internal/store/storetest"
	"github.com/accord-coalition/accord/internal/testenv"
)

// TestOutageOnBothTransports: the whole server reaches PostgreSQL through a
// TCP proxy the test stops and starts. While it is down the API answers a
// 503 problem and the pages a 503 page, both with Retry-After, and /readyz
// is 503; once it is back, all three are 200 again.
func TestOutageOnBothTransports(t *testing.T) {
	db, p := storetest.PostgresBehindProxy(t)
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

	p.Stop()
	check("/directory", 503, "text/html")
	check("/api/v1/directory", 503, "application/problem+json")
	check("/readyz", 503, "application/problem+json")

	p.Restart(t)
	check("/directory", 200, "text/html")
	check("/api/v1/directory", 200, "application/json")
	check("/readyz", 200, "application/json")
}
