package webui

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accreditation"
	"github.com/accord-coalition/accord/internal/membership"
)

// The secretariat's desk (docs/api.md, The secretariat's desk): a
// conference's requests and participants as lists with filters, search
// and counts, each row linked to its record, and bulk actions on the rows
// ticked — chosen, then confirmed on a page that lists what will happen,
// then fired item by item.

// deskRequestStates are the states a conference's requests are filtered
// on, in the order of the machine.
var deskRequestStates = []string{accreditation.RequestSubmitted, accreditation.RequestChangesRequested,
	accreditation.RequestScreened, accreditation.RequestCirculated, accreditation.RequestObjected,
	accreditation.RequestReferred, accreditation.RequestAccredited, accreditation.RequestDenied,
	accreditation.RequestIneligible, accreditation.RequestWithdrawn, accreditation.RequestRevoked}

var deskDelegateStates = []string{accreditation.DelegateNominated, accreditation.DelegateConfirmed,
	accreditation.DelegateBadgeIssued, accreditation.DelegateCheckedIn, accreditation.DelegateReplaced,
	accreditation.DelegateCancelled}

// deskRequestEvents and deskDelegateEvents are what the lists fire in
// bulk: the steps forward that need no comment. Refusals and anything
// with a reason stay one at a time, on the record's page.
var (
	deskRequestEvents  = []string{"clear", "admit_ecosoc"}
	deskDelegateEvents = []string{"confirm", "issue_badge"}
)

// deskPageSize is longer than other lists': the desk's rows are ticked
// for bulk actions, and a page is what one action can take.
const deskPageSize = 100

// deskList is what the two list pages share.
type deskList struct {
	Pager
	Conf      *accreditation.Conference
	ConfTitle string
	Q         string
	States    deskSelect
	Sorts     deskSelect
	Events    []Choice
	Total     int64
	// Action is where the bulk form posts; Back is this page, with its
	// filters, for the way back from the confirmation.
	Action, Back string
	// URL is the list's address and Other the other list's; Heading,
	// OtherLink, CountKey and Empty are the list's words (desk_list).
	URL, Other                          string
	Heading, OtherLink, CountKey, Empty string
}

// newDeskList starts the page of a conference's desk list, "requests" or
// "participants" (list), the other being other: its filters' common part
// and the bulk form's addresses.
func newDeskList(c echo.Context, p *Page, conf *accreditation.Conference, list, other, next, q string, sorts deskSelect, events []Choice) deskList {
	base := "/conferences/" + conf.Code + "/"
	return deskList{Pager: newPager(c, next), Conf: conf, ConfTitle: conf.LocalTitle(p.Locale),
		Q: q, Sorts: sorts, Events: events,
		Action: base + list + "/bulk", Back: c.Request().URL.RequestURI(),
		URL: base + list, Other: base + other,
		Heading: p.T("desk." + list + "_title"), OtherLink: p.T("desk." + other + "_link"),
		CountKey: "desk." + list + "_count", Empty: p.T("desk." + list + "_empty")}
}

// deskSelect is one select of a list's filters.
type deskSelect struct {
	Name, Label string
	Choices     []Choice
}

type deskRequestsData struct {
	deskList
	Regions deskSelect
	Ecosoc  deskSelect
	Country string
	Rows    []deskRequestRow
	// Daily is the officer's choice of one digest a day.
	Daily bool
}

type deskRequestRow struct {
	ID, URL                   string
	Version                   int
	Name, NameEN, Acronym     string
	CountryName, RegionName   string
	Ecosoc, State, StateLabel string
	SubmittedAt               *time.Time
}

type deskParticipantsData struct {
	deskList
	Visa    deskSelect
	OrgID   string
	OrgName string
	Rows    []deskDelegateRow
}

type deskDelegateRow struct {
	ID, URL, OrgURL         string
	Version                 int
	Title, Name, NameOrig   string
	OrgName, OrgNameEN      string
	State, StateLabel, Hint string
	NeedsVisaLetter         bool
}

