package membership

import (
	"context"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/workflow"
)

// The path segments of membership's workflows, in the API and on the web.
const (
	CollectionApplications = "membership-applications"
	CollectionMemberships  = "memberships"
)

// Collections returns membership's workflows as the transports serve them:
// applications and memberships, each with its transitions and history.
func (s *Service) Collections() []workflow.Collection {
	return []workflow.Collection{
		{
			Name: CollectionApplications, Machine: s.applications, Resource: applicationResource{s},
			Doc: workflow.CollectionDoc{
				Tag:     "membership-applications",
				Summary: "Fire an event: 409 from a wrong state or a stale version, 403 for a role that may not, 422 when a guard refuses",
				View:    ApplicationView{}, ViewName: "MembershipApplication", Name: "application",
			},
		},
		{
			Name: CollectionMemberships, Machine: s.memberships, Resource: membershipResource{s},
			Doc: workflow.CollectionDoc{
				Tag:     "memberships",
				Summary: "Fire reconfirm, suspend, reinstate, terminate or resign",
				View:    MembershipView{}, ViewName: "Membership", Name: "membership",
			},
		},
	}
}

// applicationResource serves membership applications as a workflow.Resource.
type applicationResource struct{ s *Service }

func (r applicationResource) View(ctx context.Context, actor accord.Actor, id string) (any, error) {
	return r.s.GetApplication(ctx, actor, id)
}

func (r applicationResource) Fire(ctx context.Context, actor accord.Actor, id string, in workflow.Body) (any, error) {
	return r.s.FireApplication(ctx, actor, id, in.Transition())
}

func (r applicationResource) History(ctx context.Context, actor accord.Actor, id string) ([]workflow.HistoryEntry, error) {
	return r.s.ApplicationHistory(ctx, actor, id)
}

// membershipResource serves memberships as a workflow.Resource.
type membershipResource struct{ s *Service }

func (r membershipResource) View(ctx context.Context, actor accord.Actor, id string) (any, error) {
	return r.s.GetMembership(ctx, actor, id)
}

func (r membershipResource) Fire(ctx context.Context, actor accord.Actor, id string, in workflow.Body) (any, error) {
	return r.s.FireMembership(ctx, actor, id, in.Transition())
}

func (r membershipResource) History(ctx context.Context, actor accord.Actor, id string) ([]workflow.HistoryEntry, error) {
	return r.s.MembershipHistory(ctx, actor, id)
}
