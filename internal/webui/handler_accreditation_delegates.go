package webui

import (
	"context"
	"net/http"
	"slices"

	"github.com/labstack/echo/v4"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/accreditation"
	"github.com/accord-coalition/accord/internal/httpreply"
)

// delegateRow is a delegate as the request page lists it. The passport
// number is never on it: the service gives only its last characters.
type delegateRow struct {
	accreditation.DelegateView
	StateLabel, GenderLabel, Nationality string
	Events                               []eventForm
	Replace                              bool
	Badge                                *accreditation.Badge
	// Expiry is the passport's expiry, zero when not given.
	Expiry accord.Date
	// Visa is the delegate's visa letter, nil when there is nothing to
	// show of one.
	Visa *visaLetterView
}

func (ui *UI) delegateRow(ctx context.Context, actor accord.Actor, p *Page, d *accreditation.DelegateView, names placeNames, owner bool) (delegateRow, error) {
	row := delegateRow{
		DelegateView: *d, StateLabel: p.T("delegates.state_" + d.State),
		Events: delegateForms(d), Replace: owner && slices.Contains(d.AllowedEvents, "replace"),
	}
	if d.PassportExpiry != nil {
		row.Expiry = *d.PassportExpiry
	}
	if d.Gender != "" {
		row.GenderLabel = p.T("delegates.gender_" + d.Gender)
	}
	if d.Nationality != "" {
		row.Nationality = names.country(d.Nationality)
	}
	if d.State == accreditation.DelegateBadgeIssued || d.State == accreditation.DelegateCheckedIn {
		b, err := ui.accreditation.BadgeOf(ctx, actor, d.ID)
		if err != nil {
			return row, err
		}
		row.Badge = b
	}
	return row, nil
}

// nominationChoices are the lists of the nomination form.
type nominationChoices struct {
	Genders, Countries []Choice
}

// delegateFields are the nomination form's inputs, named after the
// service's fields with the form's prefix.
var delegateFields = []string{"del_given_name", "del_family_name", "del_given_name_original",
	"del_family_name_original", "del_title", "del_organization_role", "del_gender", "del_nationality",
	"del_passport_number", "del_passport_expiry", "del_email", "del_needs_visa_letter"}

func (ui *UI) nominationChoices(ctx context.Context, p *Page) (*nominationChoices, error) {
	countries, err := ui.countryChoices(ctx, p, p.Form.values["del_nationality"], "delegates.choose_nationality")
	if err != nil {
		return nil, err
	}
	picked := p.Form.values["del_gender"]
	genders := []Choice{{Value: "", Label: p.T("delegates.gender_unstated"), Selected: picked == ""}}
	for _, g := range []string{"female", "male", "other", "undisclosed"} {
		genders = append(genders, Choice{Value: g, Label: p.T("delegates.gender_" + g), Selected: g == picked})
	}
	return &nominationChoices{Genders: genders, Countries: countries}, nil
}

// OptionalSelect describes a select the reader may leave at its first,
// blank choice.
func (p *Page) OptionalSelect(name string, choices []Choice) ChoiceField {
	f := p.Select(name, choices)
	f.Required = false
	return f
}

// readDelegateForm reads a nomination. What was typed is kept for the
// form to show again, except the passport number: it is never shown
// back, not even to the person who typed it.
func readDelegateForm(c echo.Context, p *Page) accreditation.DelegateInput {
	for _, name := range delegateFields {
		if name != "del_passport_number" {
			p.Form.Keep(c, name)
		}
	}
	return accreditation.DelegateInput{
		GivenName: c.FormValue("del_given_name"), FamilyName: c.FormValue("del_family_name"),
		GivenNameOriginal: c.FormValue("del_given_name_original"), FamilyNameOriginal: c.FormValue("del_family_name_original"),
		Title: c.FormValue("del_title"), OrganizationRole: c.FormValue("del_organization_role"),
		Gender: c.FormValue("del_gender"), Nationality: c.FormValue("del_nationality"),
		PassportNumber: c.FormValue("del_passport_number"),
		PassportExpiry: formDate(p.Form, "del_passport_expiry", c.FormValue("del_passport_expiry")),
		Email:          c.FormValue("del_email"), NeedsVisaLetter: c.FormValue("del_needs_visa_letter") == "on",
	}
}

// nominateDelegate adds a delegate to the NGO's request.
func (ui *UI) nominateDelegate(c echo.Context) error {
	id := c.Param("id")
	p := ui.newPage(c, "request.title")
	in := readDelegateForm(c, p)
	status := http.StatusUnprocessableEntity
	if !p.Form.HasErrors() {
		_, err := ui.accreditation.Nominate(c.Request().Context(), actorOf(c), id, in)
		// The same person already on this request is this form sent
		// twice (a double click, a resend): done, as the first time.
		if err == nil || accreditation.IsAlreadyNominated(err) {
			return redirect(c, "/accreditation-requests/"+id+"?notice=acc_delegate_nominated#delegates")
		}
		switch {
		case accreditation.IsPassportTaken(err):
			p.Form.Fail("del_passport_number", "err.passport_taken")
		case !p.Form.showAccreditationErrors(err, prefixed("del_"), delegateFields...):
			return err
		}
		status = statusOf(err)
	}
	return ui.renderRequest(c, status, p, id)
}

type replaceData struct {
	D          *accreditation.DelegateView
	Nomination *nominationChoices
}

// replaceDelegateForm asks for the person who takes a delegate's place.
func (ui *UI) replaceDelegateForm(c echo.Context) error {
	return ui.renderReplace(c, http.StatusOK, ui.newPage(c, "delegates.replace_title"))
}

func (ui *UI) renderReplace(c echo.Context, status int, p *Page) error {
	ctx, actor := c.Request().Context(), actorOf(c)
	d, err := ui.accreditation.GetDelegate(ctx, actor, c.Param("id"))
	if err != nil {
		return err
	}
	if !slices.Contains(d.AllowedEvents, "replace") {
		return accord.Conflict("the delegate cannot be replaced now")
	}
	choices, err := ui.nominationChoices(ctx, p)
	if err != nil {
		return err
	}
	p.Data = replaceData{D: d, Nomination: choices}
	return ui.render(c, status, "accreditation_replace", p)
}

// badgePNG is a delegate's badge as a QR code to print: the address of
// its verification page.
func (ui *UI) badgePNG(c echo.Context) error {
	png, err := ui.accreditation.BadgePNG(c.Request().Context(), actorOf(c), c.Param("id"))
	if err != nil {
		return err
	}
	return httpreply.Private(c, "image/png", png)
}
