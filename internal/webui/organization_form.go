package webui

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/accord-coalition/accord/internal/country"
	"github.com/accord-coalition/accord/internal/membership"
)

// orgPrefix starts the name of every input of the organisation form, so
// that its labels (field.org_name: the organisation's name) differ from
// those of a person's (field.name: your full name).
const orgPrefix = "org_"

// orgTextFields are the profile's one-line inputs, by service field name.
var orgTextFields = []string{
	"name", "name_en", "acronym", "city", "registration_number", "registration_authority",
	"website", "email", "phone",
}

// declarationNames are the four declarations, as the service names them.
var declarationNames = []string{"non_profit", "independent_of_government", "not_political_party", "adheres_to_values"}

// orgFormFields are every input of the form, for keeping what was typed
// and placing errors.
var orgFormFields = func() []string {
	out := []string{}
	for _, f := range append(slices.Clone(orgTextFields), "country", "year_founded", "areas", "uncac_chapters",
		"ecosoc_status", "ecosoc_since") {
		out = append(out, orgPrefix+f)
	}
	for _, d := range declarationNames {
		out = append(out, orgPrefix+d)
	}
	return out
}()

// orgForm is the organisation form as posted.
type orgForm struct {
	text         map[string]string
	country      string
	yearFounded  *int
	ecosocStatus string
	ecosocSince  *int
	areas        []string
	chapters     []string
	declarations membership.Declarations
}

// readOrgForm reads the form, marking on p's form what cannot even be
// handed to the service (a year that is not a number). The values typed
// are kept to be shown again.
func readOrgForm(c echo.Context, p *Page) orgForm {
	p.Form.Keep(c, orgFormFields...)
	params, _ := c.FormParams()
	f := orgForm{text: map[string]string{}}
	for _, name := range orgTextFields {
		f.text[name] = strings.TrimSpace(c.FormValue(orgPrefix + name))
	}
	// An address typed without its scheme ("ngo.example.org") is meant as
	// a website all the same.
	if w := f.text["website"]; w != "" && !strings.Contains(w, "://") {
		f.text["website"] = "https://" + w
	}
	f.country = c.FormValue(orgPrefix + "country")
	f.ecosocStatus = c.FormValue(orgPrefix + "ecosoc_status")
	f.yearFounded = readYear(p, orgPrefix+"year_founded", c.FormValue(orgPrefix+"year_founded"))
	f.ecosocSince = readYear(p, orgPrefix+"ecosoc_since", c.FormValue(orgPrefix+"ecosoc_since"))
	f.areas = splitAreas(c.FormValue(orgPrefix + "areas"))
	f.chapters = params[orgPrefix+"uncac_chapters"]
	p.Form.Set(orgPrefix+"uncac_chapters", strings.Join(f.chapters, ","))
	on := func(name string) bool { return c.FormValue(orgPrefix+name) == "on" }
	f.declarations = membership.Declarations{
		NonProfit: on("non_profit"), IndependentOfGovernment: on("independent_of_government"),
		NotPoliticalParty: on("not_political_party"), AdheresToValues: on("adheres_to_values"),
	}
	return f
}

func (f orgForm) input() membership.OrganizationInput {
	return membership.OrganizationInput{
		Name: f.text["name"], NameEN: f.text["name_en"], Acronym: f.text["acronym"], Country: f.country,
		City: f.text["city"], RegistrationNumber: f.text["registration_number"],
		RegistrationAuthority: f.text["registration_authority"], YearFounded: f.yearFounded,
		Website: f.text["website"], Email: f.text["email"], Phone: f.text["phone"],
		Areas: f.areas, UNCACChapters: f.chapters, EcosocStatus: f.ecosocStatus,
		EcosocSince: f.ecosocSince, Declarations: f.declarations,
	}
}

// patch sends every field of the form: the page shows the whole profile,
// so what is posted is the whole profile.
func (f orgForm) patch(version int) membership.OrganizationPatch {
	in := f.input()
	return membership.OrganizationPatch{
		Version: version, Name: &in.Name, NameEN: &in.NameEN, Acronym: &in.Acronym, Country: &in.Country,
		City: &in.City, RegistrationNumber: &in.RegistrationNumber,
		RegistrationAuthority: &in.RegistrationAuthority, YearFounded: in.YearFounded,
		Website: &in.Website, Email: &in.Email, Phone: &in.Phone, Areas: &in.Areas,
		UNCACChapters: &in.UNCACChapters, EcosocStatus: &in.EcosocStatus, EcosocSince: in.EcosocSince,
		Declarations: &in.Declarations,
	}
}

