package membership

import (
	"net/mail"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/country"
	"github.com/accord-coalition/accord/internal/store"
)

// OrganizationInput is a whole profile, as a client sends it to create an
// organisation. The region is not part of it: it follows from the country.
type OrganizationInput struct {
	Name                  string       `json:"name"`
	NameEN                string       `json:"name_en"`
	Acronym               string       `json:"acronym"`
	Country               string       `json:"country"`
	City                  string       `json:"city"`
	RegistrationNumber    string       `json:"registration_number"`
	RegistrationAuthority string       `json:"registration_authority"`
	YearFounded           *int         `json:"year_founded"`
	Website               string       `json:"website"`
	Email                 string       `json:"email"`
	Phone                 string       `json:"phone"`
	Areas                 []string     `json:"areas"`
	UNCACChapters         []string     `json:"uncac_chapters"`
	EcosocStatus          string       `json:"ecosoc_status"`
	EcosocSince           *int         `json:"ecosoc_since"`
	Declarations          Declarations `json:"declarations"`
}

// OrganizationPatch changes some fields of a profile; absent (or null)
// fields stay as they are. Version is the version the client read: a
// profile changed since is not overwritten (409).
type OrganizationPatch struct {
	Version               int           `json:"version"`
	Name                  *string       `json:"name,omitempty"`
	NameEN                *string       `json:"name_en,omitempty"`
	Acronym               *string       `json:"acronym,omitempty"`
	Country               *string       `json:"country,omitempty"`
	City                  *string       `json:"city,omitempty"`
	RegistrationNumber    *string       `json:"registration_number,omitempty"`
	RegistrationAuthority *string       `json:"registration_authority,omitempty"`
	YearFounded           *int          `json:"year_founded,omitempty"`
	Website               *string       `json:"website,omitempty"`
	Email                 *string       `json:"email,omitempty"`
	Phone                 *string       `json:"phone,omitempty"`
	Areas                 *[]string     `json:"areas,omitempty"`
	UNCACChapters         *[]string     `json:"uncac_chapters,omitempty"`
	EcosocStatus          *string       `json:"ecosoc_status,omitempty"`
	EcosocSince           *int          `json:"ecosoc_since,omitempty"`
	Declarations          *Declarations `json:"declarations,omitempty"`
}

// Limits on what a profile may hold: generous for real names, small
// enough that nobody stores a book in a city name.
const (
	maxTextLen  = 300
	maxAreas    = 20
	maxAreaLen  = 100
	firstYear   = 1800 // older organisations exist, but not as NGOs applying here
	ecosocFirst = 1946 // ECOSOC granted its first consultative status
)

// namedText is a profile field and its value, in the order errors list them.
type namedText struct{ field, value string }

var ecosocStatuses = []string{EcosocNone, EcosocSpecial, EcosocGeneral, EcosocRoster}

// newOrganization builds a profile from in, normalised but not checked.
func newOrganization(in OrganizationInput) *Organization {
	o := &Organization{
		Name: in.Name, NameEN: in.NameEN, Acronym: in.Acronym, Country: in.Country, City: in.City,
		RegistrationNumber: in.RegistrationNumber, RegistrationAuthority: in.RegistrationAuthority,
		YearFounded: in.YearFounded, Website: in.Website, Email: in.Email, Phone: in.Phone,
		Areas: in.Areas, UNCACChapters: in.UNCACChapters, EcosocStatus: in.EcosocStatus,
		EcosocSince: in.EcosocSince, Declarations: in.Declarations,
	}
	o.normalise()
	return o
}

// apply writes the fields p carries onto o and normalises the result.
func (p OrganizationPatch) apply(o *Organization) {
	setString := func(dst *string, src *string) {
		if src != nil {
			*dst = *src
		}
	}
	setString(&o.Name, p.Name)
	setString(&o.NameEN, p.NameEN)
	setString(&o.Acronym, p.Acronym)
	setString(&o.Country, p.Country)
	setString(&o.City, p.City)
	setString(&o.RegistrationNumber, p.RegistrationNumber)
	setString(&o.RegistrationAuthority, p.RegistrationAuthority)
	setString(&o.Website, p.Website)
	setString(&o.Email, p.Email)
	setString(&o.Phone, p.Phone)
	setString(&o.EcosocStatus, p.EcosocStatus)
	if p.YearFounded != nil {
		o.YearFounded = p.YearFounded
	}
	if p.EcosocSince != nil {
		o.EcosocSince = p.EcosocSince
	}
	if p.Areas != nil {
		o.Areas = *p.Areas
	}
	if p.UNCACChapters != nil {
		o.UNCACChapters = *p.UNCACChapters
	}
	if p.Declarations != nil {
		o.Declarations = *p.Declarations
	}
	o.normalise()
}

