package webui

import (
	"context"
	"net/http"
	"slices"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/accreditation"
)

// objectionRow is an objection as the pages show it: the State, its
// grounds, the NGO's replies, and what the reader may do with it.
type objectionRow struct {
	accreditation.ObjectionView
	CountryName, StateLabel string
	// Withdraw: the reader's State lodged it and may still withdraw it.
	Withdraw bool
	// Reply: the reader speaks for the NGO, which may still answer it.
	Reply bool
	// Back is the page the withdrawal returns to.
	Back string
}

// repliesOpen are the request states in which the Conference has not
// decided, so the NGO may still answer an objection.
var repliesOpen = []string{accreditation.RequestCirculated, accreditation.RequestObjected, accreditation.RequestReferred}

// objectionRows reads a request's objections as the reader may see them.
func (ui *UI) objectionRows(ctx context.Context, actor accord.Actor, p *Page, r *accreditation.RequestView, names placeNames, back string) ([]objectionRow, error) {
	objections, err := ui.accreditation.ListObjections(ctx, actor, r.ID)
	if err != nil {
		return nil, err
	}
	owner := actor.Is(accord.RoleApplicant) && actor.OrganizationID == r.OrganizationID
	out := make([]objectionRow, 0, len(objections))
	for _, o := range objections {
		out = append(out, objectionRow{
			ObjectionView: o, CountryName: names.country(o.Country),
			StateLabel: p.T("objections.state_" + o.State),
			Withdraw:   slices.Contains(o.AllowedEvents, "withdraw"),
			Reply:      owner && o.State == accreditation.ObjectionLive && slices.Contains(repliesOpen, r.State),
			Back:       back,
		})
	}
	return out, nil
}

type objectionsData struct {
	requestHead
	Objections []objectionRow
}

// objectionsPage shows a request's objections with their grounds and the
// NGO's replies: the NGO answers each here, until the Conference decides.
func (ui *UI) objectionsPage(c echo.Context) error {
	return ui.renderObjections(c, http.StatusOK, ui.newPage(c, "objections.title"), c.Param("id"))
}

func (ui *UI) renderObjections(c echo.Context, status int, p *Page, id string) error {
	return ui.renderRequestPage(c, status, p, id, "accreditation_objections", ui.objectionsContent)
}

// objectionsContent is what the objections page shows below the
// request's head.
func (ui *UI) objectionsContent(ctx context.Context, actor accord.Actor, p *Page, head requestHead, names placeNames) (any, error) {
	rows, err := ui.objectionRows(ctx, actor, p, head.R, names, "objections")
	return objectionsData{requestHead: head, Objections: rows}, err
}

// lodgeObjection records the State party's objection, with its grounds,
// from the circulated list.
func (ui *UI) lodgeObjection(c echo.Context) error {
	ctx, actor, id := c.Request().Context(), actorOf(c), c.Param("id")
	r, err := ui.accreditation.GetRequest(ctx, actor, id)
	if err != nil {
		return err
	}
	_, err = ui.accreditation.LodgeObjection(ctx, actor, id, c.FormValue("grounds"))
	if err == nil {
		return redirect(c, "/conferences/"+r.ConferenceID+"/circulated?notice=acc_objection_lodged#req-"+id)
	}
	p := ui.newPage(c, "circulated.title")
	p.Form.setScope(eventScope(id, "object"))
	p.Form.Keep(c, "grounds")
	switch {
	case accord.KindOf(err) == accord.KindConflict:
		// The request has left the objection period, or the State already
		// stands by an objection to it: said on the list, not as an
		// error page about someone else's change.
		p.Form.FailGeneral("err.objection_closed")
	case !p.Form.showAccreditationErrors(err, nil, "grounds"):
		return err
	}
	return ui.renderCirculated(c, statusOf(err), p, r.ConferenceID)
}

// replyToObjection records the NGO's answer to an objection; the
// objecting State is told.
func (ui *UI) replyToObjection(c echo.Context) error {
	ctx, actor, id := c.Request().Context(), actorOf(c), c.Param("id")
	o, err := ui.accreditation.GetObjection(ctx, actor, id)
	if err != nil {
		return err
	}
	if _, err := ui.accreditation.ReplyToObjection(ctx, actor, id, c.FormValue("text")); err != nil {
		p := ui.newPage(c, "objections.title")
		p.Form.setScope(eventScope(id, "reply"))
		p.Form.Keep(c, "text")
		if !p.Form.showAccreditationErrors(err, nil, "text") {
			return err
		}
		return ui.renderObjections(c, statusOf(err), p, o.AccreditationRequestID)
	}
	return redirect(c, "/accreditation-requests/"+o.AccreditationRequestID+"/objections?notice=acc_reply_sent#objection-"+id)
}
