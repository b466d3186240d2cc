package webui

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/membership"
)

type organizationData struct {
	Exists       bool
	Version      int
	RegionName   string
	Countries    []Choice
	Ecosoc       []Choice
	Chapters     []Choice
	Declarations []string
}

// organizationPage is "My organisation": the applicant's profile, to
// create or change. Staff see organisations on the review pages.
func (ui *UI) organizationPage(c echo.Context) error {
	actor := actorOf(c)
	if !actor.Is(accord.RoleApplicant) {
		return accord.Forbidden("only applicants have an organisation page")
	}
	p := ui.newPage(c, "org.title")
	var org *membership.OrganizationView
	if actor.OrganizationID != "" {
		var err error
		if org, err = ui.members.GetOrganization(c.Request().Context(), actor, actor.OrganizationID); err != nil {
			return err
		}
		fillOrgForm(p, &org.Organization)
	}
	return ui.renderOrganization(c, http.StatusOK, p, org)
}

// saveOrganization creates the applicant's organisation, or saves its
// profile at the version the form was read at.
func (ui *UI) saveOrganization(c echo.Context) error {
	ctx, actor := c.Request().Context(), actorOf(c)
	if !actor.Is(accord.RoleApplicant) {
		return accord.Forbidden("only applicants have an organisation page")
	}
	p := ui.newPage(c, "org.title")
	f := readOrgForm(c, p)
	var err error
	if p.Form.HasErrors() {
		return ui.renderOrgForm(c, p, actor)
	}
	created := actor.OrganizationID == ""
	if created {
		_, err = ui.members.CreateOrganization(ctx, actor, f.input())
	} else {
		version, _ := strconv.Atoi(c.FormValue("version"))
		_, err = ui.members.UpdateOrganization(ctx, actor, actor.OrganizationID, f.patch(version))
	}
	switch {
	case err == nil:
		if created {
			return redirect(c, "/application?notice=organization_created")
		}
		return redirect(c, "/organization?notice=organization_saved")
	case accord.KindOf(err) == accord.KindConflict && !created:
		// Someone else saved the profile meanwhile: show theirs, and say so,
		// rather than overwrite it with this older form.
		p = ui.newPage(c, "org.title")
		org, err := ui.members.GetOrganization(ctx, actor, actor.OrganizationID)
		if err != nil {
			return err
		}
		fillOrgForm(p, &org.Organization)
		p.Form.FailGeneral("org.stale")
		return ui.renderOrganization(c, http.StatusConflict, p, org)
	case p.Form.showErrorsAs(err, orgPrefix, orgFormFields...):
		return ui.renderOrgForm(c, p, actor)
	}
	return err
}

// renderOrgForm shows the posted form again with its errors, over the
// saved profile if there is one.
func (ui *UI) renderOrgForm(c echo.Context, p *Page, actor accord.Actor) error {
	var org *membership.OrganizationView
	if actor.OrganizationID != "" {
		var err error
		if org, err = ui.members.GetOrganization(c.Request().Context(), actor, actor.OrganizationID); err != nil {
			return err
		}
		// The version stays the one the form was read at: a stale form
		// must still be told so when it is corrected and sent again.
		if v, err := strconv.Atoi(c.FormValue("version")); err == nil {
			org.Version = v
		}
	}
	return ui.renderOrganization(c, http.StatusUnprocessableEntity, p, org)
}

func (ui *UI) renderOrganization(c echo.Context, status int, p *Page, org *membership.OrganizationView) error {
	ctx := c.Request().Context()
	countries, err := ui.countryChoices(ctx, p, p.Form.values[orgPrefix+"country"], "org.choose_country")
	if err != nil {
		return err
	}
	d := organizationData{
		Countries:    countries,
		Ecosoc:       ecosocChoices(p, p.Form.values[orgPrefix+"ecosoc_status"]),
		Chapters:     chapterChoices(p, p.Form.values[orgPrefix+"uncac_chapters"]),
		Declarations: declarationNames,
	}
	if org != nil {
		d.Exists, d.Version = true, org.Version
		names, err := ui.placeNames(ctx, p.Locale)
		if err != nil {
			return err
		}
		d.RegionName = names.region(org.Region)
	}
	p.Data = d
	return ui.render(c, status, "organization", p)
}
