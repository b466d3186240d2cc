package app

import (
	"github.com/accord-coalition/accord/internal/accreditation"
	"github.com/accord-coalition/accord/internal/membership"
	"github.com/accord-coalition/accord/internal/workflow"
)

// Machines lists the machines the engine runs: every service's, with the
// service's rules attached, and nothing else.
func (a *App) Machines() []*workflow.Machine {
	var ms []*workflow.Machine
	ms = append(ms, a.Membership.Machines()...)
	return append(ms, a.Accreditation.Machines()...)
}

// Tables lists every state machine's table, without rules, as `accord
// workflows` draws them with no database to open. A test checks that it
// names the same machines the engine runs.
func Tables() []*workflow.Machine {
	return []*workflow.Machine{
		membership.ApplicationMachine(),
		membership.MembershipMachine(),
		accreditation.RequestMachine(),
		accreditation.ObjectionMachine(),
		accreditation.DelegateMachine(),
	}
}
