package demo

import (
	"fmt"
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
		MaxDelegates:          3,
		ObjectionPeriodDays:   30,
		NameObjectingStates:   true,
		Version:               1,
		CreatedAt:             now,
		UpdatedAt:             now,
	}
}

func circulation(now time.Time) accreditation.Circulation {
	return accreditation.Circulation{
		ID: circulationID, ConferenceID: conferenceID, Number: 1,
		CirculatedAt: now.Add(-5 * 24 * time.Hour), ObjectionDeadline: now.Add(25 * 24 * time.Hour),
		CreatedAt: now.Add(-5 * 24 * time.Hour),
	}
}

// requests puts the demo organisations' requests in several states of the
// accreditation machine.
func requests(now time.Time) []accreditation.Request {
	circ := circulation(now)
	one, two := 1, 2
	mk := func(n int, org, state string) accreditation.Request {
		submitted := now.Add(-10 * 24 * time.Hour)
		r := accreditation.Request{
			ID:             fmt.Sprintf("0d7c2a8e-0000-4000-8000-0000000000e%d", n),
			ConferenceID:   conferenceID,
			OrganizationID: org,
			State:          state,
			Version:        1,
			Motivation:     "Our work on the Convention's implementation review is directly relevant to the Conference.",
			EcosocStatus:   "none",
			CreatedAt:      submitted,
			UpdatedAt:      submitted,
		}
		if state != accreditation.RequestDraft {
			r.SubmittedAt = &submitted
		}
		return r
	}
	egypt := mk(1, orgEgypt, accreditation.RequestAccredited)
	egypt.EcosocStatus = "special"
	kenya := mk(2, orgKenya, accreditation.RequestAccredited)
	kenya.EcosocStatus = "general"
	morocco := mk(3, orgMorocco, accreditation.RequestCirculated)
	jordan := mk(4, orgJordan, accreditation.RequestCirculated)
	for _, r := range []*accreditation.Request{&morocco, &jordan} {
		id, deadline := circ.ID, circ.ObjectionDeadline
		r.CirculationID, r.ObjectionDeadline = &id, &deadline
	}
	morocco.CirculationNumber, jordan.CirculationNumber = &one, &two
	return []accreditation.Request{
		egypt, kenya, morocco, jordan,
		mk(5, orgLebanon, accreditation.RequestScreened),
		mk(6, orgBrazil, accreditation.RequestSubmitted),
		mk(7, orgIndonesia, accreditation.RequestChangesRequested),
		mk(8, orgFrance, accreditation.RequestDraft),
	}
}
