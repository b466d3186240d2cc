package report_test

import (
	"slices"
	"testing"

	"github.com/accord-coalition/accord/internal/accreditation"
	"github.com/accord-coalition/accord/internal/membership"
	"github.com/accord-coalition/accord/internal/report"
	"github.com/accord-coalition/accord/internal/workflow"
)

// TestFilterStatesAreMachineStates keeps the states pages offer as
// filters to states the machines have: a state renamed in a machine
// fails here rather than leaving a filter that matches nothing.
func TestFilterStatesAreMachineStates(t *testing.T) {
	for list, m := range map[string]*workflow.Machine{
		report.ListAccredited:   accreditation.RequestMachine(),
		report.ListCirculation:  accreditation.RequestMachine(),
		report.ListParticipants: accreditation.DelegateMachine(),
		report.ListBadges:       accreditation.DelegateMachine(),
		report.ListMembers:      membership.MembershipMachine(),
	} {
		states := report.FilterStates(list)
		if len(states) == 0 {
			t.Errorf("%s: no states", list)
		}
		for _, s := range states {
			if !slices.Contains(m.States(), s) {
				t.Errorf("%s: %q is not a state of %s (%v)", list, s, m.Name, m.States())
			}
		}
	}
	if report.FilterStates("nothing") != nil {
		t.Error("a list that does not exist has states")
	}
}
