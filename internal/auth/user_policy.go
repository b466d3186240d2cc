package auth

import "github.com/accord-coalition/accord/internal/accord"

// KindUser is the kind the user policy is registered under.
const KindUser = "user"

// ActionVerify marks a user's address verified without the mailed link.
const ActionVerify Action = "verify"

// UserPolicy: a user reads itself; admin and secretariat read users and
// create them, except that only an admin may create an admin. Anyone else
// may not learn that another user exists.
//
// Verifying an address on someone's word follows the same rule as creating
// its user.
//
// For ActionCreate obj is the *User about to be created.
func UserPolicy(actor accord.Actor, action Action, obj any) Decision {
	u, _ := obj.(*User)
	manager := actor.Is(accord.RoleAdmin, accord.RoleSecretariat)
	switch action {
	case ActionRead:
		if manager || (u != nil && actor.UserID != "" && u.ID == actor.UserID) {
			return Allow
		}
		return Hide
	case ActionCreate, ActionVerify:
		if actor.Is(accord.RoleAdmin) {
			return Allow
		}
		if actor.Is(accord.RoleSecretariat) && u != nil && u.Role != accord.RoleAdmin {
			return Allow
		}
		return Deny
	}
	return Deny
}
