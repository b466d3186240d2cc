package membership

import (
	"slices"
	"time"

	"github.com/accord-coalition/accord/internal/audit"
	"github.com/accord-coalition/accord/internal/workflow"
)

// EventNote is the audit event of a reviewers' internal note.
const EventNote = "note"

// HistoryEntry is one event of a timeline as a reader sees it. Internal
// marks what the applicant never sees (claims, recusals, notes, record
// keeping); only reviewers are given such entries, and only they learn
// which staff member acted.
type HistoryEntry struct {
	ID         string    `json:"id"`
	Event      string    `json:"event"`
	FromState  string    `json:"from_state,omitempty"`
	ToState    string    `json:"to_state,omitempty"`
	ActorID    string    `json:"actor_id,omitempty"`
	ActorRole  string    `json:"actor_role,omitempty"`
	Comment    string    `json:"comment,omitempty"`
	Internal   bool      `json:"internal"`
	OccurredAt time.Time `json:"occurred_at"`
}

func historyEntries(m *workflow.Machine, events []audit.Event, reviewer bool) []HistoryEntry {
	out := make([]HistoryEntry, 0, len(events))
	for _, ev := range events {
		out = append(out, historyEntry(m, ev, reviewer))
	}
	return out
}

func historyEntry(m *workflow.Machine, ev audit.Event, reviewer bool) HistoryEntry {
	e := HistoryEntry{
		ID: ev.ID, Event: ev.Event, FromState: ev.FromState, ToState: ev.ToState,
		ActorRole: ev.ActorRole, Comment: ev.Comment, Internal: !isPublicEvent(m, ev),
		OccurredAt: ev.OccurredAt.UTC(),
	}
	if reviewer {
		e.ActorID = ev.ActorID
	}
	return e
}

// isPublicEvent reports whether ev is a transition of m that is not
// marked Internal: the same rule workflow.History applies for applicants.
func isPublicEvent(m *workflow.Machine, ev audit.Event) bool {
	for _, t := range m.Transitions {
		if t.Event == ev.Event && slices.Contains(t.From, ev.FromState) {
			return !t.Internal
		}
	}
	return false
}
