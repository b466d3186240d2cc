package webui

import (
	"net/http"
	"slices"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/accreditation"
)

type accreditationHomeData struct {
	Role string
	// Applicant: its requests, and the conferences open to requests it
	// has not made.
	Requests []requestRow
	Open     []conferenceLink
	NoOrg    bool
	// Secretariat and States parties: the conferences.
	Conferences []conferenceLink
}

type conferenceLink struct {
	Conf   *accreditation.Conference
	Title  string
	Window string
	// Circulated is how many of its requests were circulated to the
	// reader, a State party.
	Circulated int
}

// accreditationHome is each role's way into accreditation: an NGO's
// requests and the conferences it may ask to attend; the secretariat's
// conferences with their desks; a State party's circulated lists.
func (ui *UI) accreditationHome(c echo.Context) error {
	ctx, actor := c.Request().Context(), actorOf(c)
	p := ui.newPage(c, "accreditation.title")
	d := accreditationHomeData{Role: string(actor.Role)}
	now := ui.now()
	switch {
	case actor.Is(accord.RoleApplicant):
		d.NoOrg = actor.OrganizationID == ""
		if d.NoOrg {
			break
		}
		views, _, err := ui.accreditation.ListRequests(ctx, actor, accreditation.RequestFilter{Limit: 200})
		if err != nil {
			return err
		}
		if d.Requests, err = ui.requestRows(c, p, views, backRequest); err != nil {
			return err
		}
		confs, _, err := ui.accreditation.ListConferences(ctx, actorOf(c), pageSize, "")
		if err != nil {
			return err
		}
		for i := range confs {
			cf := &confs[i]
			asked := slices.ContainsFunc(views, func(v accreditation.RequestView) bool {
				return v.ConferenceID == cf.ID && !slices.Contains(finalRequestStates, v.State)
			})
			if cf.WindowOpen(now) && !asked {
				d.Open = append(d.Open, conferenceLink{Conf: cf, Title: cf.LocalTitle(p.Locale), Window: "open"})
			}
		}
	case actor.Is(accord.RoleSecretariat):
		confs, _, err := ui.accreditation.ListConferences(ctx, actorOf(c), 200, "")
		if err != nil {
			return err
		}
		for i := range confs {
			cf := &confs[i]
			d.Conferences = append(d.Conferences, conferenceLink{Conf: cf, Title: cf.LocalTitle(p.Locale), Window: windowState(cf, now)})
		}
	case actor.Is(accord.RoleStateParty):
		views, _, err := ui.accreditation.ListRequests(ctx, actor, accreditation.RequestFilter{Limit: 200})
		if err != nil {
			return err
		}
		counts := map[string]int{}
		var ids []string
		for _, v := range views {
			if counts[v.ConferenceID] == 0 {
				ids = append(ids, v.ConferenceID)
			}
			counts[v.ConferenceID]++
		}
		confs, err := ui.conferencesByID(ctx, actorOf(c), ids)
		if err != nil {
			return err
		}
		for _, id := range ids {
			cf := confs[id]
			d.Conferences = append(d.Conferences, conferenceLink{Conf: cf, Title: cf.LocalTitle(p.Locale),
				Window: windowState(cf, now), Circulated: counts[id]})
		}
	default:
		return accord.Forbidden("accreditation is the business of NGOs, the secretariat and States parties")
	}
	p.Data = d
	return ui.render(c, http.StatusOK, "accreditation_home", p)
}
