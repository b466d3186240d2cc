package webui

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/accreditation"
	"github.com/accord-coalition/accord/internal/membership"
)

type newRequestData struct {
	Conf      *accreditation.Conference
	ConfTitle string
	Open      bool
	NoOrg     bool
	Ecosoc    []Choice
}

// newRequestForm asks an NGO why it seeks to attend a conference, and
// with which ECOSOC status; its profile's status is the default.
func (ui *UI) newRequestForm(c echo.Context) error {
	ctx, actor := c.Request().Context(), actorOf(c)
	p := ui.newPage(c, "request.new_title")
	if actor.Is(accord.RoleApplicant) && actor.OrganizationID != "" && ui.members != nil {
		org, err := ui.members.GetOrganization(ctx, actor, actor.OrganizationID)
		if err != nil && accord.KindOf(err) != accord.KindNotFound {
			return err
		}
		if org != nil {
			p.Form.Set("req_ecosoc_status", org.EcosocStatus)
		}
	}
	return ui.renderNewRequest(c, http.StatusOK, p)
}

func (ui *UI) renderNewRequest(c echo.Context, status int, p *Page) error {
	actor := actorOf(c)
	if !actor.Is(accord.RoleApplicant) {
		return accord.Forbidden("only an NGO's staff request accreditation")
	}
	conf, err := ui.accreditation.GetConference(c.Request().Context(), actorOf(c), c.Param("id"))
	if err != nil {
		return err
	}
	picked := ecosocOrNone(p.Form.values["req_ecosoc_status"])
	d := newRequestData{Conf: conf, ConfTitle: conf.LocalTitle(p.Locale), Open: conf.WindowOpen(ui.now()),
		NoOrg: actor.OrganizationID == ""}
	for _, st := range []string{membership.EcosocNone, membership.EcosocSpecial, membership.EcosocGeneral, membership.EcosocRoster} {
		d.Ecosoc = append(d.Ecosoc, Choice{Value: st, Label: p.T("accreditation.ecosoc_" + st), Selected: st == picked})
	}
	p.Title = p.T("request.new_heading", "conference", conf.Code)
	p.Data = d
	return ui.render(c, status, "accreditation_request_new", p)
}

// createRequest starts the NGO's request as a draft, which it then checks
// and submits from the request's page.
func (ui *UI) createRequest(c echo.Context) error {
	p := ui.newPage(c, "request.new_title")
	p.Form.Keep(c, "req_ecosoc_status", "req_motivation")
	r, err := ui.accreditation.CreateRequest(c.Request().Context(), actorOf(c), c.Param("id"), accreditation.CreateRequestInput{
		EcosocStatus: c.FormValue("req_ecosoc_status"), Motivation: c.FormValue("req_motivation"),
	})
	if err == nil {
		return redirect(c, "/accreditation-requests/"+r.ID+"?notice=acc_request_created")
	}
	switch {
	case accord.KindOf(err) == accord.KindConflict:
		p.Form.FailGeneral("err.request_exists")
	case !p.Form.showAccreditationErrors(err, prefixed("req_"), "req_ecosoc_status", "req_motivation"):
		return err
	}
	return ui.renderNewRequest(c, statusOf(err), p)
}
