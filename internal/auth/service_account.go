package auth

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
)

// Me returns the signed-in user.
func (s *Service) Me(ctx context.Context, actor accord.Actor) (*User, error) {
	if err := signedIn(actor); err != nil {
		return nil, err
	}
	u, err := userByID(s.db.WithContext(ctx), actor.UserID)
	if err != nil {
		return nil, wrap("me", err)
	}
	if err := s.authz.Check(ctx, actor, KindUser, ActionRead, u); err != nil {
		return nil, err
	}
	return u, nil
}

// SetLocale changes the language the actor's pages and mails use.
func (s *Service) SetLocale(ctx context.Context, actor accord.Actor, locale string) error {
	if err := signedIn(actor); err != nil {
		return err
	}
	locale = normalizeLocale(locale)
	var v accord.Validation
	checkLocale(&v, locale)
	if err := v.Err(); err != nil {
		return err
	}
	now := s.now()
	res := s.db.WithContext(ctx).Model(&User{}).Where("id = ?", actor.UserID).
		Updates(map[string]any{"locale": locale, "updated_at": now})
	if res.Error != nil {
		return fmt.Errorf("set locale: %w", res.Error)
	}
	if res.RowsAffected == 0 {
		return accord.NotFound(KindUser)
	}
	return nil
}

// ChangePassword replaces the actor's password after checking the current
// one, and ends every session (every refresh token) so that whoever may
// have learnt the old password is signed out. Wrong current passwords count
// towards the sign-in rate limit: a stolen access token must not become a
// way to guess the password.
func (s *Service) ChangePassword(ctx context.Context, actor accord.Actor, current, next string) error {
	if err := signedIn(actor); err != nil {
		return err
	}
	u, err := userByID(s.db.WithContext(ctx), actor.UserID)
	if err != nil {
		return wrap("change password", err)
	}
	now := s.now()
	held, err := s.limiter.reserve(ctx, u.Email, "", now)
	if err != nil {
		return err
	}
	if ok, _ := s.passwords.verify(u.PasswordHash, current); !ok {
		if err := s.limiter.failed(ctx, u.Email, now); err != nil {
			return err
		}
		return accord.Invalid("the request has invalid fields", accord.Field("current_password", "is not your current password"))
	}
	if err := s.limiter.succeeded(ctx, held); err != nil {
		return err
	}
	var v accord.Validation
	checkPassword(&v, "new_password", next, u.Email)
	v.Check(next != current, "new_password", "must differ from the current password")
	if err := v.Err(); err != nil {
		return err
	}
	return wrap("change password", s.db.Transaction(ctx, func(tx *gorm.DB) error {
		if err := s.storePassword(tx, u.ID, next); err != nil {
			return err
		}
		return endUserSessions(tx, u.ID, now)
	}))
}

// storePassword hashes password and stores it for the user.
func (s *Service) storePassword(tx *gorm.DB, userID, password string) error {
	hash, err := s.passwords.hash(password)
	if err != nil {
		return err
	}
	err = tx.Model(&User{}).Where("id = ?", userID).
		Updates(map[string]any{"password_hash": hash, "updated_at": s.now()}).Error
	if err != nil {
		return fmt.Errorf("store password: %w", err)
	}
	return nil
}
