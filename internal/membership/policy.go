package membership

import (
	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
)

// The kinds of object this package registers policies for.
const (
	KindOrganization = "organization"
	KindApplication  = "membership_application"
	KindMembership   = "membership"
)

// Actions of this package beyond auth's read, create and update.
const (
	// ActionList is asking for a collection; obj is nil.
	ActionList auth.Action = "list"
	// ActionTransition is firing an event; the machine then decides which.
	ActionTransition auth.Action = "transition"
	// ActionAttach is adding or removing an application's documents.
	ActionAttach auth.Action = "attach_document"
	// ActionReview is seeing what only reviewers see: internal notes,
	// internal events of the timeline, duplicate warnings; and writing notes.
	ActionReview auth.Action = "review"
)

// OrganizationPolicy: applicants see only their own organisation, staff
// see all (docs/domain.md, Organisation). An applicant creates its own; the
// secretariat creates any; a coordinator those of its regions. The profile
// is changed by its organisation and by the secretariat.
//
// obj is the *Organization; for ActionCreate it carries the derived region,
// and nil asks whether the role may create any at all.
func OrganizationPolicy(actor accord.Actor, action auth.Action, obj any) auth.Decision {
	o, _ := obj.(*Organization)
	own := o != nil && actor.OrganizationID != "" && o.ID == actor.OrganizationID
	switch action {
	case auth.ActionReadPublic:
		// The public scope is the directory: an active member's entry,
		// read by anyone, anonymous included (docs/api.md, Directory
		// entry). The profile itself, with its contacts, never is: the
		// public learns nothing of it, not even that it exists.
		switch obj.(type) {
		case nil, *DirectoryEntry:
			return auth.Allow
		}
		return auth.Hide
	case ActionList:
		if actor.Is(accord.RoleApplicant, accord.RoleCoordinator, accord.RoleSecretariat, accord.RoleAdmin) {
			return auth.Allow
		}
		return auth.Deny
	case auth.ActionRead:
		if actor.Is(accord.RoleCoordinator, accord.RoleSecretariat, accord.RoleAdmin) || (actor.Is(accord.RoleApplicant) && own) {
			return auth.Allow
		}
		return auth.Hide
	case auth.ActionCreate:
		switch {
		case actor.Is(accord.RoleApplicant, accord.RoleSecretariat):
			return auth.Allow
		case actor.Is(accord.RoleCoordinator) && (o == nil || actor.CoversRegion(o.Region)):
			return auth.Allow
		}
		return auth.Deny
	case auth.ActionUpdate:
		if actor.Is(accord.RoleSecretariat) || (actor.Is(accord.RoleApplicant) && own) {
			return auth.Allow
		}
		return auth.Deny
	case ActionReview:
		if actor.Is(accord.RoleCoordinator, accord.RoleSecretariat) {
			return auth.Allow
		}
		return auth.Deny
	}
	return auth.Deny
}

// ApplicationPolicy: the secretariat sees every application, a
// coordinator those of its regions, an applicant those of its own
// organisation; nobody else learns that one exists. Admins manage users,
// not workflows, and do not see applications either. Which events a
// visible application allows is the machine's business (transition
// Authorize and Guard).
//
// obj is the *Application; for ActionCreate nil asks whether the role may
// apply at all.
func ApplicationPolicy(actor accord.Actor, action auth.Action, obj any) auth.Decision {
	a, _ := obj.(*Application)
	visible := a != nil && applicationVisible(actor, a)
	switch action {
	case ActionList:
		if actor.Is(accord.RoleApplicant, accord.RoleCoordinator, accord.RoleSecretariat) {
			return auth.Allow
		}
		return auth.Deny
	case auth.ActionCreate:
		switch {
		case !actor.Is(accord.RoleApplicant):
			return auth.Deny
		case a == nil || (actor.OrganizationID != "" && a.OrganizationID == actor.OrganizationID):
			return auth.Allow
		}
		return auth.Hide
	}
	if !visible {
		return auth.Hide
	}
	if action == ActionAttach {
		if actor.Is(accord.RoleApplicant) {
			return auth.Allow
		}
		return auth.Deny
	}
	return visibleRecordDecision(actor, action)
}

// visibleRecordDecision is what an actor who may see an application or a
// membership may do with it: read it and ask to fire its events (the
// machine then decides which), and, as a reviewer, see and write what
// only reviewers do.
func visibleRecordDecision(actor accord.Actor, action auth.Action) auth.Decision {
	switch action {
	case auth.ActionRead, ActionTransition:
		return auth.Allow
	case ActionReview:
		if actor.Is(accord.RoleCoordinator, accord.RoleSecretariat) {
			return auth.Allow
		}
	}
	return auth.Deny
}

// applicationVisible: a draft is the applicant's work in progress, which
// the applicant is told nothing is sent of before submitting: staff do not
// see it, even by its address.
func applicationVisible(actor accord.Actor, a *Application) bool {
	switch actor.Role {
	case accord.RoleSecretariat:
		return a.State != AppDraft
	case accord.RoleCoordinator:
		return a.State != AppDraft && actor.CoversRegion(a.Region)
	case accord.RoleApplicant:
		return actor.OrganizationID != "" && actor.OrganizationID == a.OrganizationID
	}
	return false
}

// MembershipPolicy: the secretariat and admins see every membership, a
// coordinator those of its regions, an applicant its own organisation's.
// obj is the *MembershipView, which carries the organisation's region.
func MembershipPolicy(actor accord.Actor, action auth.Action, obj any) auth.Decision {
	m, _ := obj.(*MembershipView)
	if action == ActionList {
		if actor.Is(accord.RoleApplicant, accord.RoleCoordinator, accord.RoleSecretariat, accord.RoleAdmin) {
			return auth.Allow
		}
		return auth.Deny
	}
	visible := false
	if m != nil {
		switch actor.Role {
		case accord.RoleSecretariat, accord.RoleAdmin:
			visible = true
		case accord.RoleCoordinator:
			visible = actor.CoversRegion(m.Region)
		case accord.RoleApplicant:
			visible = actor.OrganizationID != "" && actor.OrganizationID == m.OrganizationID
		}
	}
	if !visible {
		return auth.Hide
	}
	return visibleRecordDecision(actor, action)
}
