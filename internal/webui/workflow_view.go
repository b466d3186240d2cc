package webui

import (
	"slices"
	"time"

	"github.com/accord-coalition/accord/internal/membership"
	"github.com/accord-coalition/accord/internal/workflow"
)

// memberAction is one event a reader may fire now, drawn as its own form
// by the "action" template: a button, and the fields the event needs.
type memberAction struct {
	Event   string
	Action  string // where the form posts
	Version int
	CSRF    string
	Button  string
	Intro   string // what the event does, when it needs saying
	Comment *Field // nil when the event takes no text
	Confirm *Field // a box to tick before an act that cannot be undone
	// File and Kind let an answer carry a document (respond).
	File *Field
	Kind *ChoiceField
	// Secondary draws the button as the less prominent one: acts that
	// step back (withdraw, recuse, resign).
	Secondary bool
}

// memberOptionalComment are events whose text the machine does not
// require but which the applicant receives in the message: an approval's
// welcome.
var memberOptionalComment = []string{"approve"}

// memberConfirmed are events a person confirms with a tick first, since
// they cannot be undone by that person.
var memberConfirmed = []string{"withdraw", "resign"}

// memberSecondary step back rather than forward.
var memberSecondary = []string{"withdraw", "recuse", "resign"}

// memberActions builds the forms of events on the record at version, each
// posting to action. idPrefix keeps the inputs' ids unique when a list
// holds the forms of several records.
func memberActions(p *Page, m *workflow.Machine, events []string, action string, version int, idPrefix string) []memberAction {
	out := make([]memberAction, 0, len(events))
	for _, ev := range events {
		a := memberAction{
			Event: ev, Action: action, Version: version, CSRF: p.CSRF, Button: p.T("action." + ev),
			Secondary: slices.Contains(memberSecondary, ev),
		}
		if p.cat.Has("action_intro." + ev) {
			a.Intro = p.T("action_intro." + ev)
		}
		// Every event form names its fields alike (event, comment,
		// confirm); the ids and labels stay the event's own, as a page
		// holds several forms.
		if required := m.CommentRequired(ev); required || slices.Contains(memberOptionalComment, ev) {
			f := p.Form.field(ev+"_comment", "textarea", "")
			f.Name = "comment"
			f.Required = required
			f.ID = "f-" + idPrefix + ev + "_comment"
			describedBy(&f)
			a.Comment = &f
		}
		if slices.Contains(memberConfirmed, ev) {
			f := p.Checkbox(ev + "_confirm")
			f.Name = "confirm"
			f.ID = "f-" + idPrefix + ev + "_confirm"
			describedBy(&f)
			a.Confirm = &f
		}
		out = append(out, a)
	}
	return out
}

// The names of the membership service's machines.
const (
	applicationMachine = "membership_application"
	membershipMachine  = "membership"
)

// memberMachine is the membership service's machine called name.
func (ui *UI) memberMachine(name string) *workflow.Machine {
	for _, m := range ui.members.Machines() {
		if m.Name == name {
			return m
		}
	}
	panic("webui: the membership service has no machine " + name)
}

// memberEvent is one event of a record's history as the "timeline"
// template draws it.
type memberEvent struct {
	Event, Label        string
	StateLabel          string // the state it led to; "" for events that change none
	Comment             string
	CommentLabel        string
	RoleLabel           string // who acted, for reviewers; "" otherwise
	At                  time.Time
	ISO                 string
	Internal, Note, Own bool
}

// memberTimeline translates a history, oldest first. Only reviewers are
// given internal entries by the service.
func memberTimeline(p *Page, h []workflow.HistoryEntry, viewerID string) []memberEvent {
	out := make([]memberEvent, 0, len(h))
	for _, e := range h {
		t := memberEvent{
			Event: e.Event, Label: p.memberEventName(e.Event), Comment: e.Comment,
			At: e.OccurredAt, ISO: e.OccurredAt.UTC().Format(time.RFC3339),
			Internal: e.Internal, Note: e.Event == membership.EventNote,
			Own: viewerID != "" && e.ActorID == viewerID,
		}
		if e.FromState != "" && e.ToState != "" {
			t.StateLabel = p.memberStateName(e.ToState)
		}
		if e.Comment != "" {
			key := "timeline.comment_" + e.Event
			if !p.cat.Has(key) {
				key = "timeline.comment"
			}
			t.CommentLabel = p.T(key)
		}
		if e.ActorRole != "" && p.cat.Has("role."+e.ActorRole) {
			t.RoleLabel = p.T("role." + e.ActorRole)
		}
		out = append(out, t)
	}
	return out
}

// lastCommentOf is the comment of the latest event of the history, if any.
func lastCommentOf(h []workflow.HistoryEntry, event string) string {
	for i := len(h) - 1; i >= 0; i-- {
		if h[i].Event == event {
			return h[i].Comment
		}
	}
	return ""
}

// memberEventName is an event as the reader's language names it; an
// event the catalogs do not know keeps its own name rather than a key.
func (p *Page) memberEventName(event string) string {
	if p.cat.Has("event." + event) {
		return p.T("event." + event)
	}
	return event
}

// memberStateName is a state of an application or a membership, translated.
func (p *Page) memberStateName(state string) string {
	if p.cat.Has("state." + state) {
		return p.T("state." + state)
	}
	return state
}

// DocumentSize writes a document's size in kilobytes, rounded up, as the
// page's language writes numbers.
func (p *Page) DocumentSize(bytes int64) string {
	return p.T("doc.size_kb", "size", int((bytes+1023)/1024))
}
