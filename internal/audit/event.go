package audit

import "time"

// Event is one entry of the audit log. FromState and ToState are empty for
// events that are not transitions, such as "export" or "user_created";
// ActorID is empty when the system acted.
type Event struct {
	Seq        int64          `gorm:"column:seq;primaryKey;autoIncrement:false" json:"seq"`
	Chain      int            `gorm:"column:chain" json:"chain"` // which of the chains it links into (AppendAll)
	ID         string         `gorm:"column:id" json:"id"`
	EntityType string         `gorm:"column:entity_type" json:"entity_type"`
	EntityID   string         `gorm:"column:entity_id" json:"entity_id"`
	Event      string         `gorm:"column:event" json:"event"`
	FromState  string         `gorm:"column:from_state" json:"from_state,omitempty"`
	ToState    string         `gorm:"column:to_state" json:"to_state,omitempty"`
	ActorID    string         `gorm:"column:actor_id" json:"actor_id,omitempty"`
	ActorRole  string         `gorm:"column:actor_role" json:"actor_role,omitempty"`
	Comment    string         `gorm:"column:comment" json:"comment,omitempty"`
	RequestID  string         `gorm:"column:request_id" json:"request_id,omitempty"`
	Data       map[string]any `gorm:"column:data;serializer:json" json:"data,omitempty"` // extra facts, such as an export's filters
	OccurredAt time.Time      `gorm:"column:occurred_at" json:"occurred_at"`
	PrevHash   string         `gorm:"column:prev_hash" json:"prev_hash"`
	Hash       string         `gorm:"column:hash" json:"hash"`
}

// TableName implements GORM's tabler.
func (Event) TableName() string { return "audit_events" }

// Models lists the package's GORM models.
func Models() []any { return []any{&Event{}} }

// genesisHash is the "previous hash" of a chain's first event; the
// migrations seed every head of audit_head with it.
const genesisHash = "0000000000000000000000000000000000000000000000000000000000000000"
