package auth

import (
	"net/mail"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/accord-coalition/accord/internal/accord"
)

// Locales are the languages Accord speaks.
var Locales = []string{"ar", "en", "fr", "es"}

// Regions are the coalition's regions (docs/domain.md), which coordinators cover.
var Regions = []string{"AFR", "AME", "ASP", "ECA", "MENA"}

const (
	minPassword = 10
	// maxPassword bounds the work a single sign-in can ask of argon2.
	maxPassword = 1024
	maxName     = 200
	maxEmail    = 254
)

// NormalizeEmail is the form emails are stored and looked up in.
func NormalizeEmail(email string) string { return strings.ToLower(strings.TrimSpace(email)) }

func checkEmail(v *accord.Validation, email string) {
	if email == "" {
		v.Add("email", "is required")
		return
	}
	addr, err := mail.ParseAddress(email)
	at := strings.LastIndexByte(email, '@')
	ok := err == nil && addr.Address == email && len(email) <= maxEmail &&
		at > 0 && strings.Contains(email[at+1:], ".") && !strings.ContainsAny(email, " <>")
	v.Check(ok, "email", "is not a valid email address")
}

func checkPassword(v *accord.Validation, field, password, email string) {
	n := utf8.RuneCountInString(password)
	switch {
	case n < minPassword:
		v.Add(field, "must be at least 10 characters")
	case len(password) > maxPassword:
		v.Add(field, "is too long")
	case email != "" && NormalizeEmail(password) == email:
		v.Add(field, "must not be your email address")
	case strings.TrimSpace(password) == "":
		v.Add(field, "must not be blank")
	}
}

func checkName(v *accord.Validation, name string) {
	switch {
	case name == "":
		v.Add("name", "is required")
	case utf8.RuneCountInString(name) > maxName:
		v.Add("name", "is too long")
	}
}

func checkLocale(v *accord.Validation, locale string) {
	v.Check(slices.Contains(Locales, locale), "locale", "must be one of ar, en, fr, es")
}

// normalizeLocale trims the locale; an empty one means English.
func normalizeLocale(locale string) string {
	locale = strings.ToLower(strings.TrimSpace(locale))
	if locale == "" {
		return "en"
	}
	return locale
}

// checkRoleScope checks what a role requires: coordinators cover at least
// one region, a State party's focal point speaks for one country, and
// nobody else carries either.
func checkRoleScope(v *accord.Validation, role accord.Role, regions []string, country string) {
	if role == accord.RoleCoordinator {
		if len(regions) == 0 {
			v.Add("regions", "a coordinator needs at least one region")
		}
		for _, r := range regions {
			if !slices.Contains(Regions, r) {
				v.Add("regions", "unknown region "+r+" (one of AFR, AME, ASP, ECA, MENA)")
			}
		}
	} else if len(regions) > 0 {
		v.Add("regions", "only coordinators have regions")
	}
	if role == accord.RoleStateParty {
		if !isCountryCode(country) {
			v.Add("country", "a State party needs a country: two capital letters (ISO 3166-1)")
		}
	} else if country != "" {
		v.Add("country", "only State parties have a country")
	}
}

func isCountryCode(c string) bool {
	return len(c) == 2 && c[0] >= 'A' && c[0] <= 'Z' && c[1] >= 'A' && c[1] <= 'Z'
}

// normalizeRegions upper-cases, trims, sorts and deduplicates.
func normalizeRegions(regions []string) []string {
	out := make([]string, 0, len(regions))
	for _, r := range regions {
		out = append(out, strings.ToUpper(strings.TrimSpace(r)))
	}
	slices.Sort(out)
	return slices.Compact(out)
}
