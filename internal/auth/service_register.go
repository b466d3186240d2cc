package auth

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/notify"
)

// RegisterInput is what a person gives to open an applicant account.
type RegisterInput struct {
	Email    string
	Password string
	Name     string
	Locale   string
}

// Register opens an applicant account. When email verification is on, it
// mails a verification link, and the account cannot sign in until it is
// followed.
func (s *Service) Register(ctx context.Context, in RegisterInput) (*User, error) {
	email := NormalizeEmail(in.Email)
	name := strings.TrimSpace(in.Name)
	locale := normalizeLocale(in.Locale)
	if err := CheckRegistration(in); err != nil {
		return nil, err
	}
	hash, err := s.passwords.hash(in.Password)
	if err != nil {
		return nil, err
	}
	now := s.now()
	u := &User{
		ID: uuid.NewString(), Email: email, Name: name, Role: accord.RoleApplicant, Locale: locale,
		Regions: []string{}, PasswordHash: hash, CreatedAt: now, UpdatedAt: now,
	}
	err = s.db.Transaction(ctx, func(tx *gorm.DB) error {
		if err := insertUser(tx, u); err != nil {
			return err
		}
		if !s.cfg.EmailVerification {
			return nil
		}
		return s.sendVerification(ctx, tx, u)
	})
	if err != nil {
		return nil, wrap("register", err)
	}
	s.logger.InfoContext(ctx, "user registered", "user_id", u.ID)
	return u, nil
}

// sendVerification mails u a link that verifies its address.
func (s *Service) sendVerification(ctx context.Context, tx *gorm.DB, u *User) error {
	raw, expires, err := insertUserToken(tx, u.ID, PurposeVerifyEmail, s.now(), verifyEmailTTL)
	if err != nil {
		return err
	}
	return s.enqueue(ctx, tx, recipient(u), "verify_email", map[string]any{
		"name":    u.Name,
		"url":     s.link("/verify-email?token=" + url.QueryEscape(raw)),
		"expires": expires.Format(mailTime),
	})
}

// VerifyEmail follows a verification link: the address is then verified.
func (s *Service) VerifyEmail(ctx context.Context, token string) error {
	return wrap("verify email", s.db.Transaction(ctx, func(tx *gorm.DB) error {
		now := s.now()
		userID, err := consumeUserToken(tx, token, PurposeVerifyEmail, "verification", now)
		if err != nil {
			return err
		}
		return markVerified(tx, userID, now)
	}))
}

// markVerified sets the verification time unless one is set already.
func markVerified(tx *gorm.DB, userID string, now time.Time) error {
	err := tx.Model(&User{}).Where("id = ? AND email_verified_at IS NULL", userID).
		Updates(map[string]any{"email_verified_at": now, "updated_at": now}).Error
	if err != nil {
		return fmt.Errorf("mark email verified: %w", err)
	}
	return nil
}

func recipient(u *User) notify.Recipient {
	return notify.Recipient{UserID: u.ID, Email: u.Email, Locale: u.Locale}
}
