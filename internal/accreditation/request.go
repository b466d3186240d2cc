package accreditation

import "time"

// Accreditation request states (docs/domain.md, 2. Conference accreditation).
const (
	RequestDraft            = "draft"
	RequestSubmitted        = "submitted"
	RequestChangesRequested = "changes_requested"
	RequestScreened         = "screened"
	RequestCirculated       = "circulated"
	RequestObjected         = "objected"
	RequestReferred         = "referred"
	RequestAccredited       = "accredited"
	RequestDenied           = "denied"
	RequestIneligible       = "ineligible"
	RequestWithdrawn        = "withdrawn"
	RequestRevoked          = "revoked"
)

// Request is an organisation's request to be accredited to a conference.
type Request struct {
	ID                string     `json:"id" gorm:"primaryKey"`
	ConferenceID      string     `json:"conference_id"`
	OrganizationID    string     `json:"organization_id"`
	State             string     `json:"state"`
	Version           int        `json:"version"`
	Motivation        string     `json:"motivation"`
	EcosocStatus      string     `json:"ecosoc_status"`
	CirculationID     *string    `json:"circulation_id"`
	CirculationNumber *int       `json:"circulation_number"`
	ObjectionDeadline *time.Time `json:"objection_deadline"`
	DecisionReference string     `json:"decision_reference"`
	SubmittedAt       *time.Time `json:"submitted_at"`
	DecidedAt         *time.Time `json:"decided_at"`
	CreatedBy         *string    `json:"-"`
	CreatedAt         time.Time  `json:"created_at"`
	UpdatedAt         time.Time  `json:"updated_at"`
}

// TableName implements GORM's tabler.
func (Request) TableName() string { return "accreditation_requests" }

// Circulation is one numbered list of screened requests sent to States
// parties, with the deadline for their objections.
type Circulation struct {
	ID                string    `json:"id" gorm:"primaryKey"`
	ConferenceID      string    `json:"conference_id"`
	Number            int       `json:"number"`
	CirculatedAt      time.Time `json:"circulated_at"`
	ObjectionDeadline time.Time `json:"objection_deadline"`
	Late              bool      `json:"late"`
	CreatedBy         *string   `json:"-"`
	CreatedAt         time.Time `json:"created_at"`
}

// Models lists the package's GORM models, for the schema agreement test.
func Models() []any {
	return []any{&Conference{}, &Request{}, &Circulation{}, &Objection{}, &Reply{}, &Delegate{}}
}
