package webui

import (
	"errors"
	"math"
	"slices"

	"github.com/accord-coalition/accord/internal/accord"
)

// fieldMessageKeys translates the services' field messages, which are
// English sentences meant for API clients, into catalog keys. A message
// not listed here shows as err.invalid: still in the reader's language,
// only less precise. When a service words a new rule, add it here.
var fieldMessageKeys = map[string]string{
	"is required":                                          "err.required",
	"must not be blank":                                    "err.required",
	"is not a valid email address":                         "err.email_invalid",
	"an account with this email already exists":            "err.email_taken",
	"must be at least 10 characters":                       "err.password_short",
	"is too long":                                          "err.too_long",
	"must not be your email address":                       "err.password_is_email",
	"is not your current password":                         "err.current_password_wrong",
	"must differ from the current password":                "err.password_same",
	"must be one of ar, en, fr, es":                        "err.locale_invalid",
	"the verification link has expired; ask for a new one": "err.link_expired",
	"the invitation link has expired; ask for a new one":   "err.link_expired",
	// auth: password resets and the people of an organisation.
	"the password reset link has expired; ask for a new one":                                                          "err.link_expired",
	"an organisation with this registration number in this country is already on Accord; ask its staff to invite you": "err.org_registered_ask_invitation",
	// membership: organisations, applications, documents, memberships.
	"required":                                                "err.required",
	"at most 300 characters":                                  "err.max_300",
	"at most 10000 characters":                                "err.max_10000",
	"an ISO 3166-1 alpha-2 code such as EG":                   "err.country_invalid",
	"a year from 1800 to this year":                           "err.year_founded",
	"a year from 1946 to this year":                           "err.ecosoc_year",
	"an address starting with https://":                       "err.website_invalid",
	"not an email address":                                    "err.email_invalid",
	"at most 20 areas":                                        "err.areas_too_many",
	"each area at most 100 characters":                        "err.area_too_long",
	"chapters are II, III, IV, V and VI":                      "err.choose_offered",
	"one of none, special, general, roster":                   "err.choose_offered",
	"one of statutes, registration, report, financial, other": "err.choose_offered",
	"the file is empty":                                       "err.file_empty",
	"at most 30 documents; remove one first":                  "err.too_many_documents",
	"appeals were accepted until this instant":                "err.appeal_deadline_passed",
	"withdraw the other application first":                    "err.other_open_application",
	"the organisation has another open application":           "err.other_open_application",
	"reconfirmation opens 60 days before this date":           "err.reconfirm_not_yet",
	"must be accepted":                                        "err.must_accept",
}

// minPassword is auth's rule, repeated in the message that explains it.
const minPassword = 10

// showErrors puts a service's error on the form: field errors beside
// their fields (those of fields the form does not show go above it), and
// the few other refusals a form can meet as a general message. It reports
// false for anything else, which the caller returns for an error page.
func (f *Form) showErrors(err error, shown ...string) bool {
	var ae *accord.Error
	if !errors.As(err, &ae) {
		return false
	}
	switch ae.Kind {
	case accord.KindInvalid:
		for _, fe := range ae.Fields {
			key, ok := fieldMessageKeys[fe.Message]
			if !ok {
				key = "err.invalid"
			}
			if slices.Contains(shown, fe.Field) {
				f.Fail(fe.Field, key, "min", minPassword)
			} else {
				f.FailGeneral(key, "min", minPassword)
			}
		}
		if len(ae.Fields) == 0 {
			f.FailGeneral("err.invalid")
		}
		return true
	case accord.KindRateLimited:
		minutes := int(math.Ceil(ae.RetryAfter.Minutes()))
		f.general = f.page.N("err.rate_limited", max(minutes, 1))
		return true
	}
	return false
}
