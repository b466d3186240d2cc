package app_test

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/testenv"
)

// TestEdgeAnswers: the inputs that once reached PostgreSQL as a 500 are
// answered at the edge, on both engines: a forged cursor is a 400, an id
// with NUL or invalid UTF-8 a 404, a query value with either a 400 — a
// problem document on the API, an HTML page on the web.
func TestEdgeAnswers(t *testing.T) {
	testenv.Engines(t, func(t *testing.T, e *testenv.Env) {
		sw := newSweep(t, e)
		forged := "eyJrIjoieCIsImkiOiJ4In0" // {"k":"x","i":"x"}
		cases := []struct {
			role        accord.Role
			path, query string
			want        int
		}{
			{"", "/api/v1/directory", "cursor=" + forged, 400},
			{"", "/api/v1/conferences", "cursor=" + forged, 400},
			{accord.RoleSecretariat, "/api/v1/organizations", "cursor=" + forged, 400},
			{accord.RoleSecretariat, "/api/v1/memberships", "cursor=" + forged, 400},
			{"", "/api/v1/conferences/%ff", "", 404},
			{"", "/api/v1/conferences/%00/transparency", "", 404},
			{accord.RoleSecretariat, "/api/v1/delegates/CoSP11", "", 404},
			{"", "/api/v1/directory", "region=a%00b", 400},
			{accord.RoleSecretariat, "/api/v1/memberships", "state=%ff", 400},
			{"", "/api/v1/directory", "q=" + strings.Repeat("a", 50001), 400},
			{"", "/api/v1/directory", "q=" + strings.Repeat("a", 201), 400},
			{"", "/directory", "cursor=" + forged, 400},
			{"", "/directory", "q=" + strings.Repeat("a", 201), 400},
			{"", "/conferences/%00/transparency", "", 404},
			{"", "/conferences/%ff", "", 404},
			{accord.RoleSecretariat, "/applications/x%00", "", 404},
			{accord.RoleSecretariat, "/directory", "region=a%00b", 400},
		}
		for _, c := range cases {
			u := &url.URL{Scheme: "http", Host: sw.host, Opaque: "//" + sw.host + c.path, RawQuery: c.query}
			req, _ := http.NewRequestWithContext(context.Background(), http.MethodGet, sw.base, nil)
			req.URL = u
			client := http.DefaultClient
			api := strings.HasPrefix(c.path, "/api/")
			if api && c.role != "" {
				req.Header.Set("Authorization", "Bearer "+sw.tokens[string(c.role)])
			} else if !api {
				client = sw.browser[string(c.role)].client
			}
			res, err := client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			ct := res.Header.Get("Content-Type")
			wantType := "text/html"
			if api {
				wantType = "application/problem+json"
			}
			if res.StatusCode != c.want || !strings.HasPrefix(ct, wantType) {
				t.Errorf("GET %s?%.40s as %q: %d %s, want %d %s: %.200s", c.path, c.query, c.role, res.StatusCode, ct, c.want, wantType, body)
			}
		}
	})
}
