package workflow

import (
	"context"
	"time"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/audit"
)

// Resource is one workflow's records as both transports serve them: the
// API's GET /{collection}/{id}, POST …/transitions and GET …/history, and
// the web pages' event forms. Each method asks the authorizer about the
// record, as every service method does.
type Resource interface {
	// View is the record as actor may see it, with the events actor may
	// fire now (allowed_events).
	View(ctx context.Context, actor accord.Actor, id string) (any, error)
	// Fire fires in's event on the record and returns it as View does.
	Fire(ctx context.Context, actor accord.Actor, id string, in Body) (any, error)
	// History is the record's timeline as actor may see it, oldest first.
	History(ctx context.Context, actor accord.Actor, id string) ([]HistoryEntry, error)
}

// Body is what a transition request carries: a TransitionInput, or a type
// embedding one with the payload some events need (a delegate's
// replacement).
type Body interface {
	Transition() TransitionInput
}

// Transition implements Body.
func (in TransitionInput) Transition() TransitionInput { return in }

// Collection is a workflow as the transports find it: the path segment
// its records are served under, its machine and its resource. Adding a
// workflow is adding a Collection to its service's Collections; the
// transports register their routes from the list.
type Collection struct {
	// Name is the records' path segment in the API and on the web:
	// "membership-applications", "accreditation-requests".
	Name     string
	Machine  *Machine
	Resource Resource
	// Body is a zero value of what a transition request decodes into;
	// nil means TransitionInput.
	Body Body
	// Doc is what the API's document says of the collection.
	Doc CollectionDoc
}

// CollectionDoc names a collection's parts in the API's document.
type CollectionDoc struct {
	Tag     string
	Summary string // of its transitions route: which events, what they carry
	// ViewSummary describes GET /{collection}/{id}; by default "One
	// <Name>, with the events the caller may fire now".
	ViewSummary string
	View        any    // a zero value of what View and Fire return
	ViewName    string // that schema's name: "AccreditationRequest"
	BodyName    string // the request body's schema name; default "TransitionInput"
	Name        string // one record's name in the summaries: "accreditation request"
}

// NewBody returns a pointer to a fresh zero Body of c's kind, to decode a
// request into.
func (c Collection) NewBody() Body {
	switch b := c.Body.(type) {
	case nil, TransitionInput:
		return &TransitionInput{}
	default:
		return newLike(b)
	}
}

// HistoryEntry is one event of a record's timeline as a reader sees it.
// Internal marks what the record's owner never sees (claims, recusals,
// notes, record keeping); only staff are given such entries, and only
// they learn which staff member acted (ActorID).
type HistoryEntry struct {
	ID         string         `json:"id"`
	Event      string         `json:"event"`
	FromState  string         `json:"from_state,omitempty"`
	ToState    string         `json:"to_state,omitempty"`
	ActorID    string         `json:"actor_id,omitempty"`
	ActorRole  string         `json:"actor_role,omitempty"`
	Comment    string         `json:"comment,omitempty"`
	Data       map[string]any `json:"data,omitempty"`
	Internal   bool           `json:"internal"`
	OccurredAt time.Time      `json:"occurred_at"`
}

// EntryOptions says what a reader is shown of each event.
type EntryOptions struct {
	Staff bool // the actor's id is kept
	Data  bool // the event's extra facts are kept
}

// Entries turns m's audit events into history entries for one reader.
func Entries(m *Machine, events []audit.Event, o EntryOptions) []HistoryEntry {
	out := make([]HistoryEntry, 0, len(events))
	for _, ev := range events {
		out = append(out, Entry(m, ev, o))
	}
	return out
}

// Entry is one audit event of m as a history entry.
func Entry(m *Machine, ev audit.Event, o EntryOptions) HistoryEntry {
	e := HistoryEntry{
		ID: ev.ID, Event: ev.Event, FromState: ev.FromState, ToState: ev.ToState,
		ActorRole: ev.ActorRole, Comment: ev.Comment, Internal: !m.isPublic(ev),
		OccurredAt: ev.OccurredAt.UTC(),
	}
	if o.Staff {
		e.ActorID = ev.ActorID
	}
	if o.Data {
		e.Data = ev.Data
	}
	return e
}

// isPublic reports whether ev is a transition of m not marked Internal:
// the rule History applies for readers who are not staff.
func (m *Machine) isPublic(ev audit.Event) bool {
	t := m.transition(ev.FromState, ev.Event)
	return t != nil && !t.Internal
}

// CommentRequired reports whether m requires a comment with event, so
// that forms ask for one exactly where the engine will.
func (m *Machine) CommentRequired(event string) bool {
	for i := range m.Transitions {
		if m.Transitions[i].Event == event {
			return m.Transitions[i].CommentRequired
		}
	}
	return false
}

// Methods makes a Resource of a service's three methods for one kind of
// record: read it, fire an event on it, read its timeline. A workflow whose
// events carry more than a TransitionInput implements Resource itself.
func Methods[V any](
	view func(ctx context.Context, actor accord.Actor, id string) (V, error),
	fire func(ctx context.Context, actor accord.Actor, id string, in TransitionInput) (V, error),
	history func(ctx context.Context, actor accord.Actor, id string) ([]HistoryEntry, error),
) Resource {
	return methods[V]{view: view, fire: fire, history: history}
}

type methods[V any] struct {
	view    func(context.Context, accord.Actor, string) (V, error)
	fire    func(context.Context, accord.Actor, string, TransitionInput) (V, error)
	history func(context.Context, accord.Actor, string) ([]HistoryEntry, error)
}

func (m methods[V]) View(ctx context.Context, actor accord.Actor, id string) (any, error) {
	return m.view(ctx, actor, id)
}

func (m methods[V]) Fire(ctx context.Context, actor accord.Actor, id string, in Body) (any, error) {
	return m.fire(ctx, actor, id, in.Transition())
}

func (m methods[V]) History(ctx context.Context, actor accord.Actor, id string) ([]HistoryEntry, error) {
	return m.history(ctx, actor, id)
}
