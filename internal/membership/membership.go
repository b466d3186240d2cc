package membership

import "time"

// Membership states (docs/domain.md, Membership).
const (
	MembershipActive     = "active"
	MembershipSuspended  = "suspended"
	MembershipLapsed     = "lapsed"
	MembershipTerminated = "terminated"
	MembershipResigned   = "resigned"
)

// LapseGrace is how long after its anniversary a membership whose
// declarations were not reconfirmed stays active.
const LapseGrace = 30 * 24 * time.Hour

// Membership is an organisation's standing in the coalition. There is one
// per organisation; it moves between states rather than being replaced.
type Membership struct {
	ID             string     `json:"id" gorm:"primaryKey"`
	OrganizationID string     `json:"organization_id"`
	ApplicationID  *string    `json:"application_id"`
	State          string     `json:"state"`
	Version        int        `json:"version"`
	Since          time.Time  `json:"since"`
	RenewalDue     time.Time  `json:"renewal_due"`
	LapsesAt       time.Time  `json:"-"`
	ReconfirmedAt  *time.Time `json:"reconfirmed_at"`
	CreatedAt      time.Time  `json:"created_at"`
	UpdatedAt      time.Time  `json:"updated_at"`
}

// NewMembership starts an active membership at since, due for its first
// reconfirmation a year later.
func NewMembership(id, organizationID string, applicationID *string, since time.Time) Membership {
	due := since.AddDate(1, 0, 0)
	return Membership{
		ID: id, OrganizationID: organizationID, ApplicationID: applicationID,
		State: MembershipActive, Version: 1,
		Since: since, RenewalDue: due, LapsesAt: due.Add(LapseGrace),
		CreatedAt: since, UpdatedAt: since,
	}
}