// normalise trims what people type and fills the derived fields except
// the region, which needs the countries table.
func (o *Organization) normalise() {
	for _, f := range []*string{&o.Name, &o.NameEN, &o.Acronym, &o.City, &o.RegistrationNumber,
		&o.RegistrationAuthority, &o.Website, &o.Email, &o.Phone} {
		*f = strings.Join(strings.Fields(*f), " ")
	}
	o.Country = country.NormalizeCode(o.Country)
	o.Email = strings.ToLower(o.Email)
	o.EcosocStatus = strings.ToLower(strings.TrimSpace(o.EcosocStatus))
	if o.EcosocStatus == "" {
		o.EcosocStatus = EcosocNone
	}
	if o.EcosocStatus == EcosocNone {
		// "Since when" means nothing without a status.
		o.EcosocSince = nil
	}
	o.Areas = uniqueTrimmed(o.Areas, false)
	o.UNCACChapters = uniqueTrimmed(o.UNCACChapters, true)
	slices.SortFunc(o.UNCACChapters, func(a, b string) int {
		return slices.Index(UNCACChapters, a) - slices.Index(UNCACChapters, b)
	})
	o.RefreshKeys()
}

func uniqueTrimmed(in []string, upper bool) store.StringList {
	out := store.StringList{}
	for _, s := range in {
		s = strings.Join(strings.Fields(s), " ")
		if upper {
			s = strings.ToUpper(s)
		}
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// validate checks the fields of a profile that can be checked without the
// database. A profile may be saved incomplete; what submitting needs is
// checked by the submit guard (checkComplete).
func (o *Organization) validate(v *accord.Validation, now time.Time) {
	v.Check(o.Name != "", "name", "required")
	for _, f := range []namedText{
		{"name", o.Name}, {"name_en", o.NameEN}, {"acronym", o.Acronym}, {"city", o.City},
		{"registration_number", o.RegistrationNumber}, {"registration_authority", o.RegistrationAuthority},
		{"website", o.Website}, {"email", o.Email}, {"phone", o.Phone},
	} {
		v.MaxChars(f.field, f.value, maxTextLen)
	}
	v.Check(len(o.Country) == 2, "country", "an ISO 3166-1 alpha-2 code such as EG")
	if o.YearFounded != nil {
		v.Check(*o.YearFounded >= firstYear && *o.YearFounded <= now.Year(), "year_founded", "a year from 1800 to this year")
	}
	if o.Website != "" {
		u, err := url.Parse(o.Website)
		v.Check(err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "", "website", "an address starting with https://")
	}
	if o.Email != "" {
		a, err := mail.ParseAddress(o.Email)
		v.Check(err == nil && a.Address == o.Email, "email", "not an email address")
	}
	v.Check(len(o.Areas) <= maxAreas, "areas", "at most 20 areas")
	for _, a := range o.Areas {
		if utf8.RuneCountInString(a) > maxAreaLen {
			v.Add("areas", "each area at most 100 characters")
			break
		}
	}
	for _, c := range o.UNCACChapters {
		if !slices.Contains(UNCACChapters, c) {
			v.Add("uncac_chapters", "chapters are II, III, IV, V and VI")
			break
		}
	}
	v.Check(slices.Contains(ecosocStatuses, o.EcosocStatus), "ecosoc_status", "one of none, special, general, roster")
	if o.EcosocSince != nil {
		v.Check(*o.EcosocSince >= ecosocFirst && *o.EcosocSince <= now.Year(), "ecosoc_since", "a year from 1946 to this year")
	}
}

// checkComplete adds a field error, prefixed "organization.", for each part
// of the profile an application needs before it is submitted: who the
// organisation is, where it is registered, what it works on, and its
// declarations.
func (o *Organization) checkComplete(v *accord.Validation) {
	const p = "organization."
	for _, f := range []namedText{
		{"name", o.Name}, {"name_en", o.NameEN}, {"country", o.Country}, {"city", o.City}, {"email", o.Email},
		{"registration_number", o.RegistrationNumber}, {"registration_authority", o.RegistrationAuthority},
	} {
		v.Check(f.value != "", p+f.field, "required to submit")
	}
	v.Check(o.YearFounded != nil, p+"year_founded", "required to submit")
	v.Check(len(o.Areas) > 0, p+"areas", "name at least one area of work")
	v.Check(len(o.UNCACChapters) > 0, p+"uncac_chapters", "name at least one UNCAC chapter")
	v.Check(o.EcosocStatus == EcosocNone || o.EcosocSince != nil, p+"ecosoc_since", "required with an ECOSOC status")
	o.Declarations.check(v, p+"declarations.")
}

// check adds a field error for each declaration not accepted.
func (d Declarations) check(v *accord.Validation, prefix string) {
	v.Check(d.NonProfit, prefix+"non_profit", "must be accepted")
	v.Check(d.IndependentOfGovernment, prefix+"independent_of_government", "must be accepted")
	v.Check(d.NotPoliticalParty, prefix+"not_political_party", "must be accepted")
	v.Check(d.AdheresToValues, prefix+"adheres_to_values", "must be accepted")
}
