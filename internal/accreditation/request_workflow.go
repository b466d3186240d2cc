package accreditation

import (
	"context"
	"fmt"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/workflow"
)

var (
	applicant   = []accord.Role{accord.RoleApplicant}
	secretariat = []accord.Role{accord.RoleSecretariat}
	stateParty  = []accord.Role{accord.RoleStateParty}
	system      = []accord.Role{accord.RoleSystem}
	// Every state before a final one (docs/domain.md: "every state before
	// accredited, denied, ineligible").
	withdrawable = []string{RequestDraft, RequestSubmitted, RequestChangesRequested, RequestScreened,
		RequestCirculated, RequestObjected, RequestReferred}
)

// WorkflowSubject implements workflow.Entity.
func (r *Request) WorkflowSubject() workflow.Subject {
	return workflow.Subject{ID: r.ID, State: r.State, Version: r.Version, Value: r}
}

// RequestMachine is the accreditation machine, row for row the table in
// docs/domain.md (rule 17 of the CoSP rules of procedure).
func RequestMachine() *workflow.Machine {
	return &workflow.Machine{
		Name:    "accreditation_request",
		Table:   "accreditation_requests",
		Initial: RequestDraft,
		Transitions: []workflow.Transition{
			{Event: "submit", From: []string{RequestDraft}, To: RequestSubmitted, Roles: applicant},
			{Event: "request_changes", From: []string{RequestSubmitted}, To: RequestChangesRequested, Roles: secretariat, CommentRequired: true},
			{Event: "resubmit", From: []string{RequestChangesRequested}, To: RequestSubmitted, Roles: applicant},
			{Event: "reject_ineligible", From: []string{RequestSubmitted}, To: RequestIneligible, Roles: secretariat, CommentRequired: true},
			{Event: "admit_ecosoc", From: []string{RequestSubmitted}, To: RequestAccredited, Roles: secretariat},
			{Event: "clear", From: []string{RequestSubmitted}, To: RequestScreened, Roles: secretariat},
			{Event: "circulate", From: []string{RequestScreened}, To: RequestCirculated, Roles: secretariat},
			{Event: "object", From: []string{RequestCirculated, RequestObjected}, To: RequestObjected, Roles: stateParty, CommentRequired: true},
			{Event: "withdraw_objection", From: []string{RequestObjected}, To: RequestObjected,
				Targets: []string{RequestCirculated, RequestObjected}, Resolve: afterObjectionWithdrawn, Roles: stateParty},
			{Event: "close_period", From: []string{RequestCirculated}, To: RequestAccredited, Roles: system},
			{Event: "close_period", From: []string{RequestObjected}, To: RequestReferred, Roles: system},
			{Event: "conference_admit", From: []string{RequestReferred}, To: RequestAccredited, Roles: secretariat, CommentRequired: true},
			{Event: "conference_deny", From: []string{RequestReferred}, To: RequestDenied, Roles: secretariat, CommentRequired: true},
			{Event: "withdraw", From: withdrawable, To: RequestWithdrawn, Roles: applicant},
			{Event: "revoke", From: []string{RequestAccredited}, To: RequestRevoked, Roles: secretariat, CommentRequired: true},
		},
		Deadlines: []workflow.Deadline{
			{Event: "close_period", From: []string{RequestCirculated, RequestObjected}, Column: "objection_deadline"},
		},
		Load: workflow.LoadEntity[Request]("accreditation request"),
	}
}

// WorkflowSubject implements workflow.Entity.
func (o *Objection) WorkflowSubject() workflow.Subject {
	return workflow.Subject{ID: o.ID, State: o.State, Version: o.Version, Value: o}
}

// ObjectionMachine is an objection's own life: withdrawn by its State, or
// marked by the Conference's decision on the request.
func ObjectionMachine() *workflow.Machine {
	return &workflow.Machine{
		Name:    "objection",
		Table:   "objections",
		Initial: ObjectionLive,
		Transitions: []workflow.Transition{
			{Event: "withdraw", From: []string{ObjectionLive}, To: ObjectionWithdrawn, Roles: stateParty},
			{Event: "sustain", From: []string{ObjectionLive}, To: ObjectionSustained, Roles: secretariat, CommentRequired: true},
			{Event: "overrule", From: []string{ObjectionLive}, To: ObjectionOverruled, Roles: secretariat, CommentRequired: true},
		},
		Load: workflow.LoadEntity[Objection]("objection"),
	}
}

// WorkflowSubject implements workflow.Entity.
func (d *Delegate) WorkflowSubject() workflow.Subject {
	return workflow.Subject{ID: d.ID, State: d.State, Version: d.Version, Value: d}
}

// DelegateMachine follows a delegate from nomination to the door.
func DelegateMachine() *workflow.Machine {
	live := []string{DelegateNominated, DelegateConfirmed, DelegateBadgeIssued}
	return &workflow.Machine{
		Name:    "delegate",
		Table:   "delegates",
		Initial: DelegateNominated,
		Transitions: []workflow.Transition{
			{Event: "confirm", From: []string{DelegateNominated}, To: DelegateConfirmed, Roles: secretariat},
			{Event: "issue_badge", From: []string{DelegateConfirmed}, To: DelegateBadgeIssued, Roles: secretariat},
			{Event: "check_in", From: []string{DelegateBadgeIssued}, To: DelegateCheckedIn, Roles: secretariat},
			{Event: "replace", From: live, To: DelegateReplaced, Roles: applicant},
			{Event: "cancel", From: live, To: DelegateCancelled, Roles: []accord.Role{accord.RoleApplicant, accord.RoleSecretariat}},
		},
		Load: workflow.LoadEntity[Delegate]("delegate"),
	}
}

// afterObjectionWithdrawn returns the request to circulated when no live
// objection remains. The objection itself is withdrawn first, in the same
// transaction, so it no longer counts.
func afterObjectionWithdrawn(ctx context.Context, f *workflow.Firing) (string, error) {
	var live int64
	err := f.Tx.WithContext(ctx).Model(&Objection{}).
		Where("accreditation_request_id = ? AND state = ?", f.Subject.ID, ObjectionLive).
		Count(&live).Error
	if err != nil {
		return "", fmt.Errorf("count live objections: %w", err)
	}
	if live == 0 {
		return RequestCirculated, nil
	}
	return RequestObjected, nil
}
