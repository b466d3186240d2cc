package membership

import (
	"context"
	"time"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
)

// ApplicationView is an application as its reader sees it: the workflow
// fields with the events the reader may fire now, its documents, the
// organisation it is for, its age, and — for reviewers only — the
// organisations that may be the same one registered twice.
type ApplicationView struct {
	Application
	AllowedEvents      []string    `json:"allowed_events"`
	Documents          []Document  `json:"documents"`
	OrganizationName   string      `json:"organization_name"`
	OrganizationNameEN string      `json:"organization_name_en"`
	Country            string      `json:"country"`
	AgeDays            int         `json:"age_days"` // since submission, or creation for a draft
	PossibleDuplicates []Duplicate `json:"possible_duplicates,omitempty"`
}

// applicationViews builds the views of apps for actor with a few queries
// for the whole page, whatever its length, except allowed_events, which
// the engine decides one application at a time.
func (s *Service) applicationViews(ctx context.Context, db *gorm.DB, actor accord.Actor, apps []Application) ([]ApplicationView, error) {
	ids := make([]string, len(apps))
	orgIDs := make([]string, len(apps))
	for i, a := range apps {
		ids[i], orgIDs[i] = a.ID, a.OrganizationID
	}
	orgs, err := organizationsByID(ctx, db, orgIDs)
	if err != nil {
		return nil, err
	}
	docs, err := documentsOf(ctx, db, ids)
	if err != nil {
		return nil, err
	}
	var dups map[string][]Duplicate
	if actor.Is(accord.RoleCoordinator, accord.RoleSecretariat) {
		if dups, err = findDuplicates(ctx, db, orgIDs); err != nil {
			return nil, err
		}
	}
	now := s.now()
	out := make([]ApplicationView, len(apps))
	for i := range apps {
		a := &apps[i]
		v := ApplicationView{
			Application:   *a,
			AllowedEvents: s.engine.Allowed(ctx, db, s.applications, actor, a.WorkflowSubject()),
			Documents:     docs[a.ID],
			AgeDays:       ageDays(a, now),
		}
		if v.Documents == nil {
			v.Documents = []Document{}
		}
		if o := orgs[a.OrganizationID]; o != nil {
			v.OrganizationName, v.OrganizationNameEN, v.Country = o.Name, o.NameEN, o.Country
		}
		if s.authz.Can(ctx, actor, KindApplication, ActionReview, a) {
			v.PossibleDuplicates = dups[a.OrganizationID]
		}
		out[i] = v
	}
	return out, nil
}

// applicationView is applicationViews for one application.
func (s *Service) applicationView(ctx context.Context, db *gorm.DB, actor accord.Actor, a *Application) (*ApplicationView, error) {
	vs, err := s.applicationViews(ctx, db, actor, []Application{*a})
	if err != nil {
		return nil, err
	}
	return &vs[0], nil
}

// ageDays is how long the application has waited, in whole days: since it
// was submitted, or since it was started while still a draft.
func ageDays(a *Application, now time.Time) int {
	from := a.CreatedAt
	if a.SubmittedAt != nil {
		from = *a.SubmittedAt
	}
	if now.Before(from) {
		return 0
	}
	return int(now.Sub(from) / (24 * time.Hour))
}
