package notify

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"
)

// Recipient is whom a message is for. UserID may be empty for an address
// without an account (a State's focal point), Email may be empty for an
// account that is only told in its inbox. Locale is "ar", "en", "fr" or
// "es"; any other falls back to English.
type Recipient struct {
	UserID string
	Email  string
	Locale string
}

// Enqueue renders template for to and writes the message in tx, the
// caller's transaction, so that it exists if and only if the transition it
// reports commits. The worker mails it afterwards.
func Enqueue(ctx context.Context, tx *gorm.DB, to Recipient, template string, data map[string]any) error {
	if to.UserID == "" && to.Email == "" {
		return errors.New("enqueue message: recipient has neither an account nor an address")
	}
	var userID *string
	if to.UserID != "" {
		if _, err := uuid.Parse(to.UserID); err != nil {
			return fmt.Errorf("enqueue message: recipient user id %q: %w", to.UserID, err)
		}
		userID = &to.UserID
	}
	r, err := render(template, to.Locale, data)
	if err != nil {
		return fmt.Errorf("enqueue message: %w", err)
	}
	now := tx.NowFunc().UTC().Truncate(time.Microsecond)
	m := Message{
		ID:            uuid.NewString(),
		UserID:        userID,
		ToEmail:       to.Email,
		Locale:        r.Locale,
		Template:      template,
		Subject:       r.Subject,
		Body:          r.Body,
		CreatedAt:     now,
		Status:        StatusPending,
		NextAttemptAt: now,
	}
	if to.Email == "" {
		// Nothing to mail: the inbox is the only way this message is read.
		m.Status = StatusLogged
	}
	if err := tx.WithContext(ctx).Create(&m).Error; err != nil {
		return fmt.Errorf("enqueue message %s: %w", template, err)
	}
	return nil
}
