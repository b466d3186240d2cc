package testenv

import (
	"context"

	"github.com/accord-coalition/accord/internal/audit"
	"github.com/accord-coalition/accord/internal/notify"
)

// Messages returns the messages to userID, as the outbox holds them,
// oldest first.
func (e *Env) Messages(userID string) []notify.Message {
	e.T.Helper()
	var ms []notify.Message
	if err := e.DB.WithContext(context.Background()).Where("user_id = ?", userID).Order("created_at, id").Find(&ms).Error; err != nil {
		e.T.Fatalf("messages of %s: %v", userID, err)
	}
	return ms
}

// LatestMessage is the newest message of template to userID.
func (e *Env) LatestMessage(userID, template string) notify.Message {
	e.T.Helper()
	var m notify.Message
	err := e.DB.WithContext(context.Background()).
		Where("user_id = ? AND template = ?", userID, template).Order("created_at DESC").Take(&m).Error
	if err != nil {
		e.T.Fatalf("find %s message: %v", template, err)
	}
	return m
}

// AuditEvents returns the audit events of entityType and event, in the
// chain's order.
func (e *Env) AuditEvents(entityType, event string) []audit.Event {
	e.T.Helper()
	var evs []audit.Event
	if err := e.DB.WithContext(context.Background()).Where("entity_type = ? AND event = ?", entityType, event).
		Order("seq").Find(&evs).Error; err != nil {
		e.T.Fatal(err)
	}
	return evs
}
