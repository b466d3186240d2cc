package memberimport

import (
	"context"
	"fmt"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/workflow"
)

// Events of the import machine.
const (
	EventApply   = "apply"
	EventDiscard = "discard"
)

// ImportMachine is an import's table: a preview is applied, once, or
// discarded. Applying while rows have errors is refused by its guard.
//
//	previewed --apply-->   applied     (secretariat)
//	previewed --discard--> discarded   (secretariat)
func ImportMachine() *workflow.Machine {
	secretariat := []accord.Role{accord.RoleSecretariat}
	return &workflow.Machine{
		Name:    KindImport,
		Table:   "member_imports",
		Initial: StatePreviewed,
		Transitions: []workflow.Transition{
			{From: []string{StatePreviewed}, Event: EventApply, To: StateApplied, Roles: secretariat},
			{From: []string{StatePreviewed}, Event: EventDiscard, To: StateDiscarded, Roles: secretariat},
		},
		Load: workflow.LoadEntity[Import]("member import"),
	}
}

// importMachine is ImportMachine's table with its rules attached.
func (s *Service) importMachine() *workflow.Machine {
	return workflow.WithRules(ImportMachine(), workflow.Rules{
		EventApply:   {Guard: withoutErrors, Effect: s.apply},
		EventDiscard: {},
	})
}

func importOf(f *workflow.Firing) *Import { return f.Subject.Value.(*Import) }

// withoutErrors refuses to apply a file while any row has an error: an
// import is all the rows or none, and a corrected file is a new upload.
func withoutErrors(_ context.Context, f *workflow.Firing) error {
	im := importOf(f)
	if n := len(im.Preview.Errors); n > 0 {
		return accord.Invalid(fmt.Sprintf("the file has %d errors in %d rows: correct them and upload the file again", n, im.RowCount-im.ValidCount),
			accord.Field("file", "rows with errors"))
	}
	return nil
}
