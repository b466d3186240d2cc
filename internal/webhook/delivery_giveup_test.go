package webhook_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/testenv"
	"github.com/accord-coalition/accord/internal/webhook"
)

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
