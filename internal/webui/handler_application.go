package webui

import (
	"net/http"
	"slices"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/membership"
)

// openApplicationStates are those of an application still on its way: an
// organisation has at most one.
var openApplicationStates = []string{
	membership.AppDraft, membership.AppSubmitted, membership.AppUnderReview,
	membership.AppInfoRequested, membership.AppRejected, membership.AppAppealed,
}

// liveMembershipStates are those of an organisation that is still a
// member, and so may not apply again.
var liveMembershipStates = []string{membership.MembershipActive, membership.MembershipSuspended, membership.MembershipLapsed}

type applicationStartData struct {
	CanApply        bool
	Past            []pastApplication
	MembershipURL   string
	MembershipState string
}

type pastApplication struct {
	URL, StateLabel string
	At              string
}

// myApplication is "My application": the organisation's application on
// its way, or the form that starts one, with those that ended before.
// Without an organisation the applicant is sent to describe it first.
func (ui *UI) myApplication(c echo.Context) error {
	actor := actorOf(c)
	if !actor.Is(accord.RoleApplicant) {
		return accord.Forbidden("only applicants apply")
	}
	if actor.OrganizationID == "" {
		return redirect(c, "/organization?notice=organization_first")
	}
	apps, _, err := ui.members.ListApplications(c.Request().Context(), actor, membership.ApplicationFilter{Limit: 200})
	if err != nil {
		return err
	}
	for _, a := range slices.Backward(apps) {
		if slices.Contains(openApplicationStates, a.State) {
			to := "/applications/" + a.ID
			if n := c.QueryParam("notice"); notices[n] != "" {
				to += "?notice=" + n
			}
			return redirect(c, to)
		}
	}
	return ui.renderApplicationStart(c, http.StatusOK, ui.newPage(c, "app.start_title"), apps)
}

func (ui *UI) renderApplicationStart(c echo.Context, status int, p *Page, apps []membership.ApplicationView) error {
	d := applicationStartData{}
	for _, a := range slices.Backward(apps) {
		d.Past = append(d.Past, pastApplication{URL: "/applications/" + a.ID, StateLabel: p.memberStateName(a.State), At: p.Date(a.CreatedAt)})
	}
	ms, _, err := ui.members.ListMemberships(c.Request().Context(), actorOf(c), membership.MembershipFilter{Limit: 1})
	if err != nil {
		return err
	}
	d.CanApply = true
	if len(ms) > 0 {
		d.MembershipURL, d.MembershipState = "/memberships/"+ms[0].ID, p.memberStateName(ms[0].State)
		// A member does not apply again; one that resigned or was ended may.
		d.CanApply = !slices.Contains(liveMembershipStates, ms[0].State)
		if !d.CanApply {
			// Approved: the page no longer offers to apply, nor says so.
			p.Title = p.T("app.member_title")
		}
	}
	p.Data = d
	return ui.render(c, status, "application_start", p)
}

// startApplication starts the organisation's draft with its motivation.
func (ui *UI) startApplication(c echo.Context) error {
	ctx, actor := c.Request().Context(), actorOf(c)
	p := ui.newPage(c, "app.start_title")
	p.Form.Keep(c, "motivation")
	a, err := ui.members.CreateApplication(ctx, actor, membership.ApplicationInput{
		OrganizationID: actor.OrganizationID, Motivation: c.FormValue("motivation"),
	})
	switch {
	case err == nil:
		return redirect(c, "/applications/"+a.ID+"?notice=application_started")
	case accord.KindOf(err) == accord.KindConflict:
		// Another tab started one, or the organisation is a member already.
		p.Form.FailGeneral("app.start_conflict")
	case !p.Form.showErrors(err, "motivation"):
		return err
	}
	apps, _, lerr := ui.members.ListApplications(ctx, actor, membership.ApplicationFilter{Limit: 200})
	if lerr != nil {
		return lerr
	}
	return ui.renderApplicationStart(c, statusOf(err), p, apps)
}

// saveMotivation changes the motivation of a draft, or of an application
// whose reviewer asked for more.
func (ui *UI) saveMotivation(c echo.Context) error {
	id := c.Param("id")
	p := ui.newPage(c, "app.title")
	p.Form.Keep(c, "motivation")
	version, _ := strconv.Atoi(c.FormValue("version"))
	_, err := ui.members.UpdateApplication(c.Request().Context(), actorOf(c), id, membership.ApplicationPatch{
		Version: version, Motivation: c.FormValue("motivation"),
	})
	switch {
	case err == nil:
		return redirect(c, "/applications/"+id+"?notice=motivation_saved")
	case accord.KindOf(err) == accord.KindConflict:
		p.Form.FailGeneral("app.stale")
		delete(p.Form.values, "motivation") // show the motivation as it now is
	case !p.Form.showErrors(err, "motivation"):
		return err
	}
	return ui.showApplication(c, statusOf(err), p, id, nil)
}
