package accord

import "slices"

// Role is what a person may see and do (docs/domain.md, "People and roles").
type Role string

const (
	RoleApplicant   Role = "applicant"
	RoleCoordinator Role = "coordinator"
	RoleSecretariat Role = "secretariat"
	RoleStateParty  Role = "state_party"
	RoleAdmin       Role = "admin"
	// RoleSystem fires deadline transitions; no person holds it.
	RoleSystem Role = "system"
)

// Roles lists the roles a person can hold, in the order pages show them.
var Roles = []Role{RoleApplicant, RoleCoordinator, RoleSecretariat, RoleStateParty, RoleAdmin}

// Valid reports whether r is a role a person can hold.
func (r Role) Valid() bool { return slices.Contains(Roles, r) }

// Actor is the acting user handed to every service method. The zero Actor is
// the public: anyone, not signed in.
type Actor struct {
	UserID         string
	Role           Role
	Regions        []string // coordinator: the regions it covers
	OrganizationID string   // applicant: its organisation, if it has one yet
	Country        string   // state_party: the State it speaks for
	Locale         string
	RequestID      string // carried into audit events
}

// SystemActor is the actor that fires deadline transitions.
func SystemActor() Actor { return Actor{UserID: "", Role: RoleSystem} }

// Public reports whether the actor is not signed in.
func (a Actor) Public() bool { return a.Role == "" }

// Is reports whether the actor holds one of roles.
func (a Actor) Is(roles ...Role) bool { return slices.Contains(roles, a.Role) }

// CoversRegion reports whether a coordinator's regions include region.
func (a Actor) CoversRegion(region string) bool { return slices.Contains(a.Regions, region) }

// Staff reports whether the actor works for the coalition.
func (a Actor) Staff() bool { return a.Is(RoleCoordinator, RoleSecretariat, RoleAdmin) }
