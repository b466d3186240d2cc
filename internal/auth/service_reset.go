package auth

import (
	"context"
	"net/url"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
)

// RequestPasswordReset mails a one-time link, valid one hour, with which
// the owner of email chooses a new password. It answers alike whether or
// not the address has an account, so that nobody learns which do.
func (s *Service) RequestPasswordReset(ctx context.Context, email string) error {
	email = NormalizeEmail(email)
	if email == "" {
		return nil
	}
	return wrap("request password reset", s.db.Transaction(ctx, func(tx *gorm.DB) error {
		u, err := userByEmail(tx, email)
		switch {
		case accord.KindOf(err) == accord.KindNotFound:
			return nil
		case err != nil:
			return err
		case u.Disabled:
			return nil
		}
		if recent, err := recentlyMailed(tx, u.ID, PurposeResetPW, s.now()); err != nil || recent {
			return err
		}
		raw, expires, err := insertUserToken(tx, u.ID, PurposeResetPW, s.now(), resetPasswordTTL)
		if err != nil {
			return err
		}
		return s.enqueue(ctx, tx, recipient(u), "password_reset", map[string]any{
			"name":    u.Name,
			"url":     s.link("/password-reset/confirm?token=" + url.QueryEscape(raw)),
			"expires": expires.Format(mailTime),
		})
	}))
}

// ResetPassword uses up a reset link's token and sets password. The link
// proves the address, so the address counts as verified from then on, and
// every session of the account ends: whoever knew the old password is
// signed out. A password the rules refuse leaves the token usable.
func (s *Service) ResetPassword(ctx context.Context, token, password string) error {
	var userID string
	err := s.db.Transaction(ctx, func(tx *gorm.DB) error {
		now := s.now()
		var err error
		if userID, err = consumeUserToken(tx, token, PurposeResetPW, "password reset", now); err != nil {
			return err
		}
		u, err := userByID(tx, userID)
		if err != nil {
			return err
		}
		var v accord.Validation
		checkPassword(&v, "password", password, u.Email)
		if err := v.Err(); err != nil {
			return err
		}
		if err := s.storePassword(tx, u.ID, password); err != nil {
			return err
		}
		if err := markVerified(tx, u.ID, now); err != nil {
			return err
		}
		// The owner proved the address: guesses at the account no
		// longer hold them back.
		if err := s.limiter.forget(tx, u.Email); err != nil {
			return err
		}
		return endUserSessions(tx, u.ID, now)
	})
	if err != nil {
		return wrap("reset password", err)
	}
	s.logger.InfoContext(ctx, "password reset; every session ended", "user_id", userID)
	return nil
}
