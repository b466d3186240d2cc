package synthetic

import (
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/accord-coalition/accord/internal/accreditation"
	"github.com/accord-coalition/accord/internal/country"
	"github.com/accord-coalition/accord/internal/membership"
	"github.com/accord-coalition/accord/internal/store"
)

// generator makes the rows of organisation i deterministically from i,
// so that a batch needs nothing from the batches before it.
type generator struct {
	conferenceID string
	countries    []country.Country
	now          time.Time
	// run tells the rows of one run from another's in emails.
	run string
}

// batch is the rows of some organisations.
type batch struct {
	orgs      []membership.Organization
	requests  []accreditation.Request
	delegates []accreditation.Delegate
}

// Names to combine. One organisation in three is Arabic-speaking and
// named in Arabic as well, so exports carry both scripts.
var (
	orgKindsEN = []string{"Transparency Forum", "Integrity Watch", "Anti-Corruption Network", "Accountability Lab",
		"Civic Monitor", "Open Budget Initiative", "Citizens for Integrity", "Rule of Law Centre"}
	orgKindsAR = []string{"منتدى الشفافية", "مرصد النزاهة", "شبكة مكافحة الفساد", "مختبر المساءلة",
		"المرصد المدني", "مبادرة الموازنة المفتوحة", "مواطنون من أجل النزاهة", "مركز سيادة القانون"}
	givenEN  = []string{"Amina", "Carlos", "Laila", "Omar", "Sofia", "Kwame", "Mei", "Ivan", "Fatima", "Diego", "Nadia", "Yusuf"}
	familyEN = []string{"Haddad", "Mensah", "Garcia", "Rahman", "Okafor", "Petrov", "Nguyen", "Silva", "Khalil", "Dubois"}
	givenAR  = []string{"أمينة", "كارلوس", "ليلى", "عمر", "صوفيا", "كوامي", "مي", "إيفان", "فاطمة", "دييغو", "نادية", "يوسف"}
	familyAR = []string{"حداد", "منسه", "غارسيا", "رحمن", "أوكافور", "بتروف", "نغوين", "سيلفا", "خليل", "دوبوا"}
	roles    = []string{"Executive Director", "Programme Officer", "Legal Adviser", "Researcher", "Board Member"}
	titles   = []string{"Ms", "Mr", "Dr"}
)

func (g *generator) batch(from, to int) batch {
	b := batch{
		orgs:      make([]membership.Organization, 0, to-from),
		requests:  make([]accreditation.Request, 0, to-from),
		delegates: make([]accreditation.Delegate, 0, (to-from)*DelegatesPerOrganization),
	}
	submitted := g.now.Add(-40 * 24 * time.Hour)
	decided := g.now.Add(-20 * 24 * time.Hour)
	for i := from; i < to; i++ {
		c := g.countries[i%len(g.countries)]
		arabic := i%3 == 0
		kind := i % len(orgKindsEN)
		o := membership.Organization{
			ID: uuid.NewString(), NameEN: fmt.Sprintf("%s %d", orgKindsEN[kind], i+1),
			Acronym: fmt.Sprintf("SYN%d", i+1), Country: c.Code, Region: c.Region, City: "Capital",
			Website: fmt.Sprintf("https://org%d.example.org", i+1), Email: fmt.Sprintf("contact%d-%s@example.org", i+1, g.run),
			Phone: fmt.Sprintf("+1 555 %07d", i+1), Areas: store.StringList{"anti-corruption"},
			UNCACChapters: store.StringList{"II"}, EcosocStatus: membership.EcosocSpecial,
			Version: 1, CreatedAt: g.now, UpdatedAt: g.now,
		}
		o.Name = o.NameEN
		if arabic {
			o.Name = fmt.Sprintf("%s %d", orgKindsAR[kind], i+1)
		}
		o.RefreshKeys()
		r := accreditation.Request{
			ID: uuid.NewString(), ConferenceID: g.conferenceID, OrganizationID: o.ID,
			State: accreditation.RequestAccredited, Version: 1, EcosocStatus: membership.EcosocSpecial,
			Motivation:  "Synthetic organisation for benchmarks and drills.",
			SubmittedAt: &submitted, DecidedAt: &decided, CreatedAt: submitted, UpdatedAt: decided,
		}
		b.orgs, b.requests = append(b.orgs, o), append(b.requests, r)
		for k := range DelegatesPerOrganization {
			n := i*DelegatesPerOrganization + k
			gi, fi := n%len(givenEN), (n/len(givenEN))%len(familyEN)
			d := accreditation.Delegate{
				ID: uuid.NewString(), AccreditationRequestID: r.ID, State: accreditation.DelegateConfirmed, Version: 1,
				GivenName: givenEN[gi], FamilyName: familyEN[fi], Title: titles[n%len(titles)],
				OrganizationRole: roles[n%len(roles)], Gender: "undisclosed", Nationality: c.Code,
				Email:     fmt.Sprintf("delegate%d-%s@example.org", n+1, g.run),
				CreatedAt: decided, UpdatedAt: decided,
			}
			if arabic {
				d.GivenNameOriginal, d.FamilyNameOriginal = givenAR[gi], familyAR[fi]
			}
			b.delegates = append(b.delegates, d)
		}
	}
	return b
}
