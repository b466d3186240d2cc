package workflow

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/audit"
)

// Fire moves subj by req.Event on behalf of actor, inside tx, which the
// caller owns and must roll back when Fire fails. The checks run in a fixed
// order so that each refusal has one meaning: an unknown event is 422, a
// role that may never fire it 403, a state it cannot fire from or a stale
// version 409, a blank required comment 422, then the transition's own
// Authorize (403) and Guard (usually 422). The state change is one update
// guarded by the version, so of two concurrent firings exactly one wins.
func (e *Engine) Fire(ctx context.Context, tx *gorm.DB, m *Machine, actor accord.Actor, subj Subject, req Request) (Result, error) {
	if err := e.checkRegistered(m); err != nil {
		return Result{}, err
	}
	t, err := m.pick(actor, subj.State, req.Event)
	if err != nil {
		return Result{}, err
	}
	if req.Version != 0 && req.Version != subj.Version {
		return Result{}, accord.Conflict("%s %s is at version %d, not %d: reload and try again",
			m.Name, subj.ID, subj.Version, req.Version)
	}
	if t.CommentRequired && strings.TrimSpace(req.Comment) == "" {
		return Result{}, accord.Invalid("a comment is required for "+req.Event,
			accord.Field("comment", "required"))
	}

	f := &Firing{
		Machine: m, Transition: t, Actor: actor, Subject: subj, Request: req,
		To: t.To, Now: e.clock(), Tx: tx.WithContext(ctx),
	}
	if err := call(ctx, "authorize", m.rule(t).Authorize, f); err != nil {
		return Result{}, err
	}
	if err := call(ctx, "guard", m.rule(t).Guard, f); err != nil {
		return Result{}, err
	}
	if t.Resolve != nil {
		to, err := t.Resolve(ctx, f)
		if err != nil {
			return Result{}, wrap("resolve", f, err)
		}
		if !slices.Contains(t.targets(), to) {
			return Result{}, fmt.Errorf("workflow %s: %s resolved to %q, not one of %v", m.Name, req.Event, to, t.targets())
		}
		f.To = to
	}

	res := f.Tx.Exec("UPDATE "+m.Table+" SET state = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
		f.To, f.Now, subj.ID, subj.Version)
	if res.Error != nil {
		return Result{}, fmt.Errorf("workflow %s: %s %s: %w", m.Name, req.Event, subj.ID, res.Error)
	}
	if res.RowsAffected == 0 {
		return Result{}, accord.Conflict("%s %s was changed meanwhile: reload and try again", m.Name, subj.ID)
	}

	if err := call(ctx, "effect", m.rule(t).Effect, f); err != nil {
		return Result{}, err
	}
	ev := &audit.Event{
		EntityType: m.Name,
		EntityID:   subj.ID,
		Event:      req.Event,
		FromState:  subj.State,
		ToState:    f.To,
		ActorID:    actor.UserID,
		ActorRole:  string(actor.Role),
		Comment:    strings.TrimSpace(req.Comment),
		RequestID:  actor.RequestID,
		Data:       f.AuditData,
		OccurredAt: f.Now,
	}
	if err := audit.Append(ctx, f.Tx, ev); err != nil {
		return Result{}, fmt.Errorf("workflow %s: %s %s: %w", m.Name, req.Event, subj.ID, err)
	}
	e.counted(m.Name, req.Event)
	e.log.DebugContext(ctx, "transition", "machine", m.Name, "id", subj.ID, "event", req.Event,
		"from", subj.State, "to", f.To, "actor", actor.UserID, "role", actor.Role)
	return Result{From: subj.State, To: f.To, Version: subj.Version + 1, AuditSeq: ev.Seq}, nil
}

// pick finds the transition for event from state, checking in order that
// the event exists, that the actor's role may ever fire it, and that it can
// fire from state.
func (m *Machine) pick(actor accord.Actor, state, event string) (*Transition, error) {
	known, permitted := false, false
	for i := range m.Transitions {
		t := &m.Transitions[i]
		if t.Event == event {
			known = true
			permitted = permitted || t.mayFire(actor.Role)
		}
	}
	if !known {
		return nil, accord.Invalid("unknown event", accord.Field("event", fmt.Sprintf("%q is not an event of %s", event, m.Name)))
	}
	if !permitted {
		return nil, accord.Forbidden("%s may not %s", roleName(actor.Role), event)
	}
	t := m.transition(state, event)
	if t == nil {
		return nil, accord.Conflict("%s is not allowed from state %s", event, state)
	}
	if !t.mayFire(actor.Role) {
		return nil, accord.Forbidden("%s may not %s from state %s", roleName(actor.Role), event, state)
	}
	return t, nil
}

// call runs one of a transition's functions, if set. Domain errors pass
// unchanged, so the HTTP layer maps their kind; anything else is wrapped
// as an internal error.
func call(ctx context.Context, step string, fn func(context.Context, *Firing) error, f *Firing) error {
	if fn == nil {
		return nil
	}
	if err := fn(ctx, f); err != nil {
		return wrap(step, f, err)
	}
	return nil
}

func wrap(step string, f *Firing, err error) error {
	var domain *accord.Error
	if errors.As(err, &domain) {
		return err
	}
	return fmt.Errorf("workflow %s: %s %s: %s: %w", f.Machine.Name, f.Request.Event, f.Subject.ID, step, err)
}

func roleName(r accord.Role) string {
	if r == "" {
		return "the public"
	}
	return string(r)
}
