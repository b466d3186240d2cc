package webui

import (
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/country"
	"github.com/accord-coalition/accord/internal/membership"
)

// membershipStates are the states a list of memberships can be filtered by.
var membershipStates = []string{
	membership.MembershipActive, membership.MembershipSuspended, membership.MembershipLapsed,
	membership.MembershipTerminated, membership.MembershipResigned,
}

type membershipsData struct {
	Pager
	States, Regions []Choice
	Items           []membershipItem
}

type membershipItem struct {
	ID, URL, Name, NameEN, CountryName, StateLabel, State string
	Since, RenewalDue                                     time.Time
	Actions                                               []memberAction
}

type membershipData struct {
	Item membershipItem
	// ReconfirmOpens is when the member may next reconfirm its
	// declarations, while it is not yet offered.
	ReconfirmOpens time.Time
	Staff          bool
	Declarations   []string
	Timeline       []memberEvent
}

// membershipsPage lists memberships with the acts the reader may take on
// each: suspension, reinstatement and termination for the secretariat.
// An applicant is sent to its own membership.
func (ui *UI) membershipsPage(c echo.Context) error {
	ctx, actor := c.Request().Context(), actorOf(c)
	if actor.Is(accord.RoleApplicant) {
		to, err := ui.ownMembershipURL(c, actor)
		if err != nil {
			return err
		}
		if to == "" {
			to = "/application"
		}
		return redirect(c, to)
	}
	p := ui.newPage(c, "memberships.title")
	names, err := ui.placeNames(ctx, p.Locale)
	if err != nil {
		return err
	}
	state := c.QueryParam("state")
	if !slices.Contains(membershipStates, state) {
		state = ""
	}
	region := strings.ToUpper(c.QueryParam("region"))
	if !slices.Contains(country.RegionCodes, region) {
		region = ""
	}
	ms, next, err := ui.members.ListMemberships(ctx, actor, membership.MembershipFilter{
		State: state, Region: region, Limit: pageSize, Cursor: c.QueryParam("cursor"),
	})
	if err != nil {
		return err
	}
	d := membershipsData{Pager: newPager(c, next)}
	d.States = []Choice{{Value: "", Label: p.T("queue.all_states"), Selected: state == ""}}
	for _, st := range membershipStates {
		d.States = append(d.States, Choice{Value: st, Label: p.memberStateName(st), Selected: st == state})
	}
	d.Regions = []Choice{{Value: "", Label: p.T("queue.all_regions"), Selected: region == ""}}
	for _, r := range names.regions {
		d.Regions = append(d.Regions, Choice{Value: r.Code, Label: r.Name, Selected: r.Code == region})
	}
	for i := range ms {
		d.Items = append(d.Items, ui.membershipItem(p, &ms[i], names, "m"+ms[i].ID[:8]+"-"))
	}
	p.Data = d
	return ui.render(c, http.StatusOK, "memberships", p)
}

func (ui *UI) membershipItem(p *Page, m *membership.MembershipView, names placeNames, idPrefix string) membershipItem {
	return membershipItem{
		ID: m.ID, URL: "/memberships/" + m.ID, Name: m.OrganizationName, NameEN: m.OrganizationNameEN,
		CountryName: names.country(m.Country), State: m.State, StateLabel: p.memberStateName(m.State),
		Since: m.Since, RenewalDue: m.RenewalDue,
		Actions: memberActions(p, ui.memberMachine(membershipMachine), m.AllowedEvents,
			"/memberships/"+m.ID+"/transitions", m.Version, idPrefix),
	}
}

// membershipPage shows one membership: to its member, with the yearly
// reconfirmation of the declarations and resignation; to staff, with
// their acts and the timeline.
func (ui *UI) membershipPage(c echo.Context) error {
	return ui.showMembership(c, http.StatusOK, ui.newPage(c, "membership.title"), c.Param("id"))
}

func (ui *UI) showMembership(c echo.Context, status int, p *Page, id string) error {
	ctx, actor := c.Request().Context(), actorOf(c)
	m, err := ui.members.GetMembership(ctx, actor, id)
	if err != nil {
		return err
	}
	history, err := ui.members.MembershipHistory(ctx, actor, id)
	if err != nil {
		return err
	}
	names, err := ui.placeNames(ctx, p.Locale)
	if err != nil {
		return err
	}
	d := membershipData{
		Item:         ui.membershipItem(p, m, names, ""),
		Staff:        actor.Staff(),
		Declarations: declarationNames,
		Timeline:     memberTimeline(p, history, actor.UserID),
	}
	if m.State == membership.MembershipActive && !slices.Contains(m.AllowedEvents, "reconfirm") {
		d.ReconfirmOpens = m.RenewalDue.Add(-membership.ReconfirmWindow)
	}
	p.Data = d
	return ui.render(c, status, "membership", p)
}
