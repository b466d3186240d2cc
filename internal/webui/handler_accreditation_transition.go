package webui

import (
	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/accreditation"
)

// Pages a request's event forms stand on, and so where they come back
// to: the request itself, the screening desk, or the referral list.
const (
	backRequest   = "request"
	backScreening = "screening"
	backReferrals = "referrals"
)

// fireRequestEvent fires the event of one of a request's forms. On
// success it returns to the page the form was on; invalid input (a
// missing message, a guard refusing) shows there, beside the field.
func (ui *UI) fireRequestEvent(c echo.Context) error {
	ctx, actor, id := c.Request().Context(), actorOf(c), c.Param("id")
	in := accreditation.TransitionInput{
		Event: c.FormValue("event"), Comment: c.FormValue("comment"), Version: formVersion(c.FormValue("version")),
	}
	back := c.FormValue("back")
	p := ui.newPage(c, "request.title")
	p.Form.setScope(eventScope(id, in.Event))
	p.Form.Keep(c, "comment")
	var r *accreditation.RequestView
	var err error
	if in.Event == "" {
		// The decision form's radio buttons: one must be chosen.
		p.Form.setScope(eventScope(id, "conference_admit"))
		p.Form.Fail("event", "err.choose_decision")
		err = accord.Invalid("no event chosen")
	} else {
		r, err = ui.accreditation.FireRequest(ctx, actor, id, in)
	}
	if err == nil {
		return redirect(c, ui.backURL(back, r)+"?notice="+eventNotice(in.Event))
	}
	if !p.Form.HasErrors() && !p.Form.showAccreditationErrors(err, nil, "comment") {
		return err
	}
	status := statusOf(err)
	switch back {
	case backScreening:
		return ui.renderScreening(c, status, p)
	case backReferrals:
		req, gerr := ui.accreditation.GetRequest(ctx, actor, id)
		if gerr != nil {
			return gerr
		}
		return ui.renderReferrals(c, status, p, req.ConferenceID)
	}
	return ui.renderRequest(c, status, p, id)
}

// backURL is the address of the page a form came from.
func (ui *UI) backURL(back string, r *accreditation.RequestView) string {
	switch back {
	case backScreening:
		return "/screening"
	case backReferrals:
		return "/conferences/" + r.ConferenceID + "/referrals"
	}
	return "/accreditation-requests/" + r.ID
}

// eventNotice is the confirmation shown after an event.
func eventNotice(event string) string {
	switch event {
	case "submit", "resubmit":
		return "acc_submitted"
	case "withdraw":
		return "acc_withdrawn"
	}
	return "acc_recorded"
}
