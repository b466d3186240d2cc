package report_test

import (
	"testing"

	"github.com/accord-coalition/accord/internal/store/storetest"
	"github.com/accord-coalition/accord/internal/testenv"
)

// TestOpenAPIDocumentsReports: the report routes are in the OpenAPI
// document, with their schemas.
func TestOpenAPIDocumentsReports(t *testing.T) {
	e := newEnv(t, storetest.SQLite(t))
	doc := e.OpenAPI()
	doc.Documents(t, []testenv.Operation{
		{"get", "/api/v1/conferences/{id}/exports/{file}"},
		{"get", "/api/v1/members/export.csv"}, {"get", "/api/v1/members/export.xlsx"},
		{"post", "/api/v1/delegates/{id}/visa-letter"}, {"get", "/api/v1/delegates/{id}/visa-letter.pdf"},
		{"get", "/api/v1/reports/dashboard"},
	}, map[string][]string{
		"Dashboard":  {"applications", "time_to_decision", "conferences", "targets"},
		"VisaLetter": {"id", "delegate_id", "locale", "sha256", "created_at"},
	})
	doc.Withholds(t, "VisaLetter", "pdf_sealed")
}
