package report_test

import (
	"context"
	"net/http"
	"time"

	"github.com/google/uuid"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/accreditation"
	"github.com/accord-coalition/accord/internal/membership"
)

// hostileName is an organisation's name that a spreadsheet would run as a
// formula if a cell started with it.
const hostileName = `=HYPERLINK("http://x","y")`

// org is an organisation of the fixture with an applicant speaking for it
// and its request to the conference.
type org struct {
	ID, Name, NameEN, Country string
	Applicant                 *user
	Request                   string
}

// fixture is one conference with requests in every interesting place:
//
//   - Egypt (ECOSOC) and the hostile name (ECOSOC, Kenya): admitted
//     directly;
//   - Jordan: circulated, unopposed, admitted at the deadline;
//   - Morocco: circulated, objected, referred at the deadline;
//   - Lebanon: screened after the circulation, so on no list;
//   - Brazil: submitted only.
//
// Delegates: Egypt's Laila Ahmed (badge issued, needs a visa letter, with
// a passport number) and Omar Haddad (confirmed); the hostile
// organisation's delegate with formula-like names (confirmed); Jordan's
// delegate (nominated only, needs a visa letter); Brazil's delegate
// (confirmed, needs a visa letter, but Brazil is not accredited).
type fixture struct {
	conf                                 *accreditation.Conference
	sec, state, coordinator              *user
	egypt, hostile, jordan, morocco      *org
	lebanon, brazil                      *org
	laila, omar, formula, jordanDelegate string
	brazilDelegate                       string
}

const lailaPassport = "A12345678"

