package webui

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/accreditation"
)

type screeningData struct {
	Pager
	Conference  string // the conference filtered on, by code; "" for all
	Conferences []Choice
	Rows        []requestRow
}

// requestRow is a request in a list of the secretariat's, with its
// organisation, its conference and the forms of its events.
type requestRow struct {
	accreditation.RequestView
	Org           orgView
	Conf          *accreditation.Conference
	ConfTitle     string
	StateLabel    string
	EcosocClaimed string
	Events        []eventForm
	Decision      *decisionForm
}

// requireSecretariat refuses the desks of the secretariat to anyone else;
// the services refuse their actions too.
func requireSecretariat(c echo.Context) error {
	if !actorOf(c).Is(accord.RoleSecretariat) {
		return accord.Forbidden("only the secretariat works at this desk")
	}
	return nil
}

// screeningDesk lists the submitted requests, oldest concerns first, each
// with the secretariat's four answers: clear for circulation, admit for
// ECOSOC status, ask for changes, reject as ineligible.
func (ui *UI) screeningDesk(c echo.Context) error {
	return ui.renderScreening(c, http.StatusOK, ui.newPage(c, "screening.title"))
}

func (ui *UI) renderScreening(c echo.Context, status int, p *Page) error {
	if err := requireSecretariat(c); err != nil {
		return err
	}
	ctx, actor := c.Request().Context(), actorOf(c)
	f := accreditation.RequestFilter{State: accreditation.RequestSubmitted, Limit: pageSize, Cursor: c.QueryParam("cursor")}
	d := screeningData{}
	if code := c.QueryParam("conference"); code != "" {
		conf, err := ui.accreditation.GetConference(ctx, actorOf(c), code)
		if err != nil {
			return err
		}
		f.ConferenceID, d.Conference = conf.ID, conf.Code
	}
	confs, _, err := ui.accreditation.ListConferences(ctx, actorOf(c), pageSize, "")
	if err != nil {
		return err
	}
	d.Conferences = append(d.Conferences, Choice{Value: "", Label: p.T("screening.all_conferences"), Selected: d.Conference == ""})
	for _, cf := range confs {
		d.Conferences = append(d.Conferences, Choice{Value: cf.Code, Label: cf.Code + " — " + cf.LocalTitle(p.Locale), Selected: cf.Code == d.Conference})
	}
	views, next, err := ui.accreditation.ListRequests(ctx, actor, f)
	if err != nil {
		return err
	}
	if d.Rows, err = ui.requestRows(c, p, views, backScreening); err != nil {
		return err
	}
	d.Pager = newPager(c, next)
	p.Data = d
	return ui.render(c, status, "accreditation_screening", p)
}

// requestRows dresses requests for a list of the secretariat's.
func (ui *UI) requestRows(c echo.Context, p *Page, views []accreditation.RequestView, back string) ([]requestRow, error) {
	ctx, actor := c.Request().Context(), actorOf(c)
	names, err := ui.placeNames(ctx, p.Locale)
	if err != nil {
		return nil, err
	}
	orgIDs, confIDs := make([]string, len(views)), make([]string, len(views))
	for i, v := range views {
		orgIDs[i], confIDs[i] = v.OrganizationID, v.ConferenceID
	}
	orgs, err := ui.organizations(ctx, actor, orgIDs, names, p)
	if err != nil {
		return nil, err
	}
	confs, err := ui.conferencesByID(ctx, actor, confIDs)
	if err != nil {
		return nil, err
	}
	rows := make([]requestRow, 0, len(views))
	for i := range views {
		v := &views[i]
		org, ok := orgs[v.OrganizationID]
		if !ok {
			org = orgView{ID: v.OrganizationID}
		}
		row := requestRow{
			RequestView: *v, Org: org, Conf: confs[v.ConferenceID], ConfTitle: confs[v.ConferenceID].LocalTitle(p.Locale),
			StateLabel:    p.T("accreditation.state_" + v.State),
			EcosocClaimed: p.T("accreditation.ecosoc_" + ecosocOrNone(v.EcosocStatus)),
		}
		row.Events, row.Decision = requestForms(v, back)
		rows = append(rows, row)
	}
	return rows, nil
}
