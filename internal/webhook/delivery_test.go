package webhook_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/testenv"
	"github.com/accord-coalition/accord/internal/webhook"
)

const secret = "whsec-test-0123456789abcdef"

// A receiver that fails once with 503 gets the delivery again, with the
// same delivery id and body, once the retry is due (within a minute); the
// signature verifies with the subscription's secret; the log shows the
// failed attempt and the successful one. A later event of the same
// membership waits until the earlier one is through.
func TestDeliveryIsRetriedSignedAndLogged(t *testing.T) {
	testenv.Engines(t, func(t *testing.T, e *testenv.Env) {
		rcv := newReceiver(t, http.StatusServiceUnavailable)
		admin, sec := e.Staff(accord.RoleAdmin), e.Staff(accord.RoleSecretariat)
		var hook webhook.Webhook
		e.Call(admin, "POST", "/webhooks", map[string]any{
			"url": rcv.URL + "/hooks/accord", "events": []string{"membership.*"}, "secret": secret,
		}).Want(t, http.StatusCreated).Decode(t, &hook)

		id := activeMember(e)
		e.Fire(sec, "/memberships/"+id, "suspend", "dues unpaid for two years").Want(t, http.StatusOK)
		e.Fire(sec, "/memberships/"+id, "reinstate", "dues paid").Want(t, http.StatusOK)
		if n := e.Count("webhook_deliveries", "webhook_id = ?", hook.ID); n != 2 {
			t.Fatalf("deliveries enqueued with the transitions: %d, want 2", n)
		}

		// First attempt: 503. Only the earlier event is tried.
		if n := deliverDue(e); n != 0 {
			t.Fatalf("delivered %d on the receiver's 503, want 0", n)
		}
		got := rcv.requests()
		if len(got) != 1 {
			t.Fatalf("receiver got %d requests, want 1 (the later event waits)", len(got))
		}
		first := got[0]
		var body struct {
			ID, Event  string
			OccurredAt time.Time `json:"occurred_at"`
			Resource   struct {
				Type, ID, State, URL string
				PreviousState        string `json:"previous_state"`
			}
		}
		if err := json.Unmarshal(first.Body, &body); err != nil {
			t.Fatalf("body %s: %v", first.Body, err)
		}
		if body.Event != "membership.suspended" || body.ID != first.Delivery || body.Resource.ID != id ||
			body.Resource.State != "suspended" || body.Resource.PreviousState != "active" ||
			body.Resource.URL != "http://accord.test/api/v1/memberships/"+id || !body.OccurredAt.Equal(testenv.Start) {
			t.Fatalf("body: %s (delivery header %q)", first.Body, first.Delivery)
		}
		if first.ContentType != "application/json" {
			t.Errorf("Content-Type %q", first.ContentType)
		}
		log := deliveryLog(e, admin, hook.ID)
		suspended := findDelivery(t, log, first.Delivery)
		if suspended.Status != webhook.StatusPending || len(suspended.Attempts) != 1 ||
			suspended.Attempts[0].StatusCode != http.StatusServiceUnavailable || suspended.Attempts[0].Error == "" {
			t.Fatalf("log after the 503: %+v", suspended)
		}
		if !suspended.NextAttemptAt.After(e.Clock.Now()) || suspended.NextAttemptAt.After(e.Clock.Now().Add(time.Minute)) {
			t.Fatalf("retry at %s: want within a minute of %s", suspended.NextAttemptAt, e.Clock.Now())
		}

		// Nothing is due before the retry time.
		if deliverDue(e); len(rcv.requests()) != 1 {
			t.Fatalf("retried before its time")
		}
		e.Clock.Advance(time.Minute)
		if n := deliverDue(e); n != 2 {
			t.Fatalf("delivered %d after the retry time, want 2", n)
		}
		got = rcv.requests()
		if len(got) != 3 {
			t.Fatalf("receiver got %d requests, want 3", len(got))
		}
		retry, reinstated := got[1], got[2]
		if retry.Delivery != first.Delivery || string(retry.Body) != string(first.Body) {
			t.Fatalf("retry carries delivery %q body %s; want %q and the same body", retry.Delivery, retry.Body, first.Delivery)
		}
		if !strings.Contains(string(reinstated.Body), `"event":"membership.active"`) || reinstated.Delivery == first.Delivery {
			t.Fatalf("second event out of order or reusing the id: %s", reinstated.Body)
		}
		at, ok := webhook.Verify([]byte(secret), retry.Signature, retry.Body)
		if !ok || !at.Equal(e.Clock.Now().Truncate(time.Second)) {
			t.Fatalf("signature %q does not verify (ok=%v, t=%s)", retry.Signature, ok, at)
		}
		if _, ok := webhook.Verify([]byte("another-secret-0123456789"), retry.Signature, retry.Body); ok {
			t.Fatal("signature verifies with another secret")
		}
		if _, ok := webhook.Verify([]byte(secret), retry.Signature, append(retry.Body, ' ')); ok {
			t.Fatal("signature verifies for another body")
		}

		suspended = findDelivery(t, deliveryLog(e, admin, hook.ID), first.Delivery)
		if suspended.Status != webhook.StatusDelivered || len(suspended.Attempts) != 2 ||
			suspended.Attempts[0].StatusCode != http.StatusServiceUnavailable || suspended.Attempts[1].StatusCode != http.StatusOK ||
			suspended.Attempts[1].Error != "" {
			t.Fatalf("log after the retry: %+v", suspended)
		}
		if deliverDue(e); len(rcv.requests()) != 3 {
			t.Fatal("a delivered event was sent again")
		}
	}, allowPrivate())
}

