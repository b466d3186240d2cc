package webhook

import (
	"time"

	"github.com/accord-coalition/accord/internal/store"
)

// Delivery statuses.
const (
	StatusPending   = "pending"
	StatusDelivered = "delivered"
	StatusFailed    = "failed" // given up: retried for too long, or refused
)

// Webhook is one subscription. Its secret is kept sealed and never leaves
// the server again after creation: a receiver that lost it gets a new
// subscription.
type Webhook struct {
	ID           string           `json:"id" gorm:"primaryKey"`
	URL          string           `json:"url"`
	Events       store.StringList `json:"events"`
	SecretSealed []byte           `json:"-"`
	CreatedBy    string           `json:"created_by"`
	CreatedAt    time.Time        `json:"created_at"`
}

// TableName implements GORM's tabler.
func (Webhook) TableName() string { return "webhooks" }

// Delivery is one event on its way to one subscription. Its id is the
// Accord-Delivery header and the body's id, the same on every attempt, so
// a receiver can drop a delivery it has already processed.
type Delivery struct {
	ID            string     `json:"id" gorm:"primaryKey"`
	WebhookID     string     `json:"webhook_id"`
	Event         string     `json:"event"`
	ResourceType  string     `json:"resource_type"`
	ResourceID    string     `json:"resource_id"`
	Seq           int64      `json:"-"`
	Body          string     `json:"-"`
	CreatedAt     time.Time  `json:"created_at"`
	Status        string     `json:"status"`
	AttemptCount  int        `json:"attempt_count" gorm:"column:attempts"`
	NextAttemptAt time.Time  `json:"next_attempt_at"`
	DeliveredAt   *time.Time `json:"delivered_at"`
	LastStatus    int        `json:"last_status_code"`
	LastError     string     `json:"last_error"`
	// Attempts is the log of this delivery's attempts, oldest first.
	Attempts []Attempt `json:"attempts" gorm:"-"`
}

// TableName implements GORM's tabler.
func (Delivery) TableName() string { return "webhook_deliveries" }

// Attempt is one POST of a delivery and what came of it: the receiver's
// status code (0 when no answer came) and the error, if any.
type Attempt struct {
	ID          string    `json:"-" gorm:"primaryKey"`
	DeliveryID  string    `json:"-"`
	AttemptedAt time.Time `json:"attempted_at"`
	StatusCode  int       `json:"status_code"`
	Error       string    `json:"error"`
}

// TableName implements GORM's tabler.
func (Attempt) TableName() string { return "webhook_attempts" }

// Models lists the package's GORM models, for the schema test.
func Models() []any { return []any{&Webhook{}, &Delivery{}, &Attempt{}} }
