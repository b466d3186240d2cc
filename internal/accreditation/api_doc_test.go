package accreditation_test

import (
	"testing"

	"github.com/accord-coalition/accord/internal/store/storetest"
	"github.com/accord-coalition/accord/internal/testenv"
)

// TestOpenAPIDocumentsAccreditation: every accreditation route is in the
// OpenAPI document, with the schemas it names.
func TestOpenAPIDocumentsAccreditation(t *testing.T) {
	e := newEnv(t, storetest.SQLite(t))
	doc := e.OpenAPI()
	ops := []testenv.Operation{
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
	}
	// The contract's field names (docs/api.md), renamed none.
	fields := map[string][]string{
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
	}
	doc.Documents(t, ops, fields)
	doc.Withholds(t, "Delegate", "passport_number")
}
