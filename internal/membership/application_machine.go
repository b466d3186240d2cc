package membership

import (
	"context"
	"fmt"

	"github.com/accord-coalition/accord/internal/workflow"
)

// rule is what the service attaches to one event of a machine's table.
type rule struct {
	authorize func(context.Context, *workflow.Firing) error
	guard     func(context.Context, *workflow.Firing) error
	effect    func(context.Context, *workflow.Firing) error
}

// applicationMachine is ApplicationMachine's table with the rules of
// docs/domain.md attached, event by event, so it can be read beside the table
// there.
func (s *Service) applicationMachine() *workflow.Machine {
	return withRules(ApplicationMachine(), map[string]rule{
		"submit":       {authorize: byApplicant, guard: s.readyToSubmit, effect: s.afterSubmit},
		"claim":        {authorize: mayClaim, effect: s.afterClaim},
		"recuse":       {authorize: mayRecuse, effect: s.afterRecuse},
		"request_info": {authorize: byReviewer, effect: s.afterRequestInfo},
		"respond":      {authorize: byApplicant, effect: s.afterRespond},
		"approve":      {authorize: byReviewer, guard: notYetMember, effect: s.afterApproval},
		"reject":       {authorize: byReviewer, effect: s.afterReject},
		"appeal":       {authorize: byApplicant, guard: mayAppeal, effect: s.afterAppeal},
		"overturn":     {authorize: byAppealJudge, guard: notYetMember, effect: s.afterApproval},
		"uphold":       {authorize: byAppealJudge, effect: s.afterDecision},
		"withdraw":     {authorize: byApplicant, effect: s.afterDecision},
		"expire":       {effect: s.afterDecision},
	})
}

// withRules attaches rules to every transition of m. An event of the table
// without a rule, or a rule for no event, is a programming error found at
// start.
func withRules(m *workflow.Machine, rules map[string]rule) *workflow.Machine {
	used := map[string]bool{}
	for i := range m.Transitions {
		t := &m.Transitions[i]
		r, ok := rules[t.Event]
		if !ok {
			panic(fmt.Sprintf("membership: machine %s: no rule for event %q", m.Name, t.Event))
		}
		used[t.Event] = true
		t.Authorize, t.Guard, t.Effect = r.authorize, r.guard, r.effect
	}
	for ev := range rules {
		if !used[ev] {
			panic(fmt.Sprintf("membership: machine %s: rule for unknown event %q", m.Name, ev))
		}
	}
	return m
}

// applicationOf is the application a firing is about.
func applicationOf(f *workflow.Firing) *Application { return f.Subject.Value.(*Application) }
