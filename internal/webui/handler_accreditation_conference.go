package webui

import (
	"net/http"
	"slices"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/accreditation"
)

type conferencePageData struct {
	Conf       *accreditation.Conference
	Title      string
	Window     string // upcoming, open or closed
	Accredited []accreditedView
	// Request is the applicant's own request to this conference, if any;
	// CanRequest says whether it may start one now.
	Request    *accreditation.RequestView
	RequestLbl string
	CanRequest bool
	NoOrg      bool
	Staff      bool // the secretariat's links
	State      bool // a State party's link to the circulated list
}

// finalRequestStates are the outcomes after which an organisation may
// ask again.
var finalRequestStates = []string{accreditation.RequestIneligible, accreditation.RequestDenied,
	accreditation.RequestWithdrawn, accreditation.RequestRevoked}

// conferencePage is one conference for anyone: its dates, venue,
// accreditation window and accredited organisations, with the reader's
// way in — the applicant's request, the secretariat's desks, the State
// party's circulated list.
func (ui *UI) conferencePage(c echo.Context) error {
	ctx, actor := c.Request().Context(), actorOf(c)
	p := ui.newPage(c, "conference.title")
	conf, err := ui.accreditation.GetConference(ctx, actorOf(c), c.Param("id"))
	if err != nil {
		return err
	}
	accredited, err := ui.accreditation.AccreditedOrganizations(ctx, actorOf(c), []string{conf.ID})
	if err != nil {
		return err
	}
	names, err := ui.placeNames(ctx, p.Locale)
	if err != nil {
		return err
	}
	d := conferencePageData{
		Conf: conf, Title: conf.LocalTitle(p.Locale), Window: windowState(conf, ui.now()),
		Staff: actor.Is(accord.RoleSecretariat), State: actor.Is(accord.RoleStateParty),
	}
	for _, o := range accredited[conf.ID] {
		d.Accredited = append(d.Accredited, accreditedView{Name: o.Name, NameEN: otherName(o.Name, o.NameEN),
			Acronym: o.Acronym, CountryName: names.country(o.Country)})
	}
	if actor.Is(accord.RoleApplicant) {
		d.NoOrg = actor.OrganizationID == ""
		if !d.NoOrg {
			mine, _, err := ui.accreditation.ListRequests(ctx, actor, accreditation.RequestFilter{ConferenceID: conf.ID, Limit: 1})
			if err != nil {
				return err
			}
			if len(mine) > 0 {
				d.Request = &mine[0]
				d.RequestLbl = p.T("accreditation.state_" + mine[0].State)
			}
			d.CanRequest = d.Window == "open" && (d.Request == nil || slices.Contains(finalRequestStates, d.Request.State))
		}
	}
	p.Title = d.Title
	p.Data = d
	return ui.render(c, http.StatusOK, "accreditation_conference", p)
}