// deskConference reads the conference of the address (by code or id) for
// the secretariat.
func (ui *UI) deskConference(c echo.Context, p *Page) (*accreditation.Conference, error) {
	if err := requireSecretariat(c); err != nil {
		return nil, err
	}
	conf, err := ui.accreditation.GetConference(c.Request().Context(), actorOf(c), c.Param("id"))
	if err != nil {
		return nil, err
	}
	return conf, nil
}

// stateChoices offers every state with its count, "all" first.
func stateChoices(p *Page, states []string, prefix, current string, counts accreditation.DeskCounts) (deskSelect, int64) {
	var total int64
	for _, n := range counts {
		total += n
	}
	out := []Choice{{Value: "", Label: p.T("desk.all_states", "count", p.Number(int(total))), Selected: current == ""}}
	for _, st := range states {
		out = append(out, Choice{Value: st, Selected: st == current,
			Label: p.T("desk.state_count", "state", p.T(prefix+st), "count", p.Number(int(counts[st])))})
	}
	return deskSelect{Name: "state", Label: p.T("desk.state"), Choices: out}, total
}

func sortChoices(p *Page, current, def string) deskSelect {
	if current == "" {
		current = def
	}
	var out []Choice
	for _, s := range []string{accreditation.SortName, accreditation.SortNewest, accreditation.SortOldest} {
		out = append(out, Choice{Value: s, Label: p.T("desk.sort_" + s), Selected: s == current})
	}
	return deskSelect{Name: "sort", Label: p.T("desk.sort"), Choices: out}
}

func eventChoices(p *Page, events []string) []Choice {
	out := make([]Choice, 0, len(events))
	for _, ev := range events {
		out = append(out, Choice{Value: ev, Label: p.T("accreditation.do_" + ev)})
	}
	return out
}

// deskRequests is the list of a conference's requests.
func (ui *UI) deskRequests(c echo.Context) error {
	p := ui.newPage(c, "desk.requests_title")
	conf, err := ui.deskConference(c, p)
	if err != nil {
		return err
	}
	ctx, actor, q := c.Request().Context(), actorOf(c), c.QueryParams()
	f := accreditation.DeskRequestFilter{
		State: q.Get("state"), Region: q.Get("region"), Country: q.Get("country"), EcosocStatus: q.Get("ecosoc_status"),
		Q: q.Get("q"), Sort: q.Get("sort"), Limit: deskPageSize, Cursor: q.Get("cursor"),
	}
	items, next, counts, err := ui.accreditation.DeskRequests(ctx, actor, conf.ID, f)
	if err != nil {
		return err
	}
	names, err := ui.placeNames(ctx, p.Locale)
	if err != nil {
		return err
	}
	d := deskRequestsData{deskList: newDeskList(c, p, conf, "requests", "participants", next, f.Q,
		sortChoices(p, f.Sort, accreditation.SortNewest), eventChoices(p, deskRequestEvents)), Country: strings.ToUpper(f.Country)}
	d.States, d.Total = stateChoices(p, deskRequestStates, "accreditation.state_", f.State, counts)
	d.Regions = deskSelect{Name: "region", Label: p.T("directory.region"),
		Choices: []Choice{{Value: "", Label: p.T("directory.all_regions"), Selected: f.Region == ""}}}
	for _, r := range names.regions {
		d.Regions.Choices = append(d.Regions.Choices, Choice{Value: r.Code, Label: r.Name, Selected: strings.EqualFold(r.Code, f.Region)})
	}
	d.Ecosoc = deskSelect{Name: "ecosoc_status", Label: p.T("desk.ecosoc"),
		Choices: []Choice{{Value: "", Label: p.T("desk.all_ecosoc"), Selected: f.EcosocStatus == ""}}}
	for _, e := range []string{membership.EcosocNone, membership.EcosocSpecial, membership.EcosocGeneral, membership.EcosocRoster} {
		d.Ecosoc.Choices = append(d.Ecosoc.Choices, Choice{Value: e, Label: p.T("accreditation.ecosoc_" + e), Selected: e == f.EcosocStatus})
	}
	for _, it := range items {
		d.Rows = append(d.Rows, deskRequestRow{
			ID: it.ID, URL: "/accreditation-requests/" + it.ID, Version: it.Version,
			Name: it.Organization.Name, NameEN: otherName(it.Organization.Name, it.Organization.NameEN),
			Acronym: it.Organization.Acronym, CountryName: names.country(it.Organization.Country),
			RegionName: names.region(it.Organization.Region), Ecosoc: p.T("accreditation.ecosoc_" + ecosocOrNone(it.EcosocStatus)),
			State: it.State, StateLabel: p.T("accreditation.state_" + it.State), SubmittedAt: it.SubmittedAt,
		})
	}
	digest, err := ui.accreditation.DeskDigestOf(ctx, actor)
	if err != nil {
		return err
	}
	d.Daily = digest.Daily
	p.Title = p.T("desk.requests_title") + " — " + conf.Code
	p.Data = d
	return ui.render(c, http.StatusOK, "accreditation_desk_requests", p)
}

