package webui

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/membership"
)

// applicationData is what the applicant's page ("application") and the
// reviewers' page ("review") show of one application.
type applicationData struct {
	App                     *membership.ApplicationView
	StateLabel              string
	CountryName, RegionName string
	// Editable: the applicant may still change the motivation and the
	// documents (draft, or when information was requested).
	Editable  bool
	Documents []documentView
	Required  []requiredDocument
	Kinds     []Choice
	// Checklist is what the submit guard found missing, after a submit.
	Checklist []checkItem
	// Request is the reviewer's latest questions, Reasons the latest
	// decision's reasons, each shown above the timeline.
	Request, Reasons string
	Timeline         []memberEvent
	Actions          []memberAction
	// Submit is the review-and-submit step's form, offered in a draft
	// whatever is missing: submitting is how the checklist is shown.
	Submit *memberAction
	// MembershipURL leads an approved applicant to its membership.
	MembershipURL string

	// For reviewers.
	Profile    []profileFact
	Duplicates []duplicateView
	CanNote    bool
}

type documentView struct {
	ID, KindLabel, Filename, URL, RemoveAction string
	Size                                       int64
	At                                         time.Time
	Removable                                  bool
}

type requiredDocument struct {
	Label    string
	Attached bool
}

// checkItem is one thing to do before submitting, linking to where it is
// done.
type checkItem struct{ Text, Href string }

// profileFact is one line of a profile: a label and its value, with the
// value's direction when it is not the page's (a name in another script,
// an address).
type profileFact struct{ Label, Value, Dir string }

type duplicateView struct {
	Name, NameEN, CountryName, Matches, SearchURL string
}

// applicationPage shows an application: the guided application to its
// applicant, the review page to coordinators and the secretariat.
func (ui *UI) applicationPage(c echo.Context) error {
	return ui.showApplication(c, http.StatusOK, ui.newPage(c, "app.title"), c.Param("id"), nil)
}

// showApplication renders the application id for the reader, with what
// p's form holds (errors, typed values). submitErr is the submit guard's
// refusal, shown as the checklist.
func (ui *UI) showApplication(c echo.Context, status int, p *Page, id string, submitErr error) error {
	ctx, actor := c.Request().Context(), actorOf(c)
	app, err := ui.members.GetApplication(ctx, actor, id)
	if err != nil {
		return err
	}
	history, err := ui.members.ApplicationHistory(ctx, actor, id)
	if err != nil {
		return err
	}
	names, err := ui.placeNames(ctx, p.Locale)
	if err != nil {
		return err
	}
	staff := actor.Is(accord.RoleCoordinator, accord.RoleSecretariat)
	d := &applicationData{
		App: app, StateLabel: p.memberStateName(app.State),
		CountryName: names.country(app.Country), RegionName: names.region(app.Region),
		Editable: app.State == membership.AppDraft || app.State == membership.AppInfoRequested,
		Timeline: memberTimeline(p, history, actor.UserID),
		Request:  lastCommentOf(history, "request_info"),
	}
	switch app.State {
	case membership.AppRejected, membership.AppAppealed:
		d.Reasons = lastCommentOf(history, "reject")
	case membership.AppRejectedFinal:
		d.Reasons = lastCommentOf(history, "uphold")
	}
	d.Editable = d.Editable && !staff
	for _, doc := range app.Documents {
		d.Documents = append(d.Documents, documentView{
			ID: doc.ID, KindLabel: p.T("doc.kind_" + doc.Kind), Filename: doc.Filename, Size: doc.Size, At: doc.CreatedAt,
			URL:          "/applications/" + app.ID + "/documents/" + doc.ID,
			RemoveAction: "/applications/" + app.ID + "/documents/" + doc.ID + "/remove",
			Removable:    d.Editable,
		})
	}
	for _, kind := range membership.RequiredDocuments {
		attached := slices.ContainsFunc(app.Documents, func(doc membership.Document) bool { return doc.Kind == kind })
		d.Required = append(d.Required, requiredDocument{Label: p.T("doc.kind_" + kind), Attached: attached})
	}
	d.Kinds = documentKindChoices(p, p.Form.values["kind"])
	d.Checklist = submitChecklist(p, submitErr)

	action := "/applications/" + app.ID + "/transitions"
	events := slices.DeleteFunc(slices.Clone(app.AllowedEvents), func(ev string) bool { return ev == "submit" })
	d.Actions = memberActions(p, ui.memberMachine(applicationMachine), events, action, app.Version, "")
	for i := range d.Actions {
		if d.Actions[i].Event == "respond" {
			// An answer may bring the documents asked for.
			file := p.Optional("respond_file", "file", "")
			kind := ChoiceField{Field: p.Optional("respond_kind", "select", ""), Choices: documentKindChoices(p, p.Form.values["respond_kind"])}
			d.Actions[i].File, d.Actions[i].Kind = &file, &kind
		}
	}
	if !staff && app.State == membership.AppDraft {
		d.Submit = &memberAction{Event: "submit", Action: action, Version: app.Version, CSRF: p.CSRF, Button: p.T("action.submit")}
	}
	if !staff && app.State == membership.AppApproved {
		if d.MembershipURL, err = ui.ownMembershipURL(c, actor); err != nil {
			return err
		}
	}
	if !staff {
		p.Data = d
		return ui.render(c, status, "application", p)
	}

	p.Title = p.T("review.title", "name", app.OrganizationName)
	org, err := ui.members.GetOrganization(ctx, actor, app.OrganizationID)
	if err != nil {
		return err
	}
	d.Profile = orgProfileFacts(p, &org.Organization, names)
	for _, dup := range app.PossibleDuplicates {
		matches := make([]string, 0, len(dup.Matches))
		for _, m := range dup.Matches {
			matches = append(matches, p.T("dup.match_"+m))
		}
		d.Duplicates = append(d.Duplicates, duplicateView{
			Name: dup.Name, NameEN: dup.NameEN, CountryName: names.country(dup.Country), Matches: p.List(matches),
			SearchURL: "/review?q=" + url.QueryEscape(dup.NameEN),
		})
	}
	d.CanNote = true
	p.Data = d
	return ui.render(c, status, "review", p)
}

