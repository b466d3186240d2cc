package report

import (
	"context"
	"time"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
)

// The coalition's targets from its 2023–2026 strategy (docs/domain.md,
// Reports): member organisations in 100 countries and a presence in 150.
const (
	TargetCountriesWithMember = 100
	TargetCountriesInNetwork  = 150
)

// Dashboard is the secretariat's figures at one instant, read in one
// transaction so that they agree with each other.
type Dashboard struct {
	GeneratedAt    time.Time           `json:"generated_at"`
	Applications   ApplicationFigures  `json:"applications"`
	TimeToDecision DecisionTime        `json:"time_to_decision"`
	Conferences    []ConferenceFigures `json:"conferences"`
	Targets        Targets             `json:"targets"`
}

// ApplicationFigures counts membership applications by their current
// state, overall and per region.
type ApplicationFigures struct {
	Total int `json:"total"`
	// States are the states counted, in the machine's order: the columns
	// of the table by region.
	States   []string        `json:"states"`
	ByState  map[string]int  `json:"by_state"`
	ByRegion []RegionFigures `json:"by_region"`
}

// RegionFigures are one region's applications.
type RegionFigures struct {
	Region  string         `json:"region"`
	Name    string         `json:"name"` // in the requested language
	Total   int            `json:"total"`
	ByState map[string]int `json:"by_state"`
}

// DecisionTime is how long membership applications wait for their
// decision. See medianTimeToDecision for the definition.
type DecisionTime struct {
	// Decided is how many applications the median is taken over.
	Decided int `json:"decided"`
	// MedianSeconds and MedianDays are absent while nothing is decided.
	MedianSeconds *int64   `json:"median_seconds,omitempty"`
	MedianDays    *float64 `json:"median_days,omitempty"`
}

// ConferenceFigures are one conference's accreditation outcomes and
// objections.
type ConferenceFigures struct {
	ID       string      `json:"id"`
	Code     string      `json:"code"`
	Title    string      `json:"title"` // in the requested language
	StartsOn accord.Date `json:"starts_on"`
	// Requests counts the requests by their current state; drafts never
	// submitted are not requests to the Conference and are left out.
	Requests   int              `json:"requests"`
	ByState    map[string]int   `json:"by_state"`
	Outcomes   Outcomes         `json:"outcomes"`
	Objections ObjectionFigures `json:"objections"`
}

// Outcomes groups the requests' states into what became of them.
type Outcomes struct {
	Accredited int `json:"accredited"`
	Denied     int `json:"denied"`
	Ineligible int `json:"ineligible"`
	Withdrawn  int `json:"withdrawn"`
	Revoked    int `json:"revoked"`
	// Pending are the requests still on their way: submitted, returned
	// for changes, screened, circulated, objected or referred.
	Pending int `json:"pending"`
}

// ObjectionFigures counts a conference's objections by state, the
// requests objected to and the States that objected.
type ObjectionFigures struct {
	Total     int `json:"total"`
	Live      int `json:"live"`
	Withdrawn int `json:"withdrawn"`
	Sustained int `json:"sustained"`
	Overruled int `json:"overruled"`
	Requests  int `json:"requests"`
	States    int `json:"states"`
}

// Targets is the coalition's progress towards its strategy's targets.
type Targets struct {
	// MemberOrganizations are the organisations whose membership is
	// active.
	MemberOrganizations int `json:"member_organizations"`
	// CountriesWithMember counts the countries of those organisations.
	CountriesWithMember Target `json:"countries_with_member"`
	// CountriesInNetwork counts the countries of every organisation known
	// to Accord — members, applicants and organisations seeking
	// accreditation alike: the network's presence.
	CountriesInNetwork Target `json:"countries_in_network"`
}

// Target is a count and the number aimed at.
type Target struct {
	Count   int     `json:"count"`
	Target  int     `json:"target"`
	Percent float64 `json:"percent"` // of the target, at most 100
}

func newTarget(count, target int) Target {
	return Target{Count: count, Target: target, Percent: min(100, float64(count)*100/float64(target))}
}

// Dashboard computes the secretariat's dashboard, names in locale.
func (s *Service) Dashboard(ctx context.Context, actor accord.Actor, locale string) (*Dashboard, error) {
	if err := s.authz.Check(ctx, actor, KindReport, auth.ActionRead, nil); err != nil {
		return nil, err
	}
	locale = exportLocale(locale)
	d := &Dashboard{GeneratedAt: s.now()}
	// One read-only snapshot: the figures agree with each other, and the
	// page takes no write lock on SQLite.
	tx, err := s.snapshot(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	if d.Applications, err = applicationFigures(tx, locale); err != nil {
		return nil, wrap("dashboard", err)
	}
	if d.TimeToDecision, err = medianTimeToDecision(tx); err != nil {
		return nil, wrap("dashboard", err)
	}
	if d.Conferences, err = conferenceFigures(tx, locale); err != nil {
		return nil, wrap("dashboard", err)
	}
	if d.Targets, err = targets(tx); err != nil {
		return nil, wrap("dashboard", err)
	}
	return d, nil
}
