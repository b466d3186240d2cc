package auth

import (
	"context"
	"net/url"
	"time"

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
		u, err := userToMail(tx, email)
		if err != nil || u == nil {
			return err
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
		u, err := s.setPasswordByLink(tx, token, PurposeResetPW, "password reset", password, now)
		if err != nil {
			return err
		}
		userID = u.ID
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

// setPasswordByLink uses up a mailed link's token and sets the password
// of its account, which the link proves the address of. A password the
// rules refuse rolls the transaction back, leaving the token usable.
func (s *Service) setPasswordByLink(tx *gorm.DB, token, purpose, what, password string, now time.Time) (*User, error) {
	userID, err := consumeUserToken(tx, token, purpose, what, now)
	if err != nil {
		return nil, err
	}
	u, err := userByID(tx, userID)
	if err != nil {
		return nil, err
	}
	var v accord.Validation
	checkPassword(&v, "password", password, u.Email)
	if err := v.Err(); err != nil {
		return nil, err
	}
	if err := s.storePassword(tx, u.ID, password); err != nil {
		return nil, err
	}
	return u, markVerified(tx, u.ID, now)
}

// userToMail finds the account a mailed link is asked for, or nil when
// there is none or it is disabled: the caller answers alike either way.
func userToMail(tx *gorm.DB, email string) (*User, error) {
	u, err := userByEmail(tx, email)
	switch {
	case accord.KindOf(err) == accord.KindNotFound:
		return nil, nil
	case err != nil:
		return nil, err
	case u.Disabled:
		return nil, nil
	}
	return u, nil
}
