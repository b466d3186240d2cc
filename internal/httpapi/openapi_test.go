package httpapi_test

import (
	"net/http"
	"sort"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/httpapi"
	"github.com/accord-coalition/accord/internal/store/storetest"
)

// TestOpenAPIMatchesRoutes holds the document and the router to each
// other: every API route Echo serves is documented with its method, and
// every documented operation is served.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	e := newEnv(t, storetest.SQLite(t))
	var doc struct {
		OpenAPI    string                               `json:"openapi"`
		Paths      map[string]map[string]map[string]any `json:"paths"`
		Components struct {
			Schemas         map[string]map[string]any `json:"schemas"`
			SecuritySchemes map[string]any            `json:"securitySchemes"`
		} `json:"components"`
	}
	res := e.do("GET", "/api/openapi.json", nil)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("openapi.json: %d %s", res.StatusCode, res.body)
	}
	res.json(t, &doc)
	if doc.OpenAPI != "3.1.0" || doc.Components.SecuritySchemes["bearerAuth"] == nil {
		t.Fatalf("document header: %s %v", doc.OpenAPI, doc.Components.SecuritySchemes)
	}

	documented := map[string]bool{}
	for path, item := range doc.Paths {
		for method, op := range item {
			documented[strings.ToUpper(method)+" "+path] = true
			responses, _ := op["responses"].(map[string]any)
			if len(responses) == 0 || op["summary"] == "" {
				t.Errorf("%s %s: no responses or summary", method, path)
			}
			if rb, ok := op["requestBody"].(map[string]any); ok {
				content, _ := rb["content"].(map[string]any)
				if len(content) == 0 {
					t.Errorf("%s %s: a request body without content", method, path)
				}
				for _, media := range content {
					schema, _ := media.(map[string]any)["schema"].(map[string]any)
					ref, isRef := schema["$ref"].(string)
					name := strings.TrimPrefix(ref, "#/components/schemas/")
					if isRef && doc.Components.Schemas[name] == nil {
						t.Errorf("%s %s: schema %s missing", method, path, name)
					}
				}
			}
		}
	}
	served := map[string]bool{}
	for _, r := range e.server.Echo().Routes() {
		if r.Method == echo.RouteNotFound || !strings.HasPrefix(r.Path, "/api/") || r.Path == "/api/openapi.json" {
			continue
		}
		p, _ := httpapi.OpenAPIPath(r.Path)
		served[r.Method+" "+p] = true
	}
	if len(served) == 0 {
		t.Fatal("no API routes registered")
	}
	for k := range served {
		if !documented[k] {
			t.Errorf("served but not documented: %s", k)
		}
	}
	for k := range documented {
		if !served[k] {
			t.Errorf("documented but not served: %s", k)
		}
	}
	if t.Failed() {
		t.Logf("served %v", keys(served))
	}

	user := doc.Components.Schemas["User"]["properties"].(map[string]any)
	for _, f := range []string{"id", "email", "role", "regions", "organization_id", "created_at"} {
		if user[f] == nil {
			t.Errorf("User schema lacks %s", f)
		}
	}
	if user["password_hash"] != nil || user["PasswordHash"] != nil {
		t.Error("User schema documents the password hash")
	}
	me := doc.Paths["/api/v1/me"]["get"]
	if me["security"] == nil {
		t.Error("GET /me is not marked as needing a token")
	}
	if doc.Paths["/api/v1/auth/login"]["post"]["security"] != nil {
		t.Error("login is marked as needing a token")
	}
}

func TestOpenAPIPath(t *testing.T) {
	got, params := httpapi.OpenAPIPath("/api/v1/conferences/:id/exports/:name")
	if got != "/api/v1/conferences/{id}/exports/{name}" || len(params) != 2 || params[1] != "name" {
		t.Fatalf("%s %v", got, params)
	}
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