// ownMembershipURL is the page of the applicant's membership, or "".
func (ui *UI) ownMembershipURL(c echo.Context, actor accord.Actor) (string, error) {
	ms, _, err := ui.members.ListMemberships(c.Request().Context(), actor, membership.MembershipFilter{Limit: 1})
	if err != nil || len(ms) == 0 {
		return "", err
	}
	return "/memberships/" + ms[0].ID, nil
}

// documentKindChoices are the kinds of document, the picked one marked.
func documentKindChoices(p *Page, picked string) []Choice {
	out := []Choice{{Value: "", Label: p.T("doc.choose_kind"), Selected: picked == ""}}
	for _, k := range membership.DocumentKinds {
		out = append(out, Choice{Value: k, Label: p.T("doc.kind_" + k), Selected: k == picked})
	}
	return out
}

// orgProfileFacts lists an organisation's profile for reviewers.
func orgProfileFacts(p *Page, o *membership.Organization, names placeNames) []profileFact {
	yes := func(b bool) string {
		if b {
			return p.T("review.yes")
		}
		return p.T("review.no")
	}
	// A year is written as a year, without a thousands separator.
	year := func(y *int) string {
		if y == nil {
			return ""
		}
		return strconv.Itoa(*y)
	}
	ecosoc := p.T("org.ecosoc_" + o.EcosocStatus)
	if o.EcosocSince != nil {
		ecosoc = p.T("review.ecosoc_since", "status", ecosoc, "year", year(o.EcosocSince))
	}
	facts := []profileFact{
		{p.T("field.org_name"), o.Name, "auto"},
		{p.T("field.org_name_en"), o.NameEN, "ltr"},
		{p.T("field.org_acronym"), o.Acronym, "auto"},
		{p.T("field.org_country"), names.country(o.Country), ""},
		{p.T("field.region"), names.region(o.Region), ""},
		{p.T("field.org_city"), o.City, "auto"},
		{p.T("field.org_registration_number"), o.RegistrationNumber, "auto"},
		{p.T("field.org_registration_authority"), o.RegistrationAuthority, "auto"},
		{p.T("field.org_year_founded"), year(o.YearFounded), ""},
		{p.T("field.org_website"), o.Website, "ltr"},
		{p.T("field.org_email"), o.Email, "ltr"},
		{p.T("field.org_phone"), o.Phone, "ltr"},
		{p.T("field.org_areas"), p.List(o.Areas), "auto"},
		{p.T("field.org_uncac_chapters"), p.List(o.UNCACChapters), "ltr"},
		{p.T("field.org_ecosoc_status"), ecosoc, ""},
	}
	decl := o.Declarations
	for _, d := range []struct {
		name string
		ok   bool
	}{{"non_profit", decl.NonProfit}, {"independent_of_government", decl.IndependentOfGovernment},
		{"not_political_party", decl.NotPoliticalParty}, {"adheres_to_values", decl.AdheresToValues}} {
		// The declarations are sentences on the form; here they label a
		// yes or no.
		label := strings.TrimRight(p.T("field.org_"+d.name), ".")
		facts = append(facts, profileFact{label, yes(d.ok), ""})
	}
	return slices.DeleteFunc(facts, func(f profileFact) bool { return f.Value == "" })
}
