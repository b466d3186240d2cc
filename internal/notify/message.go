package notify

import "time"

// Status is where a message is on its way out.
type Status string

const (
	// StatusPending waits for the worker, or for its next attempt.
	StatusPending Status = "pending"
	// StatusSent was accepted by the SMTP server.
	StatusSent Status = "sent"
	// StatusLogged was not mailed, because no SMTP server is configured or
	// the recipient has no address; it is only in the log and the inbox.
	StatusLogged Status = "logged"
	// StatusFailed gave up after the last attempt or a permanent refusal.
	StatusFailed Status = "failed"
)

// Message is one rendered notification: a row of the outbox and an entry of
// its recipient's inbox.
type Message struct {
	ID            string     `gorm:"primaryKey" json:"id"`
	UserID        *string    `json:"-"`
	ToEmail       string     `json:"to_email"`
	Locale        string     `json:"locale"`
	Template      string     `json:"template"`
	Subject       string     `json:"subject"`
	Body          string     `json:"body"`
	CreatedAt     time.Time  `json:"created_at"`
	Status        Status     `json:"status"`
	Attempts      int        `json:"-"`
	NextAttemptAt time.Time  `json:"-"`
	SentAt        *time.Time `json:"sent_at"`
	LastError     string     `json:"-"` // may name the mail server's internals
	ReadAt        *time.Time `json:"read_at"`
}

// TableName is messages.
func (Message) TableName() string { return "messages" }

// Models lists the GORM models of the tables this package owns
// (migrations/*/00004_messages.sql).
func Models() []any { return []any{&Message{}} }
