package webui

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
)

type peopleData struct {
	People []auth.Person
	Self   string
}

// organizationPeople lists the accounts of the applicant's organisation,
// with a form to invite a colleague and a button to remove each other one.
func (ui *UI) organizationPeople(c echo.Context) error {
	return ui.renderPeople(c, http.StatusOK, ui.newPage(c, "people.title"))
}

func (ui *UI) renderPeople(c echo.Context, status int, p *Page) error {
	actor := actorOf(c)
	if actor.OrganizationID == "" {
		return redirect(c, "/organization?notice=organization_first")
	}
	people, err := ui.auth.OrganizationPeople(c.Request().Context(), actor, actor.OrganizationID)
	if err != nil {
		return err
	}
	p.Data = peopleData{People: people, Self: actor.UserID}
	return ui.render(c, status, "organization_people", p)
}

// inviteColleague mails a colleague an invitation into the organisation.
func (ui *UI) inviteColleague(c echo.Context) error {
	actor := actorOf(c)
	p := ui.newPage(c, "people.title")
	p.Form.Keep(c, "name", "email")
	_, err := ui.auth.InviteToOrganization(c.Request().Context(), actor, actor.OrganizationID, c.FormValue("email"), c.FormValue("name"))
	if err == nil {
		return redirect(c, "/organization/people?notice=colleague_invited")
	}
	if accord.KindOf(err) == accord.KindNotFound || !p.Form.showErrors(err, "name", "email") {
		return err
	}
	return ui.renderPeople(c, statusOf(err), p)
}

// removeColleague takes an account out of the organisation.
func (ui *UI) removeColleague(c echo.Context) error {
	actor := actorOf(c)
	if err := ui.auth.RemoveFromOrganization(c.Request().Context(), actor, actor.OrganizationID, c.Param("id")); err != nil {
		return err
	}
	return redirect(c, "/organization/people?notice=colleague_removed")
}