func (e *env) fixture() *fixture {
	e.T.Helper()
	ctx := context.Background()
	f := &fixture{
		sec:         e.person(accord.RoleSecretariat, "", ""),
		state:       e.person(accord.RoleStateParty, "FR", ""),
		coordinator: e.person(accord.RoleCoordinator, "", ""),
	}
	now := e.Clock.Now()
	code, title, titleAR := "CoSP11", "Eleventh session of the Conference of the States Parties", "الدورة الحادية عشرة لمؤتمر الدول الأطراف"
	venue := "Vienna International Centre"
	starts, ends := accord.Date{Time: now.AddDate(0, 0, 120).Truncate(24 * time.Hour)}, accord.Date{Time: now.AddDate(0, 0, 124).Truncate(24 * time.Hour)}
	opens, closes, cutoff := now.Add(-24*time.Hour), now.AddDate(0, 0, 60), now.AddDate(0, 0, 100)
	conf, err := e.accr.CreateConference(ctx, f.sec.Actor(), accreditation.ConferenceInput{
		Code: &code, Title: &title, TitleAR: &titleAR, Venue: &venue, StartsOn: &starts, EndsOn: &ends,
		AccreditationOpensAt: &opens, AccreditationClosesAt: &closes, NominationCutoffAt: &cutoff,
	})
	if err != nil {
		e.T.Fatalf("create conference: %v", err)
	}
	f.conf = conf

	mk := func(name, nameEN, country, region, ecosoc string) *org {
		o := &org{Name: name, NameEN: nameEN, Country: country}
		o.ID = e.organization(name, nameEN, country, region, ecosoc)
		o.Applicant = e.person(accord.RoleApplicant, "", o.ID)
		r, err := e.accr.CreateRequest(ctx, o.Applicant.Actor(), conf.ID,
			accreditation.CreateRequestInput{OrganizationID: o.ID, EcosocStatus: ecosoc, Motivation: "We monitor the Convention."})
		if err != nil {
			e.T.Fatalf("request of %s: %v", nameEN, err)
		}
		o.Request = r.ID
		e.fire(o.Applicant, o.Request, "submit", "")
		return o
	}
	f.egypt = mk("الجمعية المصرية للشفافية", "Egyptian Association for Transparency", "EG", "MENA", "special")
	f.hostile = mk(hostileName, hostileName, "KE", "AFR", "general")
	f.jordan = mk("الشبكة الأردنية للنزاهة", "Jordanian Integrity Network", "JO", "MENA", "none")
	f.morocco = mk("المرصد المغربي للحكامة", "Moroccan Governance Observatory", "MA", "MENA", "none")
	f.lebanon = mk("الجمعية اللبنانية لتعزيز الشفافية", "Lebanese Transparency Association", "LB", "MENA", "none")
	f.brazil = mk("Transparência Brasil", "Transparency Brazil", "BR", "AME", "none")

	e.fire(f.sec, f.egypt.Request, "admit_ecosoc", "")
	e.fire(f.sec, f.hostile.Request, "admit_ecosoc", "")
	e.fire(f.sec, f.jordan.Request, "clear", "")
	e.fire(f.sec, f.morocco.Request, "clear", "")
	deadline := now.Add(time.Hour)
	if _, err := e.accr.CirculateScreened(ctx, f.sec.Actor(), conf.ID, accreditation.CirculationInput{ObjectionDeadline: &deadline}); err != nil {
		e.T.Fatalf("circulate: %v", err)
	}
	e.fire(f.state, f.morocco.Request, "object", "Not relevant to the Convention, in our view.")
	e.fire(f.sec, f.lebanon.Request, "clear", "")

	// Delegates are nominated while the deadline runs; the clock then
	// passes it, and the tick admits Jordan and refers Morocco.
	f.laila = e.nominate(f.egypt, accreditation.DelegateInput{GivenName: "Laila", FamilyName: "Ahmed",
		GivenNameOriginal: "ليلى", FamilyNameOriginal: "أحمد", Title: "Ms", OrganizationRole: "Director",
		Nationality: "EG", PassportNumber: lailaPassport, NeedsVisaLetter: true})
	f.omar = e.nominate(f.egypt, accreditation.DelegateInput{GivenName: "Omar", FamilyName: "Haddad",
		GivenNameOriginal: "عمر", FamilyNameOriginal: "حداد", Nationality: "EG", PassportNumber: "B7654321"})
	f.formula = e.nominate(f.hostile, accreditation.DelegateInput{GivenName: "@SUM(1+1)", FamilyName: "-2+3",
		OrganizationRole: "+cmd", Nationality: "KE"})
	f.jordanDelegate = e.nominate(f.jordan, accreditation.DelegateInput{GivenName: "Rami", FamilyName: "Saleh",
		Nationality: "JO", PassportNumber: "J1234567", NeedsVisaLetter: true})
	f.brazilDelegate = e.nominate(f.brazil, accreditation.DelegateInput{GivenName: "Ana", FamilyName: "Souza",
		Nationality: "BR", PassportNumber: "BR123456", NeedsVisaLetter: true})
	e.Clock.Advance(2 * time.Hour)
	e.Tick()
	for _, d := range []string{f.laila, f.omar, f.formula, f.brazilDelegate} {
		e.fireDelegate(f.sec, d, "confirm")
	}
	e.fireDelegate(f.sec, f.laila, "issue_badge")

	// Two members and a suspended one, for the member directory.
	for i, id := range []string{f.egypt.ID, f.hostile.ID, f.brazil.ID} {
		m := membership.NewMembership(uuid.NewString(), id, nil, now.AddDate(-1, 0, 0))
		if i == 2 {
			m.State = "suspended"
		}
		if err := e.DB.WithContext(ctx).Create(&m).Error; err != nil {
			e.T.Fatal(err)
		}
	}
	return f
}

// fire fires a request event as u over the API, at the version the
// request has now.
func (e *env) fire(u *user, requestID, event, comment string) {
	e.T.Helper()
	e.Fire(u, "/accreditation-requests/"+requestID, event, comment).Want(e.T, http.StatusOK)
}

func (e *env) nominate(o *org, in accreditation.DelegateInput) string {
	e.T.Helper()
	d, err := e.accr.Nominate(context.Background(), o.Applicant.Actor(), o.Request, in)
	if err != nil {
		e.T.Fatalf("nominate %s: %v", in.GivenName, err)
	}
	return d.ID
}

func (e *env) fireDelegate(u *user, id, event string) {
	e.T.Helper()
	e.Fire(u, "/delegates/"+id, event, "").Want(e.T, http.StatusOK)
}
