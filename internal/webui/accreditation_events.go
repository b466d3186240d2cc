package webui

import (
	"slices"

	"github.com/accord-coalition/accord/internal/accreditation"
)

// eventForm is one event a reader may fire now, drawn as a small form: a
// button, and a text field when the machine requires a comment with the
// event (the message asking for changes, the reasons of a refusal).
type eventForm struct {
	Scope   string // unique on the page: the entity's id and the event
	Action  string
	Back    string // which page to come back to (see backPage)
	Event   string
	Version int
	Comment bool
	Danger  bool
}

// decisionForm records the Conference's decision on a referred request:
// admitted or denied, with the reference of the decision.
type decisionForm struct {
	Scope, Action, Back string
	Version             int
}

// requestTable is the request machine's table: the forms ask for a
// comment where it requires one.
var requestTable = accreditation.RequestMachine()

// requestButtons are the request events offered as buttons, the way
// forward first. Objections have forms of their own on the circulated
// list; the Conference's decision has the decision form; circulation is
// one list per conference.
var requestButtons = []string{"submit", "resubmit", "clear", "admit_ecosoc", "request_changes",
	"reject_ineligible", "revoke", "withdraw"}

// refusals are drawn as such, so that nobody presses one by mistake.
var refusals = []string{"reject_ineligible", "revoke", "withdraw", "cancel"}

// eventScope names the small form of an event on an entity.
func eventScope(id, event string) string {
	if event == "conference_admit" || event == "conference_deny" {
		return id + "-decision"
	}
	return id + "-" + event
}

// requestForms are the forms of the events the reader may fire on r now.
func requestForms(r *accreditation.RequestView, back string) ([]eventForm, *decisionForm) {
	var forms []eventForm
	for _, ev := range requestButtons {
		if !slices.Contains(r.AllowedEvents, ev) {
			continue
		}
		forms = append(forms, eventForm{
			Scope: eventScope(r.ID, ev), Action: "/accreditation-requests/" + r.ID + "/transitions", Back: back,
			Event: ev, Version: r.Version, Comment: requestTable.CommentRequired(ev),
			Danger: slices.Contains(refusals, ev),
		})
	}
	var decision *decisionForm
	if slices.Contains(r.AllowedEvents, "conference_admit") || slices.Contains(r.AllowedEvents, "conference_deny") {
		decision = &decisionForm{Scope: eventScope(r.ID, "conference_admit"),
			Action: "/accreditation-requests/" + r.ID + "/transitions", Back: back, Version: r.Version}
	}
	return forms, decision
}

// delegateButtons are the delegate events offered as buttons; a
// replacement has its own form, and check-in happens at the door.
var delegateButtons = []string{"confirm", "issue_badge", "cancel"}

func delegateForms(d *accreditation.DelegateView) []eventForm {
	var forms []eventForm
	for _, ev := range delegateButtons {
		if slices.Contains(d.AllowedEvents, ev) {
			forms = append(forms, eventForm{
				Scope: eventScope(d.ID, ev), Action: "/delegates/" + d.ID + "/transitions",
				Event: ev, Version: d.Version, Danger: slices.Contains(refusals, ev),
			})
		}
	}
	return forms
}
