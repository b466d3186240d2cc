package webhook

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/accord-coalition/accord/internal/workflow"
)

// payload is a delivery's body (docs/api.md, Webhooks). It is written
// once, when the delivery is enqueued, and sent byte for byte the same on
// every attempt.
type payload struct {
	ID         string          `json:"id"`
	Event      string          `json:"event"`
	OccurredAt time.Time       `json:"occurred_at"`
	Resource   payloadResource `json:"resource"`
}

// payloadResource says which record changed and how; a receiver that
// wants more reads the record from the API at URL.
type payloadResource struct {
	Type          string `json:"type"`
	ID            string `json:"id"`
	State         string `json:"state"`
	PreviousState string `json:"previous_state"`
	Transition    string `json:"transition"`
	Version       int    `json:"version"`
	URL           string `json:"url,omitempty"`
}

// AfterFire is the workflow engine's hook (workflow.WithAfterFire): after
// every transition, in its transaction, it writes one delivery for each
// subscription to the event, so the deliveries commit with the change or
// not at all.
func (s *Service) AfterFire(ctx context.Context, f *workflow.Firing, r workflow.Result) error {
	event := EventName(f.Machine.Name, r.To)
	var subs []Webhook
	if err := f.Tx.WithContext(ctx).Select("id", "events").Find(&subs).Error; err != nil {
		return wrapDB("read subscriptions", err)
	}
	now := f.Now
	res := payloadResource{
		Type: f.Machine.Name, ID: f.Subject.ID, State: r.To, PreviousState: r.From,
		Transition: f.Request.Event, Version: r.Version,
	}
	if p := s.resourcePath(f.Machine.Name); p != "" && s.cfg.APIBase != "" {
		res.URL = s.cfg.APIBase + "/" + p + "/" + f.Subject.ID
	}
	for _, w := range subs {
		if !matches(w.Events, event) {
			continue
		}
		d := Delivery{
			ID: uuid.NewString(), WebhookID: w.ID, Event: event,
			ResourceType: f.Machine.Name, ResourceID: f.Subject.ID, Seq: r.AuditSeq,
			CreatedAt: now, Status: StatusPending, NextAttemptAt: now,
		}
		body, err := json.Marshal(payload{ID: d.ID, Event: event, OccurredAt: now, Resource: res})
		if err != nil {
			return fmt.Errorf("webhook: encode %s delivery: %w", event, err)
		}
		d.Body = string(body)
		if err := f.Tx.WithContext(ctx).Create(&d).Error; err != nil {
			return wrapDB("enqueue delivery", err)
		}
	}
	return nil
}
