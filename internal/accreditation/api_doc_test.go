package accreditation_test

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/accord-coalition/accord/internal/store/storetest"
)

// TestOpenAPIDocumentsAccreditation: every accreditation route is in the
// OpenAPI document, with the schemas it names.
func TestOpenAPIDocumentsAccreditation(t *testing.T) {
	e := newEnv(t, storetest.SQLite(t))
	r := e.do(nil, "GET", "root:/api/openapi.json", nil)
	if r.status != http.StatusOK {
		t.Fatalf("openapi.json: %d %s", r.status, r.body)
	}
	var doc struct {
		Paths      map[string]map[string]any `json:"paths"`
		Components struct {
			Schemas map[string]struct {
				Properties map[string]any `json:"properties"`
			} `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(r.body, &doc); err != nil {
		t.Fatal(err)
	}
	for _, op := range []struct{ method, path string }{
		{"post", "/api/v1/conferences"}, {"patch", "/api/v1/conferences/{id}"},
		{"get", "/api/v1/conferences/{id}/transparency"}, {"post", "/api/v1/conferences/{id}/circulations"},
		{"get", "/api/v1/conferences/{id}/circulated"}, {"post", "/api/v1/conferences/{id}/accreditation-requests"},
		{"get", "/api/v1/accreditation-requests"}, {"get", "/api/v1/accreditation-requests/{id}"},
		{"post", "/api/v1/accreditation-requests/{id}/transitions"}, {"get", "/api/v1/accreditation-requests/{id}/history"},
		{"post", "/api/v1/accreditation-requests/{id}/objections"}, {"get", "/api/v1/accreditation-requests/{id}/objections"},
		{"post", "/api/v1/objections/{id}/replies"}, {"post", "/api/v1/objections/{id}/transitions"},
		{"get", "/api/v1/objections/{id}/history"}, {"get", "/api/v1/delegates/{id}/history"},
		{"post", "/api/v1/accreditation-requests/{id}/delegates"}, {"get", "/api/v1/accreditation-requests/{id}/delegates"},
		{"get", "/api/v1/delegates/{id}"}, {"post", "/api/v1/delegates/{id}/transitions"},
		{"get", "/api/v1/delegates/{id}/badge"}, {"get", "/api/v1/delegates/{id}/badge.png"},
		{"get", "/api/v1/verify/{token}"}, {"post", "/api/v1/checkins"},
	} {
		if doc.Paths[op.path][op.method] == nil {
			t.Errorf("%s %s is not documented", op.method, op.path)
		}
	}
	// The contract's field names (docs/api.md), renamed none.
	for schema, fields := range map[string][]string{
		"Conference": {"id", "code", "title", "venue", "starts_on", "ends_on", "accreditation_opens_at",
			"accreditation_closes_at", "nomination_cutoff_at", "max_delegates", "objection_period_days", "name_objecting_states"},
		"AccreditationRequest": {"id", "state", "version", "allowed_events", "created_at", "updated_at", "conference_id",
			"organization_id", "motivation", "circulation_number", "objection_deadline", "decision_reference"},
		"Circulation": {"id", "number", "conference_id", "circulated_at", "objection_deadline", "request_ids"},
		"Objection": {"id", "state", "version", "allowed_events", "created_at", "updated_at", "accreditation_request_id",
			"country", "grounds", "replies"},
		"Delegate": {"id", "state", "version", "allowed_events", "created_at", "updated_at", "accreditation_request_id",
			"given_name", "family_name", "given_name_original", "family_name_original", "title", "gender", "nationality",
			"passport_hint", "passport_expiry", "email", "needs_visa_letter"},
		"BadgeVerification": {"valid", "delegate", "organization", "conference", "checked_in"},
		"Transparency": {"requests", "admitted", "admitted_ecosoc", "circulated", "objected", "referred",
			"admitted_after_objection", "denied", "withdrawn", "objecting_states"},
	} {
		props := doc.Components.Schemas[schema].Properties
		for _, f := range fields {
			if props[f] == nil {
				t.Errorf("schema %s lacks %s", schema, f)
			}
		}
		if schema == "Delegate" && props["passport_number"] != nil {
			t.Error("the Delegate schema shows passport_number")
		}
	}
}
