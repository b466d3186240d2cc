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

// accreditationWorkflows are the hooks of the request's, the
// objection's and the delegate's event forms. Invalid input (a missing
// message, a guard refusing) shows on the page the form was on, beside
// the field.
func (ui *UI) accreditationWorkflows() map[string]webWorkflow {
	return map[string]webWorkflow{
		accreditation.CollectionRequests: {
			title: "request.title",
			before: func(c echo.Context, id string, f *eventPost) error {
				f.Page.Form.setScope(eventScope(id, f.Event))
				f.Page.Form.Keep(c, "comment")
				if f.Event == "" {
					// The decision form's radio buttons: one must be chosen.
					f.Page.Form.setScope(eventScope(id, "conference_admit"))
					f.Page.Form.Fail("event", "err.choose_decision")
				}
				return nil
			},
			done: func(_ echo.Context, _ string, f *eventPost, view any) (string, error) {
				return ui.backURL(f.Back, view.(*accreditation.RequestView)) + "?notice=" + eventNotice(f.Event), nil
			},
			refused: ui.requestEventRefused,
		},
		accreditation.CollectionObjections: {
			title: "circulated.title",
			done: func(c echo.Context, _ string, f *eventPost, view any) (string, error) {
				o := view.(*accreditation.ObjectionView)
				r, err := ui.accreditation.GetRequest(c.Request().Context(), actorOf(c), o.AccreditationRequestID)
				if err != nil {
					return "", err
				}
				if f.Back == "objections" {
					return "/accreditation-requests/" + r.ID + "/objections?notice=acc_objection_withdrawn", nil
				}
				return "/conferences/" + r.ConferenceID + "/circulated?notice=acc_objection_withdrawn#req-" + r.ID, nil
			},
			refused: ui.objectionEventRefused,
		},
		accreditation.CollectionDelegates: {
			title:  "request.title",
			before: ui.beforeDelegateEvent,
			done: func(_ echo.Context, _ string, f *eventPost, view any) (string, error) {
				d := view.(*accreditation.DelegateView)
				notice := "acc_delegate_updated"
				if f.Event == "replace" {
					notice = "acc_delegate_replaced"
				}
				return "/accreditation-requests/" + d.AccreditationRequestID + "?notice=" + notice + "#delegates", nil
			},
			refused: ui.delegateEventRefused,
		},
	}
}

// requestEventRefused shows a refused request event on the page the form
// was on.
func (ui *UI) requestEventRefused(c echo.Context, id string, f *eventPost, err error) error {
	p := f.Page
	status := f.Status
	if err != nil {
		if !p.Form.showAccreditationErrors(err, nil, "comment") {
			return err
		}
		status = statusOf(err)
	}
	switch f.Back {
	case backScreening:
		return ui.renderScreening(c, status, p)
	case backReferrals:
		req, gerr := ui.accreditation.GetRequest(c.Request().Context(), actorOf(c), id)
		if gerr != nil {
			return gerr
		}
		return ui.renderReferrals(c, status, p, req.ConferenceID)
	}
	return ui.renderRequest(c, status, p, id)
}

// objectionEventRefused: the objection period has ended meanwhile; the
// circulated list says so.
func (ui *UI) objectionEventRefused(c echo.Context, id string, f *eventPost, err error) error {
	if err == nil || accord.KindOf(err) != accord.KindInvalid {
		return err
	}
	ctx, actor := c.Request().Context(), actorOf(c)
	view, gerr := ui.accreditation.GetObjection(ctx, actor, id)
	if gerr != nil {
		return gerr
	}
	r, gerr := ui.accreditation.GetRequest(ctx, actor, view.AccreditationRequestID)
	if gerr != nil {
		return gerr
	}
	p := f.Page
	p.Form.setScope(eventScope(id, f.Event))
	p.Form.showAccreditationErrors(err, nil)
	return ui.renderCirculated(c, statusOf(err), p, r.ConferenceID)
}

// beforeDelegateEvent reads a replacement's nomination, which the
// replace form carries: the delegate is replaced by that person in one
// step.
func (ui *UI) beforeDelegateEvent(c echo.Context, _ string, f *eventPost) error {
	if f.Event != "replace" {
		return nil
	}
	f.Page.Title = f.Page.T("delegates.replace_title")
	in := readDelegateForm(c, f.Page)
	f.Body = &accreditation.DelegateTransitionInput{
		TransitionInput: accreditation.TransitionInput{Event: f.Event, Version: f.Version},
		Replacement:     &in,
	}
	return nil
}

// delegateEventRefused shows a refused replacement on its form, and any
// other refused delegate event on the request's page.
func (ui *UI) delegateEventRefused(c echo.Context, id string, f *eventPost, err error) error {
	if f.Event == "replace" {
		status := f.Status
		if err != nil {
			if !f.Page.Form.showAccreditationErrors(err, prefixed("del_"), delegateFields...) {
				return err
			}
			status = statusOf(err)
		}
		return ui.renderReplace(c, status, f.Page)
	}
	if err == nil {
		return accord.Invalid("the form is incomplete")
	}
	d, gerr := ui.accreditation.GetDelegate(c.Request().Context(), actorOf(c), id)
	if gerr != nil {
		return err
	}
	p := f.Page
	p.Form.setScope(eventScope(id, f.Event))
	if !p.Form.showAccreditationErrors(err, nil) {
		return err
	}
	return ui.renderRequest(c, statusOf(err), p, d.AccreditationRequestID)
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
