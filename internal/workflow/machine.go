package workflow

import (
	"context"
	"slices"
	"time"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
)

// Transition is one row of a machine's table: (From, Event) -> To.
type Transition struct {
	From  []string // states it may fire from
	Event string
	To    string        // target state; with Resolve, the default drawn when Targets is empty
	Roles []accord.Role // roles that may ever fire it; accord.RoleSystem for deadline events

	CommentRequired bool // the comment must be non-blank
	Internal        bool // hidden from the applicant's timeline

	// Resolve picks the target state at firing time, for events whose
	// outcome depends on the data (withdraw_objection -> circulated or
	// objected). Targets lists what it may return.
	Resolve func(ctx context.Context, f *Firing) (string, error)
	Targets []string
}

// Deadline says that Event fires, as the system, on rows in one of the From
// states once the instant in Column has passed.
type Deadline struct {
	Event  string
	From   []string
	Column string
}

// Machine is a declarative state machine over one table.
type Machine struct {
	Name        string // entity type in audit events, e.g. "membership_application"
	Table       string
	Initial     string
	Transitions []Transition
	Deadlines   []Deadline
	// Rules holds, for every event of Transitions, what the capability
	// checks and does beyond the table (see WithRules).
	Rules Rules
	// Load reads one entity inside tx for Tick; capabilities usually use it
	// for their own transitions too.
	Load func(ctx context.Context, tx *gorm.DB, id string) (Subject, error)
}

// Subject is the entity a transition fires on, as the caller loaded it.
type Subject struct {
	ID      string
	State   string
	Version int
	Value   any // the loaded entity, for Authorize, Guard and Effect to type-assert
}

// Request is what the actor asks for.
type Request struct {
	Event   string
	Comment string
	Version int // the version the actor saw; 0 means the loaded one
	Data    any // the event's payload, for guards and effects
}

// Firing is everything a transition's functions see.
type Firing struct {
	Machine    *Machine
	Transition *Transition
	Actor      accord.Actor
	Subject    Subject // as loaded: State is still the state fired from
	Request    Request
	To         string    // the target; Resolve may change it
	Now        time.Time // the engine clock, UTC, microseconds
	Tx         *gorm.DB
	// AuditData holds extra facts an effect wants kept with the audit
	// event (the circulation number, the objecting State).
	AuditData map[string]any
}

// Result reports a transition that fired.
type Result struct {
	From     string
	To       string
	Version  int   // the entity's version after the transition
	AuditSeq int64 // the audit event's position in the chain
}

// mayFire reports whether role may ever fire t.
func (t *Transition) mayFire(role accord.Role) bool {
	return role != "" && slices.Contains(t.Roles, role)
}

// targets lists every state t can lead to.
func (t *Transition) targets() []string {
	if len(t.Targets) > 0 {
		return t.Targets
	}
	return []string{t.To}
}

// transition returns the transition of event from state, or nil.
func (m *Machine) transition(from, event string) *Transition {
	for i := range m.Transitions {
		t := &m.Transitions[i]
		if t.Event == event && slices.Contains(t.From, from) {
			return t
		}
	}
	return nil
}

// isDeadline reports whether event fires from state by a deadline.
func (m *Machine) isDeadline(from, event string) bool {
	for _, d := range m.Deadlines {
		if d.Event == event && slices.Contains(d.From, from) {
			return true
		}
	}
	return false
}

// States lists every state of the machine, the initial one first and the
// rest in the order the table mentions them.
func (m *Machine) States() []string {
	states := []string{m.Initial}
	add := func(s string) {
		if s != "" && !slices.Contains(states, s) {
			states = append(states, s)
		}
	}
	for i := range m.Transitions {
		t := &m.Transitions[i]
		for _, s := range t.From {
			add(s)
		}
		for _, s := range t.targets() {
			add(s)
		}
	}
	return states
}
