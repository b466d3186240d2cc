package membership

import "github.com/accord-coalition/accord/internal/workflow"

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
			Name: CollectionApplications, Machine: s.applications, Resource: workflow.Methods(s.GetApplication, s.FireApplication, s.ApplicationHistory),
			Doc: workflow.CollectionDoc{
				Tag:     "membership-applications",
				Summary: "Fire an event: 409 from a wrong state or a stale version, 403 for a role that may not, 422 when a guard refuses",
				View:    ApplicationView{}, ViewName: "MembershipApplication", Name: "application",
			},
		},
		{
			Name: CollectionMemberships, Machine: s.memberships, Resource: workflow.Methods(s.GetMembership, s.FireMembership, s.MembershipHistory),
			Doc: workflow.CollectionDoc{
				Tag:     "memberships",
				Summary: "Fire reconfirm, suspend, reinstate, terminate or resign",
				View:    MembershipView{}, ViewName: "Membership", Name: "membership",
			},
		},
	}
}
