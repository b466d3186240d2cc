package membership

import (
	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/workflow"
)

var (
	applicant   = []accord.Role{accord.RoleApplicant}
	reviewers   = []accord.Role{accord.RoleCoordinator, accord.RoleSecretariat}
	secretariat = []accord.Role{accord.RoleSecretariat}
	system      = []accord.Role{accord.RoleSystem}
)

// ApplicationMachine is the membership application machine, row for row
// the table in docs/domain.md. Guards and effects that need the service's
// collaborators are attached by the service when it registers the
// machine.
func ApplicationMachine() *workflow.Machine {
	return &workflow.Machine{
		Name:    "membership_application",
		Table:   "membership_applications",
		Initial: AppDraft,
		Transitions: []workflow.Transition{
			{Event: "submit", From: []string{AppDraft}, To: AppSubmitted, Roles: applicant},
			{Event: "claim", From: []string{AppSubmitted}, To: AppUnderReview, Roles: reviewers, Internal: true},
			// "the reviewer or a coordinator of the region": the reviewer may
			// be the secretariat, if it claimed the application.
			{Event: "recuse", From: []string{AppSubmitted, AppUnderReview}, To: AppSubmitted, Roles: reviewers, CommentRequired: true, Internal: true},
			{Event: "request_info", From: []string{AppUnderReview}, To: AppInfoRequested, Roles: reviewers, CommentRequired: true},
			{Event: "respond", From: []string{AppInfoRequested}, To: AppUnderReview, Roles: applicant, CommentRequired: true},
			{Event: "approve", From: []string{AppUnderReview}, To: AppApproved, Roles: reviewers},
			{Event: "reject", From: []string{AppUnderReview}, To: AppRejected, Roles: reviewers, CommentRequired: true},
			{Event: "appeal", From: []string{AppRejected}, To: AppAppealed, Roles: applicant, CommentRequired: true},
			{Event: "overturn", From: []string{AppAppealed}, To: AppApproved, Roles: secretariat, CommentRequired: true},
			{Event: "uphold", From: []string{AppAppealed}, To: AppRejectedFinal, Roles: secretariat, CommentRequired: true},
			{Event: "withdraw", From: []string{AppDraft, AppSubmitted, AppUnderReview, AppInfoRequested}, To: AppWithdrawn, Roles: applicant},
			{Event: "expire", From: []string{AppInfoRequested}, To: AppExpired, Roles: system},
		},
		Deadlines: []workflow.Deadline{
			{Event: "expire", From: []string{AppInfoRequested}, Column: "response_deadline"},
		},
		Load: workflow.LoadEntity[Application]("membership application"),
	}
}

// MembershipMachine is the membership machine (docs/domain.md, Membership):
// suspension and reinstatement by the secretariat, resignation by the
// member, and the lapse when the yearly reconfirmation is missed.
func MembershipMachine() *workflow.Machine {
	return &workflow.Machine{
		Name:    "membership",
		Table:   "memberships",
		Initial: MembershipActive,
		Transitions: []workflow.Transition{
			{Event: "reconfirm", From: []string{MembershipActive, MembershipLapsed}, To: MembershipActive, Roles: applicant},
			{Event: "suspend", From: []string{MembershipActive}, To: MembershipSuspended, Roles: secretariat, CommentRequired: true},
			{Event: "reinstate", From: []string{MembershipSuspended}, To: MembershipActive, Roles: secretariat, CommentRequired: true},
			{Event: "terminate", From: []string{MembershipSuspended}, To: MembershipTerminated, Roles: secretariat, CommentRequired: true},
			{Event: "resign", From: []string{MembershipActive}, To: MembershipResigned, Roles: applicant},
			{Event: "lapse", From: []string{MembershipActive}, To: MembershipLapsed, Roles: system},
		},
		Deadlines: []workflow.Deadline{
			{Event: "lapse", From: []string{MembershipActive}, Column: "lapses_at"},
		},
		Load: workflow.LoadEntity[Membership]("membership"),
	}
}
