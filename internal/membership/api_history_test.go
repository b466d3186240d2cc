package membership_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/accord-coalition/accord/internal/membership"
	"github.com/accord-coalition/accord/internal/store/storetest"
	"github.com/accord-coalition/accord/internal/testenv"
	"github.com/accord-coalition/accord/internal/workflow"
)

// TestInternalNotes: reviewers' notes are on the reviewers' timeline and
// never on the applicant's, nor in its messages.
func TestInternalNotes(t *testing.T) {
	engines(t, func(t *testing.T, e *env) {
		sc := e.newScenario("en")
		a := e.underReview(sc)
		const secret = "Board member is a minister's cousin; check independence."
		var note workflow.HistoryEntry
		e.do("POST", "/membership-applications/"+a.ID+"/notes", sc.coordinator, map[string]string{"text": secret}).
			want(t, http.StatusCreated).decode(t, &note)
		if note.Event != membership.EventNote || !note.Internal || note.ActorID != sc.coordinator.ID || note.Comment != secret {
			t.Fatalf("note %+v", note)
		}
		e.do("POST", "/membership-applications/"+a.ID+"/notes", sc.applicant, map[string]string{"text": "hello"}).
			problem(t, http.StatusForbidden)
		e.mustFire(sc.coordinator, a.ID, "request_info", "Please list your board members.", membership.AppInfoRequested)

		staff := e.history(sc.secretariat, a.ID)
		found := false
		for _, h := range staff {
			found = found || (h.Event == membership.EventNote && h.Comment == secret)
		}
		if !found {
			t.Fatalf("the secretariat does not see the note: %v", events(staff))
		}
		for _, h := range e.history(sc.applicant, a.ID) {
			if h.Internal || h.Event == membership.EventNote || h.ActorID != "" || strings.Contains(h.Comment, "cousin") {
				t.Fatalf("the applicant sees %+v", h)
			}
		}
		for _, m := range e.messages(sc.applicant.ID) {
			if strings.Contains(m.Body, "cousin") {
				t.Fatalf("a message to the applicant carries the note: %s", m.Body)
			}
		}
	})
}

// TestOpenAPIListsMembershipRoutes: the routes are documented, so the
// document built from the same operations cannot drift from them.
func TestOpenAPIListsMembershipRoutes(t *testing.T) {
	e := newEnv(t, storetest.SQLite(t))
	var ops []testenv.Operation
	for path, methods := range map[string][]string{
		"/api/v1/organizations":                                   {"get", "post"},
		"/api/v1/organizations/{id}":                              {"get", "patch"},
		"/api/v1/membership-applications":                         {"get", "post"},
		"/api/v1/membership-applications/{id}":                    {"get", "patch"},
		"/api/v1/membership-applications/{id}/transitions":        {"post"},
		"/api/v1/membership-applications/{id}/history":            {"get"},
		"/api/v1/membership-applications/{id}/notes":              {"post"},
		"/api/v1/membership-applications/{id}/documents":          {"post"},
		"/api/v1/membership-applications/{id}/documents/{doc_id}": {"get", "delete"},
		"/api/v1/memberships":                                     {"get"},
		"/api/v1/memberships/{id}":                                {"get"},
		"/api/v1/memberships/{id}/transitions":                    {"post"},
		"/api/v1/memberships/{id}/history":                        {"get"},
	} {
		for _, m := range methods {
			ops = append(ops, testenv.Operation{m, path})
		}
	}
	e.OpenAPI().Documents(t, ops, nil)
}
