package testenv

import (
	"context"
	"regexp"

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

// UserID is the id of the account of email.
func (e *Env) UserID(email string) string {
	e.T.Helper()
	var id string
	if err := e.DB.Gorm.Table("users").Where("email = ?", email).Pluck("id", &id).Error; err != nil || id == "" {
		e.T.Fatalf("no account of %s: %v", email, err)
	}
	return id
}

var linkTokenRE = regexp.MustCompile(`token=([A-Za-z0-9_-]+)`)

// MailedToken is the token of the link in the newest message of template
// to userID: what the person would click.
func (e *Env) MailedToken(userID, template string) string {
	e.T.Helper()
	body := e.LatestMessage(userID, template).Body
	m := linkTokenRE.FindStringSubmatch(body)
	if m == nil {
		e.T.Fatalf("no token in the %s message:\n%s", template, body)
	}
	return m[1]
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
