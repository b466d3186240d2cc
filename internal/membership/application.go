package membership

import (
	"time"

	"github.com/accord-coalition/accord/internal/workflow"
)

// Membership application states (docs/domain.md, 1. Membership application).
const (
	AppDraft         = "draft"
	AppSubmitted     = "submitted"
	AppUnderReview   = "under_review"
	AppInfoRequested = "info_requested"
	AppApproved      = "approved"
	AppRejected      = "rejected"
	AppAppealed      = "appealed"
	AppRejectedFinal = "rejected_final"
	AppWithdrawn     = "withdrawn"
	AppExpired       = "expired"
)

// Application is an organisation's application to join the coalition.
type Application struct {
	ID               string     `json:"id" gorm:"primaryKey"`
	OrganizationID   string     `json:"organization_id"`
	State            string     `json:"state"`
	Version          int        `json:"version"`
	Region           string     `json:"region"`
	Motivation       string     `json:"motivation"`
	ReviewerID       *string    `json:"reviewer_id"`
	SubmittedAt      *time.Time `json:"submitted_at"`
	DecidedAt        *time.Time `json:"decided_at"`
	ResponseDeadline *time.Time `json:"response_deadline"`
	AppealDeadline   *time.Time `json:"appeal_deadline"`
	CreatedBy        *string    `json:"-"`
	CreatedAt        time.Time  `json:"created_at"`
	UpdatedAt        time.Time  `json:"updated_at"`
}

// TableName implements GORM's tabler.
func (Application) TableName() string { return "membership_applications" }

// WorkflowSubject implements workflow.Entity.
func (a *Application) WorkflowSubject() workflow.Subject {
	return workflow.Subject{ID: a.ID, State: a.State, Version: a.Version, Value: a}
}

// WorkflowSubject implements workflow.Entity.
func (m *Membership) WorkflowSubject() workflow.Subject {
	return workflow.Subject{ID: m.ID, State: m.State, Version: m.Version, Value: m}
}
