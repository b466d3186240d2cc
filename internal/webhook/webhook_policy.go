package webhook

import (
	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
)

// Kind is the kind the webhook policy is registered under.
const Kind = "webhook"

// Policy: webhooks are the operator's (admin) alone. They carry every
// state change of every record to another system, so nobody else may list,
// add, remove or inspect them; a refusal is 403, since there is nothing of
// anyone else's to hide.
func Policy(actor accord.Actor, _ auth.Action, _ any) auth.Decision {
	if actor.Is(accord.RoleAdmin) {
		return auth.Allow
	}
	return auth.Deny
}