// Receivers on loopback are refused unless ACCORD_WEBHOOK_ALLOW_PRIVATE is
// true: a literal address when subscribing, and a name when dialled, by
// the address it resolved to.
func TestPrivateReceiversAreRefused(t *testing.T) {
	testenv.Engines(t, func(t *testing.T, e *testenv.Env) {
		rcv := newReceiver(t)
		admin, sec := e.Staff(accord.RoleAdmin), e.Staff(accord.RoleSecretariat)
		p := testenv.Problem(t, e.Call(admin, "POST", "/webhooks", map[string]any{
			"url": rcv.URL, "events": []string{"*"}, "secret": secret,
		}), http.StatusUnprocessableEntity)
		if !testenv.HasField(p, "url") {
			t.Fatalf("refusal of %s names no url field: %+v", rcv.URL, p)
		}

		// A name that resolves to 127.0.0.1 passes the URL check; the
		// dial is refused.
		byName := strings.Replace(rcv.URL, "127.0.0.1", "localhost", 1)
		var hook webhook.Webhook
		e.Call(admin, "POST", "/webhooks", map[string]any{
			"url": byName, "events": []string{"membership.suspended"}, "secret": secret,
		}).Want(t, http.StatusCreated).Decode(t, &hook)
		id := activeMember(e)
		e.Fire(sec, "/memberships/"+id, "suspend", "dues unpaid").Want(t, http.StatusOK)
		if n := deliverDue(e); n != 0 {
			t.Fatalf("delivered %d to a private address", n)
		}
		if n := len(rcv.requests()); n != 0 {
			t.Fatalf("the private receiver got %d requests", n)
		}
		log := deliveryLog(e, admin, hook.ID)
		if len(log) != 1 || log[0].Status != webhook.StatusFailed || len(log[0].Attempts) != 1 ||
			!strings.Contains(log[0].Attempts[0].Error, "not a public address") {
			t.Fatalf("log of the refused delivery: %+v", log)
		}
	})
}

// With ACCORD_WEBHOOK_ALLOW_PRIVATE=true the same receiver is delivered to.
func TestPrivateReceiversWhenAllowed(t *testing.T) {
	testenv.Engines(t, func(t *testing.T, e *testenv.Env) {
		rcv := newReceiver(t)
		admin, sec := e.Staff(accord.RoleAdmin), e.Staff(accord.RoleSecretariat)
		e.Call(admin, "POST", "/webhooks", map[string]any{
			"url": rcv.URL, "events": []string{"membership.suspended"}, "secret": secret,
		}).Want(t, http.StatusCreated)
		id := activeMember(e)
		e.Fire(sec, "/memberships/"+id, "suspend", "dues unpaid").Want(t, http.StatusOK)
		if n := deliverDue(e); n != 1 || len(rcv.requests()) != 1 {
			t.Fatalf("with ACCORD_WEBHOOK_ALLOW_PRIVATE=true: delivered %d, receiver got %d", n, len(rcv.requests()))
		}
	}, allowPrivate())
}

func findDelivery(t *testing.T, log []webhook.Delivery, id string) webhook.Delivery {
	t.Helper()
	for _, d := range log {
		if d.ID == id {
			return d
		}
	}
	t.Fatalf("delivery %s not in the log (%d deliveries)", id, len(log))
	return webhook.Delivery{}
}

// A receiver that stays down is retried for more than a day, the later
// event of the same record waiting all along; once the earlier delivery
// is given up, the later one goes.
func TestDeliveryIsRetriedForADayThenGivenUp(t *testing.T) {
	testenv.Engines(t, func(t *testing.T, e *testenv.Env) {
		down := make([]int, 100)
		for i := range down {
			down[i] = http.StatusBadGateway
		}
		rcv := newReceiver(t, down...)
		admin, sec := e.Staff(accord.RoleAdmin), e.Staff(accord.RoleSecretariat)
		var hook webhook.Webhook
		e.Call(admin, "POST", "/webhooks", map[string]any{
			"url": rcv.URL, "events": []string{"membership.*"}, "secret": secret,
		}).Want(t, http.StatusCreated).Decode(t, &hook)
		id := activeMember(e)
		e.Fire(sec, "/memberships/"+id, "suspend", "dues unpaid").Want(t, http.StatusOK)
		e.Fire(sec, "/memberships/"+id, "reinstate", "dues paid").Want(t, http.StatusOK)

		for elapsed := time.Duration(0); elapsed <= 24*time.Hour; elapsed += 10 * time.Minute {
			deliverDue(e)
			e.Clock.Advance(10 * time.Minute)
		}
		got := rcv.requests()
		if len(got) < 10 {
			t.Fatalf("%d attempts in a day, want at least 10", len(got))
		}
		for _, r := range got {
			if !strings.Contains(string(r.Body), `"membership.suspended"`) {
				t.Fatalf("the later event went before the earlier one was through: %s", r.Body)
			}
		}
		log := deliveryLog(e, admin, hook.ID)
		if len(log) != 2 || log[1].Status != webhook.StatusPending || log[0].Status != webhook.StatusPending {
			t.Fatalf("after a day both should still be pending: %+v", log)
		}

		e.Clock.Advance(2 * time.Hour)
		deliverDue(e)
		for _, d := range deliveryLog(e, admin, hook.ID) {
			if d.Status != webhook.StatusFailed {
				t.Errorf("%s after 26 hours: %s after %d attempts, want failed", d.Event, d.Status, d.AttemptCount)
			}
		}
		got = rcv.requests()
		if last := got[len(got)-1]; !strings.Contains(string(last.Body), `"membership.active"`) {
			t.Fatalf("the later event was not tried once the earlier was given up: %s", last.Body)
		}
	}, allowPrivate())
}
