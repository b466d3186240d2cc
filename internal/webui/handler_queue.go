package webui

import (
	"net/http"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/country"
	"github.com/accord-coalition/accord/internal/membership"
)

// queueStates are the states the queue can be filtered by, in the order
// an application passes them.
var queueStates = []string{
	membership.AppSubmitted, membership.AppUnderReview, membership.AppInfoRequested,
	membership.AppRejected, membership.AppAppealed, membership.AppApproved,
	membership.AppRejectedFinal, membership.AppWithdrawn, membership.AppExpired,
}

type queueData struct {
	Pager
	Q                          string
	States, Regions, Countries []Choice
	AllRegions                 bool
	Items                      []queueItem
}

type queueItem struct {
	URL, Name, NameEN, CountryName, RegionName, StateLabel, State string
	AgeDays, Duplicates                                           int
	Mine                                                          bool
}

// reviewQueue is the queue of applications: a coordinator's regions, all
// of them for the secretariat, oldest first, with how long each has
// waited and a warning where the organisation may be registered twice.
func (ui *UI) reviewQueue(c echo.Context) error {
	ctx, actor := c.Request().Context(), actorOf(c)
	if !actor.Is(accord.RoleCoordinator, accord.RoleSecretariat) {
		return accord.Forbidden("the review queue is for coordinators and the secretariat")
	}
	p := ui.newPage(c, "queue.title")
	names, err := ui.placeNames(ctx, p.Locale)
	if err != nil {
		return err
	}
	// A coordinator picks among its own regions; the secretariat among all.
	regions := country.RegionCodes
	if actor.Is(accord.RoleCoordinator) {
		regions = actor.Regions
	}
	state := c.QueryParam("state")
	if !slices.Contains(queueStates, state) {
		state = ""
	}
	region := strings.ToUpper(c.QueryParam("region"))
	if !slices.Contains(regions, region) {
		region = ""
	}
	code := country.NormalizeCode(c.QueryParam("country"))
	d := queueData{Q: strings.TrimSpace(c.QueryParam("q")), AllRegions: actor.Is(accord.RoleSecretariat)}

	d.States = []Choice{{Value: "", Label: p.T("queue.all_states"), Selected: state == ""}}
	for _, st := range queueStates {
		d.States = append(d.States, Choice{Value: st, Label: p.memberStateName(st), Selected: st == state})
	}
	d.Regions = []Choice{{Value: "", Label: p.T("queue.all_regions"), Selected: region == ""}}
	for _, r := range names.regions {
		if slices.Contains(regions, r.Code) {
			d.Regions = append(d.Regions, Choice{Value: r.Code, Label: r.Name, Selected: r.Code == region})
		}
	}
	all, err := ui.countryChoices(ctx, p, code, "queue.all_countries")
	if err != nil {
		return err
	}
	inRegions, err := ui.countriesIn(c, regions)
	if err != nil {
		return err
	}
	for _, ch := range all {
		if ch.Value == "" || inRegions[ch.Value] {
			d.Countries = append(d.Countries, ch)
		}
	}

	apps, next, err := ui.members.ListApplications(ctx, actor, membership.ApplicationFilter{
		State: state, Region: region, Country: code, Q: d.Q, Limit: pageSize, Cursor: c.QueryParam("cursor"),
	})
	if err != nil {
		return err
	}
	for _, a := range apps {
		d.Items = append(d.Items, queueItem{
			URL: "/applications/" + a.ID, Name: a.OrganizationName, NameEN: a.OrganizationNameEN,
			CountryName: names.country(a.Country), RegionName: names.region(a.Region),
			State: a.State, StateLabel: p.memberStateName(a.State), AgeDays: a.AgeDays,
			Duplicates: len(a.PossibleDuplicates),
			Mine:       a.ReviewerID != nil && *a.ReviewerID == actor.UserID,
		})
	}
	d.Pager = newPager(c, next)
	p.Data = d
	return ui.render(c, http.StatusOK, "queue", p)
}

// countriesIn is the set of the countries of regions.
func (ui *UI) countriesIn(c echo.Context, regions []string) (map[string]bool, error) {
	cs, err := country.List(c.Request().Context(), ui.db)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, ct := range cs {
		if slices.Contains(regions, ct.Region) {
			out[ct.Code] = true
		}
	}
	return out, nil
}
