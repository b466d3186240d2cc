package webui

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/membership"
)

// transitionForm is a transition form as posted: the event, the version the
// page was read at, and the event's own fields.
type transitionForm struct {
	event, comment string
	version        int
}

// readTransitionForm reads the fields every action form carries and keeps
// the comment to show again. An event that must be confirmed, sent without
// its box ticked, is marked on the form.
func readTransitionForm(c echo.Context, p *Page) transitionForm {
	ev := strings.TrimSpace(c.FormValue("event"))
	version, _ := strconv.Atoi(c.FormValue("version"))
	p.Form.Keep(c, ev+"_comment")
	if slices.Contains(memberConfirmed, ev) && c.FormValue(ev+"_confirm") != "on" {
		p.Form.Fail(ev+"_confirm", "err.confirm_required")
	}
	return transitionForm{event: ev, comment: c.FormValue(ev + "_comment"), version: version}
}

// fireApplicationEvent fires the event of one of the application page's
// forms. A stale form (409) shows the application as it now is, with a
// message saying so; the submit guard's refusal is shown as the checklist;
// a blank required text is marked beside its field.
func (ui *UI) fireApplicationEvent(c echo.Context) error {
	id := c.Param("id")
	p := ui.newPage(c, "app.title")
	f := readTransitionForm(c, p)
	status := http.StatusUnprocessableEntity
	if f.event == "respond" {
		// The text is checked first: a blank answer must not leave a
		// document behind on an application still awaiting one.
		p.Form.Keep(c, "respond_kind")
		if strings.TrimSpace(f.comment) == "" {
			p.Form.Fail("respond_comment", "err.required")
		} else {
			s, err := ui.attach(c, p, id, "respond_", false)
			if err != nil {
				return err
			}
			if p.Form.HasErrors() {
				status = s
			}
		}
	}
	if p.Form.HasErrors() {
		return ui.showApplication(c, status, p, id, nil)
	}
	_, err := ui.members.FireApplication(c.Request().Context(), actorOf(c), id, membership.TransitionInput{
		Event: f.event, Comment: f.comment, Version: f.version,
	})
	switch {
	case err == nil:
		return redirect(c, "/applications/"+id+"?notice="+membershipNotice(f.event))
	case accord.KindOf(err) == accord.KindConflict:
		p = ui.newPage(c, "app.title")
		p.Form.FailGeneral("app.stale")
		return ui.showApplication(c, http.StatusConflict, p, id, nil)
	case f.event == "submit" && accord.KindOf(err) == accord.KindInvalid:
		p.Form.FailGeneral("app.not_ready")
		return ui.showApplication(c, http.StatusUnprocessableEntity, p, id, err)
	case p.Form.showErrorsAs(err, f.event+"_", f.event+"_comment"):
		return ui.showApplication(c, statusOf(err), p, id, nil)
	}
	return err
}

// membershipNotice is the notice confirming an event on the page it
// leads back to.
func membershipNotice(event string) string {
	if _, ok := notices["event_"+event]; ok {
		return "event_" + event
	}
	return "event_done"
}

// addNote records a reviewers' internal note.
func (ui *UI) addNote(c echo.Context) error {
	id := c.Param("id")
	p := ui.newPage(c, "app.title")
	p.Form.Keep(c, "note_text")
	_, err := ui.members.AddNote(c.Request().Context(), actorOf(c), id, c.FormValue("note_text"))
	if err == nil {
		return redirect(c, "/applications/"+id+"?notice=note_added")
	}
	if !p.Form.showErrorsAs(err, "note_", "note_text") {
		return err
	}
	return ui.showApplication(c, statusOf(err), p, id, nil)
}
