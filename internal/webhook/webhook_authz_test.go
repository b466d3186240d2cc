package webhook_test

import (
	"bytes"
	"net/http"
	"testing"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/testenv"
	"github.com/accord-coalition/accord/internal/webhook"
)

// Webhooks carry every state change to another system: only the operator
// (admin) lists, adds, removes or inspects them; everyone else is refused
// with 403, the public with 401.
func TestOnlyTheOperatorManagesWebhooks(t *testing.T) {
	testenv.Engines(t, func(t *testing.T, e *testenv.Env) {
		admin := e.Staff(accord.RoleAdmin)
		var hook webhook.Webhook
		e.Call(admin, "POST", "/webhooks", map[string]any{
			"url": "https://crm.example.org/accord", "events": []string{"membership_application.approved"},
			"secret": "a-shared-secret-0123456789",
		}).Want(t, http.StatusCreated).Decode(t, &hook)

		others := map[string]*testenv.User{
			"applicant":   e.Applicant("en"),
			"coordinator": e.Staff(accord.RoleCoordinator, "MENA"),
			"secretariat": e.Staff(accord.RoleSecretariat),
			"state party": e.Staff(accord.RoleStateParty),
			"the public":  nil,
		}
		for name, u := range others {
			want := http.StatusForbidden
			if u == nil {
				want = http.StatusUnauthorized
			}
			t.Run(name, func(t *testing.T) {
				testenv.Problem(t, e.Call(u, "GET", "/webhooks", nil), want)
				testenv.Problem(t, e.Call(u, "POST", "/webhooks", map[string]any{
					"url": "https://evil.example/", "events": []string{"*"}, "secret": "0123456789abcdef-xyz",
				}), want)
				testenv.Problem(t, e.Call(u, "GET", "/webhooks/"+hook.ID+"/deliveries", nil), want)
				testenv.Problem(t, e.Call(u, "DELETE", "/webhooks/"+hook.ID, nil), want)
			})
		}

		// The operator sees the subscription, never its secret, and removes it.
		var page struct{ Items []map[string]any }
		r := e.Call(admin, "GET", "/webhooks", nil).Want(t, http.StatusOK)
		r.Decode(t, &page)
		if len(page.Items) != 1 || page.Items[0]["id"] != hook.ID || page.Items[0]["url"] != "https://crm.example.org/accord" {
			t.Fatalf("admin's list: %s", r.Body)
		}
		if bytes.Contains(r.Body, []byte("a-shared-secret")) {
			t.Fatalf("the secret was returned: %s", r.Body)
		}
		e.Call(admin, "DELETE", "/webhooks/"+hook.ID, nil).Want(t, http.StatusNoContent)
		testenv.Problem(t, e.Call(admin, "GET", "/webhooks/"+hook.ID+"/deliveries", nil), http.StatusNotFound)
		if n := len(e.AuditEvents(webhook.Kind, "webhook_deleted")); n != 1 {
			t.Fatalf("audit events of the removal: %d, want 1", n)
		}
	})
}

// A subscription names known events, a URL Accord can post to and a
// secret long enough; each mistake is a field of the problem document.
func TestSubscriptionIsChecked(t *testing.T) {
	testenv.Engines(t, func(t *testing.T, e *testenv.Env) {
		admin := e.Staff(accord.RoleAdmin)
		p := testenv.Problem(t, e.Call(admin, "POST", "/webhooks", map[string]any{
			"url": "ftp://crm.example.org/", "events": []string{"membership_application.approvedd"}, "secret": "short",
		}), http.StatusUnprocessableEntity)
		for _, f := range []string{"url", "events", "secret"} {
			if !testenv.HasField(p, f) {
				t.Errorf("no %s field in %+v", f, p)
			}
		}
		for _, events := range [][]string{{"*"}, {"membership.*", "delegate.checked_in"}, {"accreditation_request.accredited"}} {
			e.Call(admin, "POST", "/webhooks", map[string]any{
				"url": "https://crm.example.org/", "events": events, "secret": "0123456789abcdef",
			}).Want(t, http.StatusCreated)
		}
	})
}
