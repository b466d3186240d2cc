package app

import (
	"github.com/accord-coalition/accord/internal/accreditation"
	"github.com/accord-coalition/accord/internal/membership"
	"github.com/accord-coalition/accord/internal/workflow"
)

// Machines lists every state machine Accord runs, built from the same
// tables the engine fires; `accord workflows` draws them.
func Machines() []*workflow.Machine {
	return []*workflow.Machine{
		membership.ApplicationMachine(),
		membership.MembershipMachine(),
		accreditation.RequestMachine(),
		accreditation.ObjectionMachine(),
		accreditation.DelegateMachine(),
	}
}
