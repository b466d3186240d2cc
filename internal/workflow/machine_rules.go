package workflow

import (
	"context"
	"fmt"
	"slices"
)

// Rule is what a capability attaches to one event of a machine's table:
// the checks and the effect the table itself cannot say. An empty Rule{}
// says, explicitly, that the event needs nothing beyond the table.
type Rule struct {
	// Authorize checks the actor's relationship to this subject — the
	// reviewer, the region's coordinator, the objecting State. Return
	// accord.Forbidden to refuse.
	Authorize func(ctx context.Context, f *Firing) error
	// Guard checks a business precondition and returns an *accord.Error,
	// usually accord.Invalid. It must not write: Allowed calls it too.
	Guard func(ctx context.Context, f *Firing) error
	// Effect writes in f.Tx after the state change: new records, outbox
	// messages, extra audit facts in f.AuditData.
	Effect func(ctx context.Context, f *Firing) error
}

// Rules maps every event of a machine's table to its Rule.
type Rules map[string]Rule

// WithRules returns m with rules attached, so that a capability's
// service reads as its table with the rules beside it, event by event.
// Whether every event of the table has its rule, and every rule an event,
// is checked by Engine.Register, which refuses the machine otherwise.
func WithRules(m *Machine, rules Rules) *Machine {
	m.Rules = rules
	return m
}

// All runs effects (or checks) in order, stopping at the first failure.
func All(fns ...func(context.Context, *Firing) error) func(context.Context, *Firing) error {
	return func(ctx context.Context, f *Firing) error {
		for _, fn := range fns {
			if err := fn(ctx, f); err != nil {
				return err
			}
		}
		return nil
	}
}

// rule is the rule attached to t's event.
func (m *Machine) rule(t *Transition) Rule { return m.Rules[t.Event] }

// validateRules reports a table event without a rule and a rule for an
// event the table does not have: a misspelt event name is found at start,
// not by the first person whose transition silently skips its checks.
func (m *Machine) validateRules(bad func(format string, args ...any)) {
	var events []string
	for i := range m.Transitions {
		if ev := m.Transitions[i].Event; !slices.Contains(events, ev) {
			events = append(events, ev)
		}
	}
	for _, ev := range events {
		if _, ok := m.Rules[ev]; !ok {
			bad("no rule for event %q (attach Rule{} if it needs none)", ev)
		}
	}
	var unknown []string
	for ev := range m.Rules {
		if !slices.Contains(events, ev) {
			unknown = append(unknown, ev)
		}
	}
	slices.Sort(unknown)
	for _, ev := range unknown {
		bad("rule for unknown event %q", ev)
	}
}

// Check reports every mistake in m's table and rules, as Register would.
func (m *Machine) Check() error {
	if err := m.validate(); err != nil {
		return fmt.Errorf("workflow: machine %q: %w", m.Name, err)
	}
	return nil
}
