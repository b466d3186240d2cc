package auth

import (
	"fmt"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/store"
)

// Purposes of single-use user tokens.
const (
	PurposeVerifyEmail = "verify_email"
	PurposeInvitation  = "invitation"
	PurposeResetPW     = "password_reset"
)

const (
	verifyEmailTTL = 72 * time.Hour
	invitationTTL  = 7 * 24 * time.Hour
	// resetPasswordTTL is short: the link opens the account to whoever
	// reads the mail.
	resetPasswordTTL = time.Hour
)

// UserToken is a single-use link sent by mail: an email verification or an
// invitation. Only its hash is stored.
type UserToken struct {
	ID         string `gorm:"primaryKey"`
	UserID     string
	Purpose    string
	TokenHash  string
	CreatedAt  time.Time
	ExpiresAt  time.Time
	ConsumedAt *time.Time
}

// TableName is user_tokens.
func (UserToken) TableName() string { return "user_tokens" }

// insertUserToken stores a new token and returns the raw one for the link.
func insertUserToken(tx *gorm.DB, userID, purpose string, now time.Time, ttl time.Duration) (string, time.Time, error) {
	raw, hash := newOpaqueToken()
	ut := UserToken{
		ID: uuid.NewString(), UserID: userID, Purpose: purpose, TokenHash: hash,
		CreatedAt: now, ExpiresAt: now.Add(ttl),
	}
	if err := tx.Create(&ut).Error; err != nil {
		return "", time.Time{}, fmt.Errorf("store %s token: %w", purpose, err)
	}
	return raw, ut.ExpiresAt, nil
}

// consumeUserToken uses up the token raw of purpose and returns its user's
// id. Unknown and already used tokens are accord.NotFound(what); expired
// ones are invalid, so the person learns to ask for a new link. The guarded
// update makes a token usable once even when two requests race.
func consumeUserToken(tx *gorm.DB, raw, purpose, what string, now time.Time) (string, error) {
	var ut UserToken
	err := tx.Where("token_hash = ? AND purpose = ?", hashToken(raw), purpose).Take(&ut).Error
	switch {
	case store.IsNotFound(err):
		return "", accord.NotFound(what)
	case err != nil:
		return "", fmt.Errorf("look up %s token: %w", purpose, err)
	case ut.ConsumedAt != nil:
		return "", accord.NotFound(what)
	case !now.Before(ut.ExpiresAt):
		return "", accord.Invalid("the link has expired", accord.Field("token", "the "+what+" link has expired; ask for a new one"))
	}
	res := tx.Model(&UserToken{}).Where("id = ? AND consumed_at IS NULL", ut.ID).Update("consumed_at", now)
	if res.Error != nil {
		return "", fmt.Errorf("consume %s token: %w", purpose, res.Error)
	}
	if res.RowsAffected == 0 {
		return "", accord.NotFound(what)
	}
	return ut.UserID, nil
}

// mailPause is how soon after one link another of the same purpose may be
// mailed to the same account: asking again and again must not become a
// way to flood someone's mailbox.
const mailPause = 2 * time.Minute

// recentlyMailed reports whether a token of purpose was made for the user
// within mailPause before now.
func recentlyMailed(tx *gorm.DB, userID, purpose string, now time.Time) (bool, error) {
	var n int64
	err := tx.Model(&UserToken{}).Where("user_id = ? AND purpose = ? AND created_at > ?", userID, purpose, now.Add(-mailPause)).
		Count(&n).Error
	if err != nil {
		return false, fmt.Errorf("look up recent %s links: %w", purpose, err)
	}
	return n > 0, nil
}
