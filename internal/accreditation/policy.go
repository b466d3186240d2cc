package accreditation

import (
	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
)

// Kinds of object this package asks the Authorizer about.
const (
	KindConference  = "conference"
	KindRequest     = "accreditation_request"
	KindCirculation = "circulation"
	KindObjection   = "objection"
	KindDelegate    = "delegate"
	KindBadge       = "badge"
	KindCheckin     = "checkin"
)

// Actions of this package beyond auth's read/create/update. Workflow
// events are actions too: each is named after its event.
const (
	ActionList   auth.Action = "list"
	ActionReply  auth.Action = "reply"
	ActionBadge  auth.Action = "badge"
	ActionVerify auth.Action = "verify"
	// ActionPassport reads a delegate's passport number in clear, for the
	// secretariat's visa support letters.
	ActionPassport auth.Action = "passport"
)

// ObjectionAccess is what the objection policy decides on: the objection
// (nil while it is being lodged) and the request it concerns.
type ObjectionAccess struct {
	Objection *Objection
	Request   *Request
}

// DelegateAccess is what the delegate policy decides on: the delegate
// (nil while one is being nominated) and the request that nominates it.
type DelegateAccess struct {
	Delegate *Delegate
	Request  *Request
}

// RegisterPolicies installs this package's policies with authz.
func RegisterPolicies(authz *auth.Authorizer) {
	authz.Register(KindConference, ConferencePolicy)
	authz.Register(KindRequest, RequestPolicy)
	authz.Register(KindCirculation, CirculationPolicy)
	authz.Register(KindObjection, ObjectionPolicy)
	authz.Register(KindDelegate, DelegatePolicy)
	authz.Register(KindBadge, BadgePolicy)
	authz.Register(KindCheckin, CheckinPolicy)
}

// ConferencePolicy: a conference's public face — the list of conferences,
// each one, the organisations accredited to it and its transparency report
// — is the public scope, read by every actor, anonymous included
// (docs/api.md, Resources); the secretariat creates and changes them.
func ConferencePolicy(actor accord.Actor, action auth.Action, _ any) auth.Decision {
	switch {
	case action == auth.ActionReadPublic:
		return auth.Allow
	case actor.Is(accord.RoleSecretariat) && (action == auth.ActionCreate || action == auth.ActionUpdate):
		return auth.Allow
	}
	return auth.Deny
}

// ownsRequest reports whether actor is an applicant of r's organisation.
func ownsRequest(actor accord.Actor, r *Request) bool {
	return r != nil && actor.Is(accord.RoleApplicant) && actor.OrganizationID != "" &&
		actor.OrganizationID == r.OrganizationID
}

// seesRequest is who may learn that a request exists: the secretariat; the
// applicants of its organisation; and States parties once it has been on
// a list circulated to them — whatever became of it since, since they were
// consulted on it. Coordinators and admins take no part in accreditation.
func seesRequest(actor accord.Actor, r *Request) bool {
	switch {
	case r == nil:
		return false
	case actor.Is(accord.RoleSecretariat), ownsRequest(actor, r):
		return true
	case actor.Is(accord.RoleStateParty):
		return r.CirculationID != nil
	}
	return false
}

// RequestPolicy decides on accreditation requests. For ActionCreate obj is
// the request about to be created; for a workflow event, the request it
// fires on. obj is nil for ActionList.
func RequestPolicy(actor accord.Actor, action auth.Action, obj any) auth.Decision {
	r, _ := obj.(*Request)
	if actor.Is(accord.RoleSystem) {
		// The system only closes objection periods.
		return allowIf(action == "close_period")
	}
	if action == ActionList {
		if actor.Is(accord.RoleApplicant, accord.RoleSecretariat, accord.RoleStateParty) {
			return auth.Allow
		}
		return auth.Deny
	}
	if action == auth.ActionCreate {
		if ownsRequest(actor, r) {
			return auth.Allow
		}
		return auth.Deny
	}
	if !seesRequest(actor, r) {
		return auth.Hide
	}
	switch action {
	case auth.ActionRead:
		return auth.Allow
	case "submit", "resubmit", "withdraw":
		return allowIf(ownsRequest(actor, r))
	case "request_changes", "reject_ineligible", "admit_ecosoc", "clear", "circulate",
		"conference_admit", "conference_deny", "revoke":
		return allowIf(actor.Is(accord.RoleSecretariat))
	case "object", "withdraw_objection":
		// Which objection may be withdrawn is the objection policy's call.
		return allowIf(actor.Is(accord.RoleStateParty) && actor.Country != "")
	}
	return auth.Deny
}

// CirculationPolicy: the secretariat circulates; States parties and the
// secretariat read the circulated lists. obj is the *Conference.
func CirculationPolicy(actor accord.Actor, action auth.Action, _ any) auth.Decision {
	switch action {
	case auth.ActionCreate:
		return allowIf(actor.Is(accord.RoleSecretariat))
	case auth.ActionRead:
		return allowIf(actor.Is(accord.RoleSecretariat, accord.RoleStateParty))
	}
	return auth.Deny
}

// ObjectionPolicy: whoever sees the request sees its objections, their
// grounds, the objecting State and the replies (Accord's answer to the
// anonymous objection). A State party lodges objections in its own name and
// withdraws only its own; the NGO replies; the Conference's decision, which
// the secretariat records, sustains or overrules them. obj is an
// *ObjectionAccess.
func ObjectionPolicy(actor accord.Actor, action auth.Action, obj any) auth.Decision {
	a, _ := obj.(*ObjectionAccess)
	if a == nil || !seesRequest(actor, a.Request) {
		return auth.Hide
	}
	switch action {
	case auth.ActionRead:
		return auth.Allow
	case auth.ActionCreate:
		return allowIf(actor.Is(accord.RoleStateParty) && actor.Country != "")
	case "withdraw":
		return allowIf(actor.Is(accord.RoleStateParty) && a.Objection != nil && actor.Country == a.Objection.Country)
	case ActionReply:
		return allowIf(ownsRequest(actor, a.Request))
	case "sustain", "overrule":
		return allowIf(actor.Is(accord.RoleSecretariat))
	}
	return auth.Deny
}

// DelegatePolicy: delegates, with their personal data, are seen by their
// organisation's applicants and the secretariat only. obj is a
// *DelegateAccess.
func DelegatePolicy(actor accord.Actor, action auth.Action, obj any) auth.Decision {
	a, _ := obj.(*DelegateAccess)
	if a == nil || a.Request == nil {
		return auth.Hide
	}
	own := ownsRequest(actor, a.Request)
	secretariat := actor.Is(accord.RoleSecretariat)
	if !own && !secretariat {
		return auth.Hide
	}
	switch action {
	case auth.ActionRead, ActionBadge:
		return auth.Allow
	case auth.ActionCreate, "replace":
		return allowIf(own)
	case "cancel":
		return auth.Allow
	case "confirm", "issue_badge", "check_in", ActionPassport:
		return allowIf(secretariat)
	}
	return auth.Deny
}

// BadgePolicy: anyone may ask whether a badge is valid.
func BadgePolicy(_ accord.Actor, action auth.Action, _ any) auth.Decision {
	return allowIf(action == ActionVerify)
}

// CheckinPolicy: only the secretariat scans badges at the door.
func CheckinPolicy(actor accord.Actor, action auth.Action, _ any) auth.Decision {
	return allowIf(action == auth.ActionCreate && actor.Is(accord.RoleSecretariat))
}

func allowIf(ok bool) auth.Decision {
	if ok {
		return auth.Allow
	}
	return auth.Deny
}
