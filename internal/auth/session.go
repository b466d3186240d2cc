package auth

import "time"

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
