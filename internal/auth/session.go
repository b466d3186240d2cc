package auth

import (
	"time"

	"gorm.io/gorm"
)

// Session is one sign-in. Its refresh-token family carries its id, and so
// does every access token issued in it; ending the session (sign-out,
// sign-out everywhere, a password change or reset) refuses them at once,
// on every server sharing the database.
type Session struct {
	ID        string `gorm:"primaryKey"`
	UserID    string
	CreatedAt time.Time
	EndedAt   *time.Time
}

// TableName is sessions.
func (Session) TableName() string { return "sessions" }

// endUserSessions ends every session of the user: its refresh tokens
// stop working.
func endUserSessions(tx *gorm.DB, userID string, now time.Time) error {
	return revokeUserTokens(tx, userID, now)
}
