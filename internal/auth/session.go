package auth

import (
	"fmt"
	"time"

	"github.com/google/uuid"
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

// startSession opens a session for the user and returns its id, which is
// also its refresh-token family.
func startSession(tx *gorm.DB, userID string, now time.Time) (string, error) {
	s := Session{ID: uuid.NewString(), UserID: userID, CreatedAt: now}
	if err := tx.Create(&s).Error; err != nil {
		return "", fmt.Errorf("start session: %w", err)
	}
	return s.ID, nil
}

// endSession ends one session: its access tokens are refused from now on
// and its refresh tokens revoked.
func endSession(tx *gorm.DB, sessionID string, now time.Time) error {
	err := tx.Model(&Session{}).Where("id = ? AND ended_at IS NULL", sessionID).Update("ended_at", now).Error
	if err != nil {
		return fmt.Errorf("end session: %w", err)
	}
	return revokeFamily(tx, sessionID, now)
}

// endUserSessions ends every session of the user.
func endUserSessions(tx *gorm.DB, userID string, now time.Time) error {
	err := tx.Model(&Session{}).Where("user_id = ? AND ended_at IS NULL", userID).Update("ended_at", now).Error
	if err != nil {
		return fmt.Errorf("end sessions: %w", err)
	}
	return revokeUserTokens(tx, userID, now)
}

// activeUser loads the user a token speaks for, provided its session is
// still open: one indexed lookup joined to the user's row, run on every
// authenticated request, so it must stay cheap (BenchmarkAuthenticate).
func activeUser(tx *gorm.DB, userID, sessionID string) (*User, error) {
	if uuid.Validate(userID) != nil || uuid.Validate(sessionID) != nil {
		return nil, errUnauthenticated()
	}
	u, err := findUser(tx, "id = ? AND EXISTS (SELECT 1 FROM sessions WHERE sessions.id = ? AND sessions.user_id = users.id AND sessions.ended_at IS NULL)",
		userID, sessionID)
	if err != nil {
		return nil, err
	}
	return u, nil
}
