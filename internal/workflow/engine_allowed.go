package workflow

import (
	"context"
	"slices"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
)

// Allowed lists the events actor may fire on subj now — the role, the
// state, Authorize and Guard all pass — in table order, never nil, for a
// resource's allowed_events. The request is not known yet, so a required
// comment is not checked and guards see a Request carrying only the event.
func (e *Engine) Allowed(ctx context.Context, tx *gorm.DB, m *Machine, actor accord.Actor, subj Subject) []string {
	events := []string{}
	for i := range m.Transitions {
		t := &m.Transitions[i]
		if slices.Contains(events, t.Event) || !slices.Contains(t.From, subj.State) || !t.mayFire(actor.Role) {
			continue
		}
		f := &Firing{
			Machine: m, Transition: t, Actor: actor, Subject: subj,
			Request: Request{Event: t.Event}, To: t.To, Now: e.clock(), Tx: tx.WithContext(ctx),
		}
		if e.passes(ctx, "authorize", m.rule(t).Authorize, f) && e.passes(ctx, "guard", m.rule(t).Guard, f) {
			events = append(events, t.Event)
		}
	}
	return events
}

// passes runs a check for Allowed. A domain error is an ordinary "no"; any
// other error is logged, and the event left out rather than offered.
func (e *Engine) passes(ctx context.Context, step string, fn func(context.Context, *Firing) error, f *Firing) bool {
	if fn == nil {
		return true
	}
	err := fn(ctx, f)
	if err != nil && accord.KindOf(err) == accord.KindInternal {
		e.log.ErrorContext(ctx, "workflow allowed events", "machine", f.Machine.Name, "id", f.Subject.ID,
			"event", f.Request.Event, "step", step, "err", err)
	}
	return err == nil
}