// fillOrgForm shows a saved profile in the form.
func fillOrgForm(p *Page, o *membership.Organization) {
	set := func(name, value string) { p.Form.Set(orgPrefix+name, value) }
	set("name", o.Name)
	set("name_en", o.NameEN)
	set("acronym", o.Acronym)
	set("city", o.City)
	set("registration_number", o.RegistrationNumber)
	set("registration_authority", o.RegistrationAuthority)
	set("website", o.Website)
	set("email", o.Email)
	set("phone", o.Phone)
	set("country", o.Country)
	set("ecosoc_status", o.EcosocStatus)
	if o.YearFounded != nil {
		set("year_founded", strconv.Itoa(*o.YearFounded))
	}
	if o.EcosocSince != nil {
		set("ecosoc_since", strconv.Itoa(*o.EcosocSince))
	}
	set("areas", strings.Join(o.Areas, ", "))
	set("uncac_chapters", strings.Join(o.UNCACChapters, ","))
	checked := map[string]bool{
		"non_profit": o.Declarations.NonProfit, "independent_of_government": o.Declarations.IndependentOfGovernment,
		"not_political_party": o.Declarations.NotPoliticalParty, "adheres_to_values": o.Declarations.AdheresToValues,
	}
	for name, on := range checked {
		if on {
			set(name, "on")
		}
	}
}

// readYear reads a year as typed, in Western or Arabic-Indic digits; blank
// is no year. A year that is not a number is marked on the form.
func readYear(p *Page, field, typed string) *int {
	typed = strings.TrimSpace(westernDigits(typed))
	if typed == "" {
		return nil
	}
	n, err := strconv.Atoi(typed)
	if err != nil {
		p.Form.Fail(field, "err.year_number")
		return nil
	}
	return &n
}

// westernDigits turns Arabic-Indic (٠–٩) and Eastern Arabic-Indic (۰–۹)
// digits into 0–9: an Arabic keyboard types the former.
func westernDigits(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '٠' && r <= '٩':
			return '0' + (r - '٠')
		case r >= '۰' && r <= '۹':
			return '0' + (r - '۰')
		}
		return r
	}, s)
}

// splitAreas splits the areas of work at commas (Latin or Arabic),
// semicolons and line ends.
func splitAreas(s string) []string {
	parts := strings.FieldsFunc(s, func(r rune) bool {
		return r == ',' || r == '،' || r == ';' || r == '؛' || r == '\n' || r == '\r'
	})
	out := []string{}
	for _, a := range parts {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}

// countryChoices are the countries named and sorted in the page's
// language, the one selected first marked.
func (ui *UI) countryChoices(ctx context.Context, p *Page, selected string, blankKey string) ([]Choice, error) {
	cs, err := country.List(ctx, ui.db)
	if err != nil {
		return nil, err
	}
	out := make([]Choice, 0, len(cs)+1)
	out = append(out, Choice{Value: "", Label: p.T(blankKey), Selected: selected == ""})
	for _, c := range cs {
		out = append(out, Choice{Value: c.Code, Label: c.Name(p.Locale), Selected: c.Code == selected})
	}
	col := collate.New(language.Make(p.Locale), collate.Loose)
	slices.SortStableFunc(out[1:], func(a, b Choice) int { return col.CompareString(a.Label, b.Label) })
	return out, nil
}

// chapterChoices are the UNCAC chapters with their subjects.
func chapterChoices(p *Page, picked string) []Choice {
	chosen := strings.Split(picked, ",")
	out := make([]Choice, 0, len(membership.UNCACChapters))
	for _, ch := range membership.UNCACChapters {
		out = append(out, Choice{Value: ch, Label: p.T("org.chapter_" + strings.ToLower(ch)), Selected: slices.Contains(chosen, ch)})
	}
	return out
}

// ecosocChoices are the consultative statuses.
func ecosocChoices(p *Page, picked string) []Choice {
	if picked == "" {
		picked = membership.EcosocNone
	}
	out := []Choice{}
	for _, st := range []string{membership.EcosocNone, membership.EcosocSpecial, membership.EcosocGeneral, membership.EcosocRoster} {
		out = append(out, Choice{Value: st, Label: p.T("org.ecosoc_" + st), Selected: st == picked})
	}
	return out
}
