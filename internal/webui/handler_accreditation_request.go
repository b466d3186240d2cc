package webui

import (
	"context"
	"net/http"
	"slices"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/accreditation"
)

// requestHead is what each page about one request shows at its top: the
// request, its conference and the organisation behind it.
type requestHead struct {
	R          *accreditation.RequestView
	Conf       *accreditation.Conference
	ConfTitle  string
	Org        orgView
	StateLabel string
}

// readRequestHead reads the request id with its conference and
// organisation as the reader may see them; the place names it read in
// the reader's language come back for the rest of the page.
func (ui *UI) readRequestHead(ctx context.Context, actor accord.Actor, p *Page, id string) (requestHead, placeNames, error) {
	r, err := ui.accreditation.GetRequest(ctx, actor, id)
	if err != nil {
		return requestHead{}, placeNames{}, err
	}
	conf, err := ui.accreditation.GetConference(ctx, actor, r.ConferenceID)
	if err != nil {
		return requestHead{}, placeNames{}, err
	}
	names, err := ui.placeNames(ctx, p.Locale)
	if err != nil {
		return requestHead{}, placeNames{}, err
	}
	org, err := ui.requestOrganization(ctx, actor, r, names, p)
	if err != nil {
		return requestHead{}, placeNames{}, err
	}
	return requestHead{R: r, Conf: conf, ConfTitle: conf.LocalTitle(p.Locale), Org: org,
		StateLabel: p.T("accreditation.state_" + r.State)}, names, nil
}

type requestData struct {
	requestHead
	StateHelp     string
	EcosocClaimed string
	Events        []eventForm
	Decision      *decisionForm
	Objections    int
	Owner         bool
	SeesDelegates bool
	Delegates     []delegateRow
	Live, Max     int
	// Nominating says whether the organisation may nominate now; Full,
	// that it may not because every place is taken.
	Nominating, Full bool
	Nomination       *nominationChoices
	History          []historyRow
}

// nominableStates are the request states in which the page offers the
// nomination form: from submission on, until an outcome shuts the
// organisation out. The service decides; this only spares a form that
// could not succeed.
var nominableStates = []string{accreditation.RequestSubmitted, accreditation.RequestChangesRequested,
	accreditation.RequestScreened, accreditation.RequestCirculated, accreditation.RequestObjected,
	accreditation.RequestReferred, accreditation.RequestAccredited}

// liveDelegate are the delegate states that hold one of the
// organisation's places.
var liveDelegate = []string{accreditation.DelegateNominated, accreditation.DelegateConfirmed,
	accreditation.DelegateBadgeIssued, accreditation.DelegateCheckedIn}

// requestPage is an accreditation request as the reader sees it: the NGO
// its request, the events it may fire, its delegates and badges; the
// secretariat the same with its own events; a State party what it was
// consulted on.
func (ui *UI) requestPage(c echo.Context) error {
	return ui.renderRequest(c, http.StatusOK, ui.newPage(c, "request.title"), c.Param("id"))
}

func (ui *UI) renderRequest(c echo.Context, status int, p *Page, id string) error {
	return ui.renderRequestPage(c, status, p, id, "accreditation_request", ui.requestContent)
}

// requestPageContent makes what one of the pages about a request shows
// below the head they share.
type requestPageContent func(ctx context.Context, actor accord.Actor, p *Page, head requestHead, names placeNames) (any, error)

// renderRequestPage renders page, one of the pages about request id: it
// reads their head, and content the rest of what the page shows.
func (ui *UI) renderRequestPage(c echo.Context, status int, p *Page, id, page string, content requestPageContent) error {
	ctx, actor := c.Request().Context(), actorOf(c)
	head, names, err := ui.readRequestHead(ctx, actor, p, id)
	if err != nil {
		return err
	}
	d, err := content(ctx, actor, p, head, names)
	if err != nil {
		return err
	}
	p.Data = d
	return ui.render(c, status, page, p)
}

// requestContent is what the request's own page shows below its head; it
// titles the page after the conference.
func (ui *UI) requestContent(ctx context.Context, actor accord.Actor, p *Page, head requestHead, names placeNames) (any, error) {
	r, conf := head.R, head.Conf
	d := requestData{
		requestHead:   head,
		StateHelp:     p.T("accreditation.help_" + r.State),
		EcosocClaimed: p.T("accreditation.ecosoc_" + ecosocOrNone(r.EcosocStatus)),
		Owner:         actor.Is(accord.RoleApplicant) && actor.OrganizationID == r.OrganizationID,
		SeesDelegates: actor.Is(accord.RoleApplicant, accord.RoleSecretariat),
		Max:           conf.MaxDelegates,
	}
	d.Events, d.Decision = requestForms(r, "request")
	objections, err := ui.accreditation.ListObjections(ctx, actor, r.ID)
	if err != nil {
		return nil, err
	}
	d.Objections = len(objections)
	if d.SeesDelegates {
		if err := ui.fillDelegates(ctx, actor, p, names, &d); err != nil {
			return nil, err
		}
	}
	history, err := ui.accreditation.RequestHistory(ctx, actor, r.ID)
	if err != nil {
		return nil, err
	}
	d.History = historyRows(p, history)
	p.Title = p.T("request.heading", "conference", conf.Code)
	return d, nil
}

// requestOrganization is the organisation behind a request as the reader
// may see it: its profile for the secretariat and the NGO, what the
// circulated list shows for a State party.
func (ui *UI) requestOrganization(ctx context.Context, actor accord.Actor, r *accreditation.RequestView, names placeNames, p *Page) (orgView, error) {
	if actor.Is(accord.RoleStateParty) {
		list, err := ui.accreditation.CirculatedList(ctx, actor, r.ConferenceID)
		if err != nil {
			return orgView{}, err
		}
		for _, item := range list {
			if item.ID == r.ID {
				return listedView(item.Organization, names, p), nil
			}
		}
		return orgView{ID: r.OrganizationID}, nil
	}
	orgs, err := ui.organizations(ctx, actor, []string{r.OrganizationID}, names, p)
	if err != nil {
		return orgView{}, err
	}
	if o, ok := orgs[r.OrganizationID]; ok {
		return o, nil
	}
	return orgView{ID: r.OrganizationID}, nil
}

// fillDelegates adds the request's delegates, their badges and visa
// letters and, for the NGO while it may nominate, the nomination form.
func (ui *UI) fillDelegates(ctx context.Context, actor accord.Actor, p *Page, names placeNames, d *requestData) error {
	delegates, err := ui.accreditation.ListDelegates(ctx, actor, d.R.ID)
	if err != nil {
		return err
	}
	for i := range delegates {
		row, err := ui.delegateRow(ctx, actor, p, &delegates[i], names, d.Owner)
		if err != nil {
			return err
		}
		if slices.Contains(liveDelegate, row.State) {
			d.Live++
		}
		d.Delegates = append(d.Delegates, row)
	}
	if err := ui.addVisaLetters(ctx, actor, p, d); err != nil {
		return err
	}
	open := d.Owner && slices.Contains(nominableStates, d.R.State) && ui.now().Before(d.Conf.NominationCutoffAt)
	d.Full = open && d.Live >= d.Max
	d.Nominating = open && !d.Full
	if d.Nominating {
		if d.Nomination, err = ui.nominationChoices(ctx, p); err != nil {
			return err
		}
	}
	return nil
}
