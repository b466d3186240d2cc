package auth

import (
	"fmt"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"
)

// RefreshToken is one link of a refresh-token family. Each refresh rotates
// the presented token and issues the next link; a family starts at sign-in.
type RefreshToken struct {
	ID        string `gorm:"primaryKey"`
	FamilyID  string
	UserID    string
	TokenHash string
	CreatedAt time.Time
	ExpiresAt time.Time
	RotatedAt *time.Time
	RevokedAt *time.Time
}

// TableName is refresh_tokens.
func (RefreshToken) TableName() string { return "refresh_tokens" }

// insertRefreshToken stores a new link of family (a new family when empty)
// and returns the raw token for the client.
func insertRefreshToken(tx *gorm.DB, userID, family string, now time.Time, ttl time.Duration) (string, error) {
	if family == "" {
		family = uuid.NewString()
	}
	raw, hash := newOpaqueToken()
	rt := RefreshToken{
		ID: uuid.NewString(), FamilyID: family, UserID: userID, TokenHash: hash,
		CreatedAt: now, ExpiresAt: now.Add(ttl),
	}
	if err := tx.Create(&rt).Error; err != nil {
		return "", fmt.Errorf("store refresh token: %w", err)
	}
	return raw, nil
}

// refreshTokenByRaw finds the stored token for raw; nil when there is none.
func refreshTokenByRaw(tx *gorm.DB, raw string) (*RefreshToken, error) {
	var rts []RefreshToken
	if err := tx.Where("token_hash = ?", hashToken(raw)).Limit(1).Find(&rts).Error; err != nil {
		return nil, fmt.Errorf("look up refresh token: %w", err)
	}
	if len(rts) == 0 {
		return nil, nil
	}
	return &rts[0], nil
}

// rotateRefreshToken marks rt rotated unless another request did so first;
// the guard in the WHERE clause is what lets only one of two concurrent
// refreshes of the same token win.
func rotateRefreshToken(tx *gorm.DB, id string, now time.Time) (bool, error) {
	res := tx.Model(&RefreshToken{}).
		Where("id = ? AND rotated_at IS NULL AND revoked_at IS NULL", id).
		Update("rotated_at", now)
	if res.Error != nil {
		return false, fmt.Errorf("rotate refresh token: %w", res.Error)
	}
	return res.RowsAffected == 1, nil
}

func revokeFamily(tx *gorm.DB, family string, now time.Time) error {
	err := tx.Model(&RefreshToken{}).
		Where("family_id = ? AND revoked_at IS NULL", family).
		Update("revoked_at", now).Error
	if err != nil {
		return fmt.Errorf("revoke refresh token family: %w", err)
	}
	return nil
}

func revokeUserTokens(tx *gorm.DB, userID string, now time.Time) error {
	err := tx.Model(&RefreshToken{}).
		Where("user_id = ? AND revoked_at IS NULL", userID).
		Update("revoked_at", now).Error
	if err != nil {
		return fmt.Errorf("revoke refresh tokens: %w", err)
	}
	return nil
}

// pruneRefreshTokens drops the user's expired tokens, which can neither be
// used nor betray reuse any more; run at sign-in so rows do not pile up.
func pruneRefreshTokens(tx *gorm.DB, userID string, now time.Time) error {
	if err := tx.Where("user_id = ? AND expires_at < ?", userID, now).Delete(&RefreshToken{}).Error; err != nil {
		return fmt.Errorf("prune refresh tokens: %w", err)
	}
	return nil
}
