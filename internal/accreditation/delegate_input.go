package accreditation

import (
	"context"
	"fmt"
	"net/mail"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/country"
)

// DelegateInput is a nomination (docs/api.md, Delegate). PassportNumber is
// write-only: it is stored encrypted and never returned.
type DelegateInput struct {
	GivenName          string       `json:"given_name"`
	FamilyName         string       `json:"family_name"`
	GivenNameOriginal  string       `json:"given_name_original,omitempty"`
	FamilyNameOriginal string       `json:"family_name_original,omitempty"`
	Title              string       `json:"title,omitempty"`
	OrganizationRole   string       `json:"organization_role,omitempty"`
	Gender             string       `json:"gender,omitempty"`
	Nationality        string       `json:"nationality,omitempty"`
	PassportNumber     string       `json:"passport_number,omitempty"`
	PassportExpiry     *accord.Date `json:"passport_expiry,omitempty"`
	Email              string       `json:"email,omitempty"`
	NeedsVisaLetter    bool         `json:"needs_visa_letter,omitempty"`
}

// passportNumber is what passports print: letters and digits.
var passportNumber = regexp.MustCompile(`^[A-Z0-9]{5,20}$`)

var genders = []string{"", "female", "male", "other", "undisclosed"}

// normalize trims every field and upper-cases codes.
func (in *DelegateInput) normalize() {
	for _, f := range []*string{&in.GivenName, &in.FamilyName, &in.GivenNameOriginal, &in.FamilyNameOriginal,
		&in.Title, &in.OrganizationRole, &in.Gender, &in.Email} {
		*f = strings.TrimSpace(*f)
	}
	in.Gender = strings.ToLower(in.Gender)
	in.Nationality = country.NormalizeCode(in.Nationality)
	in.PassportNumber = strings.ToUpper(strings.Join(strings.Fields(in.PassportNumber), ""))
}

// check validates a normalised nomination for conf; field names are
// prefixed (for a replacement, "replacement.").
func (in *DelegateInput) check(ctx context.Context, tx *gorm.DB, conf *Conference, prefix string) error {
	var v accord.Validation
	field := func(name string) string { return prefix + name }
	v.Check(in.GivenName != "", field("given_name"), "required, as in the passport")
	v.Check(in.FamilyName != "", field("family_name"), "required, as in the passport")
	v.Check(latin(in.GivenName), field("given_name"), "in Latin script, as in the passport's machine-readable zone; give the original script in given_name_original")
	v.Check(latin(in.FamilyName), field("family_name"), "in Latin script, as in the passport's machine-readable zone; give the original script in family_name_original")
	for _, f := range []struct{ name, val string }{{"given_name", in.GivenName}, {"family_name", in.FamilyName},
		{"given_name_original", in.GivenNameOriginal}, {"family_name_original", in.FamilyNameOriginal},
		{"title", in.Title}, {"organization_role", in.OrganizationRole}} {
		v.MaxChars(field(f.name), f.val, 200)
	}
	v.Check(slices.Contains(genders, in.Gender), field("gender"), "one of female, male, other, undisclosed")
	v.Check(in.PassportNumber == "" || passportNumber.MatchString(in.PassportNumber), field("passport_number"),
		"5 to 20 letters and digits")
	if in.PassportExpiry != nil {
		v.Check(!in.PassportExpiry.Before(badgeExpiry(conf)), field("passport_expiry"), "the passport expires before the conference ends")
	}
	if in.Email != "" {
		a, err := mail.ParseAddress(in.Email)
		v.Check(err == nil && a.Address == in.Email, field("email"), "not an email address")
	}
	if in.Nationality != "" {
		var n int64
		if err := tx.WithContext(ctx).Model(&country.Country{}).Where("code = ?", in.Nationality).Count(&n).Error; err != nil {
			return fmt.Errorf("look up nationality: %w", err)
		}
		v.Check(n == 1, field("nationality"), "an ISO 3166-1 alpha-2 country code")
	}
	return v.Err()
}

// latin reports whether a name's letters are all Latin, as passports'
// machine-readable zones print them.
func latin(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}
