package report

import (
	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/accreditation"
	"github.com/accord-coalition/accord/internal/auth"
)

// Kinds of object this package asks the Authorizer about.
const (
	KindExport     = "export"
	KindReport     = "report"
	KindVisaLetter = "visa_letter"
)

// ActionExport takes a list away; ActionGenerate writes a visa letter.
const (
	ActionExport   auth.Action = "export"
	ActionGenerate auth.Action = "generate"
)

// RegisterPolicies installs this package's policies with authz.
func RegisterPolicies(authz *auth.Authorizer) {
	authz.Register(KindExport, ExportPolicy)
	authz.Register(KindReport, ReportPolicy)
	authz.Register(KindVisaLetter, VisaLetterPolicy)
}

// ExportPolicy: exports are the secretariat's. Everyone else is refused
// outright (403), not hidden from (404): the exports exist for every
// conference, so refusing reveals nothing, and an applicant or a State
// party is told plainly that the lists are not theirs to take.
func ExportPolicy(actor accord.Actor, action auth.Action, _ any) auth.Decision {
	if action == ActionExport && actor.Is(accord.RoleSecretariat) {
		return auth.Allow
	}
	return auth.Deny
}

// ReportPolicy: the dashboard is the secretariat's.
func ReportPolicy(actor accord.Actor, action auth.Action, _ any) auth.Decision {
	if action == auth.ActionRead && actor.Is(accord.RoleSecretariat) {
		return auth.Allow
	}
	return auth.Deny
}

// VisaLetterPolicy: the secretariat writes a delegate's visa letter; it and
// the applicants of the delegate's organisation download it. Anyone else
// may not learn that the delegate exists. obj is the *accreditation.Request
// nominating the delegate.
func VisaLetterPolicy(actor accord.Actor, action auth.Action, obj any) auth.Decision {
	r, _ := obj.(*accreditation.Request)
	if r == nil {
		return auth.Hide
	}
	secretariat := actor.Is(accord.RoleSecretariat)
	own := actor.Is(accord.RoleApplicant) && actor.OrganizationID != "" && actor.OrganizationID == r.OrganizationID
	switch {
	case !secretariat && !own:
		return auth.Hide
	case action == auth.ActionRead:
		return auth.Allow
	case action == ActionGenerate && secretariat:
		return auth.Allow
	}
	return auth.Deny
}
