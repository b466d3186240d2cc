package demo

import (
	"time"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/accreditation"
)

// conference is built around now, so the demo's accreditation window is
// open and its objection period running whenever the demo starts.
func conference(now time.Time) accreditation.Conference {
	day := func(d int) time.Time { return now.Truncate(24*time.Hour).AddDate(0, 0, d) }
	starts := day(120)
	return accreditation.Conference{
		ID:                    conferenceID,
		Code:                  "CoSP11",
		Title:                 "Eleventh session of the Conference of the States Parties to the United Nations Convention against Corruption",
		TitleAR:               "الدورة الحادية عشرة لمؤتمر الدول الأطراف في اتفاقية الأمم المتحدة لمكافحة الفساد",
		TitleFR:               "Onzième session de la Conférence des États parties à la Convention des Nations Unies contre la corruption",
		TitleES:               "Undécimo período de sesiones de la Conferencia de los Estados Partes en la Convención de las Naciones Unidas contra la Corrupción",
		Venue:                 "Vienna International Centre, Vienna",
		StartsOn:              accord.Date{Time: starts},
		EndsOn:                accord.Date{Time: starts.AddDate(0, 0, 4)},
		AccreditationOpensAt:  day(-30),
		AccreditationClosesAt: day(60),
		NominationCutoffAt:    day(90),
		MaxDelegates:          6,
		ObjectionPeriodDays:   30,
		NameObjectingStates:   true,
		Version:               1,
		CreatedAt:             now,
		UpdatedAt:             now,
	}
}

// step is one demo request's way through the accreditation machine:
// the organisation submits, then the secretariat fires events in order.
type step struct {
	org    string
	ecosoc string
	submit bool
	events []string // fired by the secretariat after submission
}

// steps put the demo organisations' requests in several states: two
// admitted on ECOSOC status, two circulated to States parties, one
// screened and waiting for the next list, one submitted, one asked for
// changes, one still a draft. circulatedOrgs are cleared before the list
// goes out; lateOrgs after it, so they wait for the next one.
var (
	steps = []step{
		{org: orgEgypt, ecosoc: "special", submit: true, events: []string{"admit_ecosoc"}},
		{org: orgKenya, ecosoc: "general", submit: true, events: []string{"admit_ecosoc"}},
		{org: orgMorocco, ecosoc: "none", submit: true, events: []string{"clear"}},
		{org: orgJordan, ecosoc: "none", submit: true, events: []string{"clear"}},
		{org: orgLebanon, ecosoc: "none", submit: true},
		{org: orgBrazil, ecosoc: "none", submit: true},
		{org: orgIndonesia, ecosoc: "none", submit: true, events: []string{"request_changes"}},
		{org: orgFrance, ecosoc: "roster"},
	}
	clearedAfterCirculation = []string{orgLebanon}
)
