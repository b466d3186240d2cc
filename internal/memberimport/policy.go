package memberimport

import (
	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
)

// KindImport is the kind of object this package registers a policy for.
const KindImport = "member_import"

// Actions beyond auth's read and create.
const (
	// ActionList is asking for the imports; obj is nil.
	ActionList auth.Action = "list"
	// ActionTransition is applying or discarding an import.
	ActionTransition auth.Action = "transition"
)

// ImportPolicy: importing a member list is the secretariat's alone
// (docs/api.md, Importing members). Everyone else is refused uploading and
// listing (403) and never learns that an import exists (404).
func ImportPolicy(actor accord.Actor, action auth.Action, _ any) auth.Decision {
	if actor.Is(accord.RoleSecretariat) {
		switch action {
		case auth.ActionCreate, auth.ActionRead, ActionList, ActionTransition:
			return auth.Allow
		}
		return auth.Deny
	}
	switch action {
	case auth.ActionCreate, ActionList:
		return auth.Deny
	}
	return auth.Hide
}
