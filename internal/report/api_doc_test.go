package report_test

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/accord-coalition/accord/internal/store/storetest"
)

// TestOpenAPIDocumentsReports: the report routes are in the OpenAPI
// document, with their schemas.
func TestOpenAPIDocumentsReports(t *testing.T) {
	e := newEnv(t, storetest.SQLite(t))
	resp, err := http.Get(strings.TrimSuffix(e.api, "/v1") + "/openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("openapi.json: %d %s", resp.StatusCode, body)
	}
	var doc struct {
		Paths      map[string]map[string]any `json:"paths"`
		Components struct {
			Schemas map[string]struct {
				Properties map[string]any `json:"properties"`
			} `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(body, &doc); err != nil {
		t.Fatal(err)
	}
	for _, op := range []struct{ method, path string }{
		{"get", "/api/v1/conferences/{id}/exports/{file}"},
		{"get", "/api/v1/members/export.csv"}, {"get", "/api/v1/members/export.xlsx"},
		{"post", "/api/v1/delegates/{id}/visa-letter"}, {"get", "/api/v1/delegates/{id}/visa-letter.pdf"},
		{"get", "/api/v1/reports/dashboard"},
	} {
		if doc.Paths[op.path][op.method] == nil {
			t.Errorf("%s %s is not documented", op.method, op.path)
		}
	}
	for schema, fields := range map[string][]string{
		"Dashboard":  {"applications", "time_to_decision", "conferences", "targets"},
		"VisaLetter": {"id", "delegate_id", "locale", "sha256", "created_at"},
	} {
		for _, f := range fields {
			if doc.Components.Schemas[schema].Properties[f] == nil {
				t.Errorf("schema %s lacks %s", schema, f)
			}
		}
	}
	if doc.Components.Schemas["VisaLetter"].Properties["pdf_sealed"] != nil {
		t.Error("the VisaLetter schema shows the sealed PDF")
	}
}
