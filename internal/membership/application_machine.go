package membership

import (
	"github.com/accord-coalition/accord/internal/workflow"
)

// applicationMachine is ApplicationMachine's table with the rules of
// docs/domain.md attached, event by event, so it can be read beside the table
// there.
func (s *Service) applicationMachine() *workflow.Machine {
	return workflow.WithRules(ApplicationMachine(), workflow.Rules{
		"submit":       {Authorize: byApplicant, Guard: s.readyToSubmit, Effect: s.afterSubmit},
		"claim":        {Authorize: mayClaim, Effect: s.afterClaim},
		"recuse":       {Authorize: mayRecuse, Effect: s.afterRecuse},
		"request_info": {Authorize: byReviewer, Effect: s.afterRequestInfo},
		"respond":      {Authorize: byApplicant, Effect: s.afterRespond},
		"approve":      {Authorize: byReviewer, Guard: notYetMember, Effect: s.afterApproval},
		"reject":       {Authorize: byReviewer, Effect: s.afterReject},
		"appeal":       {Authorize: byApplicant, Guard: mayAppeal, Effect: s.afterAppeal},
		"overturn":     {Authorize: byAppealJudge, Guard: notYetMember, Effect: s.afterApproval},
		"uphold":       {Authorize: byAppealJudge, Effect: s.afterDecision},
		"withdraw":     {Authorize: byApplicant, Effect: s.afterDecision},
		"expire":       {Effect: s.afterDecision},
	})
}

// applicationOf is the application a firing is about.
func applicationOf(f *workflow.Firing) *Application { return f.Subject.Value.(*Application) }