// deskParticipants is the list of a conference's participants.
func (ui *UI) deskParticipants(c echo.Context) error {
	p := ui.newPage(c, "desk.participants_title")
	conf, err := ui.deskConference(c, p)
	if err != nil {
		return err
	}
	ctx, actor, q := c.Request().Context(), actorOf(c), c.QueryParams()
	f := accreditation.DeskDelegateFilter{
		State: q.Get("state"), Q: q.Get("q"), OrganizationID: q.Get("organization_id"),
		NeedsVisaLetter: q.Get("needs_visa_letter"), Sort: q.Get("sort"), Limit: deskPageSize, Cursor: q.Get("cursor"),
	}
	items, next, counts, err := ui.accreditation.DeskDelegates(ctx, actor, conf.ID, f)
	if err != nil {
		return err
	}
	d := deskParticipantsData{deskList: newDeskList(c, p, conf, "participants", "requests", next, f.Q,
		sortChoices(p, f.Sort, accreditation.SortName), eventChoices(p, deskDelegateEvents)), OrgID: f.OrganizationID}
	d.States, d.Total = stateChoices(p, deskDelegateStates, "delegates.state_", f.State, counts)
	d.Visa = deskSelect{Name: "needs_visa_letter", Label: p.T("delegates.visa_letter")}
	for _, v := range []string{"", "true", "false"} {
		d.Visa.Choices = append(d.Visa.Choices, Choice{Value: v, Label: p.T("desk.visa_" + map[string]string{"": "any", "true": "yes", "false": "no"}[v]),
			Selected: v == f.NeedsVisaLetter})
	}
	for _, it := range items {
		orgQuery := url.Values{"organization_id": {it.Organization.ID}}
		row := deskDelegateRow{
			ID: it.ID, URL: "/accreditation-requests/" + it.AccreditationRequestID + "#delegate-" + it.ID, Version: it.Version,
			OrgURL: "/conferences/" + conf.Code + "/participants?" + orgQuery.Encode(),
			Title:  it.Title, Name: strings.TrimSpace(it.GivenName + " " + it.FamilyName),
			NameOrig: strings.TrimSpace(it.GivenNameOriginal + " " + it.FamilyNameOriginal),
			OrgName:  it.Organization.Name, OrgNameEN: otherName(it.Organization.Name, it.Organization.NameEN),
			State: it.State, StateLabel: p.T("delegates.state_" + it.State), Hint: it.PassportHint,
			NeedsVisaLetter: it.NeedsVisaLetter,
		}
		if it.Organization.ID == f.OrganizationID {
			d.OrgName = it.Organization.Name
		}
		d.Rows = append(d.Rows, row)
	}
	p.Title = p.T("desk.participants_title") + " — " + conf.Code
	p.Data = d
	return ui.render(c, http.StatusOK, "accreditation_desk_participants", p)
}

// saveDeskDigest records the officer's choice of messages and returns to
// the list the form was on.
func (ui *UI) saveDeskDigest(c echo.Context) error {
	if err := requireSecretariat(c); err != nil {
		return err
	}
	if _, err := ui.accreditation.SetDeskDigest(c.Request().Context(), actorOf(c), c.FormValue("digest") == "daily"); err != nil {
		return err
	}
	back := c.FormValue("back")
	if !strings.HasPrefix(back, "/conferences/") || strings.ContainsAny(back, "?#") {
		back = "/accreditation"
	}
	return redirect(c, back+"?notice=desk_digest_saved")
}
