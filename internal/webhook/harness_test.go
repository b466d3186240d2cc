package webhook_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/accord-coalition/accord/internal/config"
	"github.com/accord-coalition/accord/internal/membership"
	"github.com/accord-coalition/accord/internal/testenv"
	"github.com/accord-coalition/accord/internal/webhook"
)

// allowPrivate is ACCORD_WEBHOOK_ALLOW_PRIVATE=true: the receivers of
// these tests are httptest servers on 127.0.0.1.
func allowPrivate() testenv.Option {
	return testenv.Configure(func(c *config.Config) { c.WebhookAllowPrivate = true })
}

// received is one request a receiver got.
type received struct {
	Delivery, Signature, ContentType string
	Body                             []byte
}

// receiver is a real HTTP server that records what it is sent and
// answers with the statuses it is given, in turn, then 200.
type receiver struct {
	*httptest.Server
	mu       sync.Mutex
	got      []received
	statuses []int
}

func newReceiver(t *testing.T, statuses ...int) *receiver {
	t.Helper()
	r := &receiver{statuses: statuses}
	r.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, _ := io.ReadAll(req.Body)
		r.mu.Lock()
		r.got = append(r.got, received{
			Delivery: req.Header.Get(webhook.HeaderDelivery), Signature: req.Header.Get(webhook.HeaderSignature),
			ContentType: req.Header.Get("Content-Type"), Body: body,
		})
		status := http.StatusOK
		if len(r.statuses) > 0 {
			status, r.statuses = r.statuses[0], r.statuses[1:]
		}
		r.mu.Unlock()
		w.WriteHeader(status)
	}))
	t.Cleanup(r.Close)
	return r
}

func (r *receiver) requests() []received {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]received(nil), r.got...)
}

// activeMember inserts an organisation with an active membership and
// returns the membership's id.
func activeMember(e *testenv.Env) string {
	e.T.Helper()
	org := e.Organization(membership.Organization{Name: "Transparency Maroc", NameEN: "Transparency Morocco", Country: "MA"})
	m := membership.NewMembership(uuid.NewString(), org.ID, nil, e.Clock.Now().UTC().Truncate(time.Microsecond))
	if err := e.DB.WithContext(context.Background()).Create(&m).Error; err != nil {
		e.T.Fatalf("insert membership: %v", err)
	}
	return m.ID
}

// deliverDue runs the webhook worker once, as the server does every few
// seconds, and returns how many deliveries the receivers took.
func deliverDue(e *testenv.Env) int {
	e.T.Helper()
	n, err := e.App.Webhooks.NewWorker().DeliverDue(context.Background())
	if err != nil {
		e.T.Fatalf("deliver due webhooks: %v", err)
	}
	return n
}

// deliveryLog reads a subscription's deliveries over the API, as admin.
func deliveryLog(e *testenv.Env, admin *testenv.User, hookID string) []webhook.Delivery {
	e.T.Helper()
	var page struct{ Items []webhook.Delivery }
	e.Call(admin, "GET", "/webhooks/"+hookID+"/deliveries", nil).Want(e.T, http.StatusOK).Decode(e.T, &page)
	return page.Items
}
