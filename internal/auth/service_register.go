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
//
// Registering an address that already has an account looks exactly like
// registering a new one to the caller (docs/domain.md "Accounts"): the
// password is hashed all the same, the owner of the address is told by
// mail instead, and Register returns a nil user and no error.
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
	taken := false
	err = s.db.Transaction(ctx, func(tx *gorm.DB) error {
		owner, err := userByEmail(tx, email)
		switch {
		case err == nil:
			taken = true
			return s.sendAccountExists(ctx, tx, owner)
		case accord.KindOf(err) != accord.KindNotFound:
			return err
		}
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
	if taken {
		s.logger.InfoContext(ctx, "registration of a taken address; its owner was told")
		return nil, nil
	}
	s.logger.InfoContext(ctx, "user registered", "user_id", u.ID)
	return u, nil
}

// sendAccountExists tells the owner of an address that someone, perhaps
// they themselves, tried to register it again, and where to sign in or
// reset the password.
// Like the links, it is mailed at most once per mailPause.
func (s *Service) sendAccountExists(ctx context.Context, tx *gorm.DB, owner *User) error {
	var recent int64
	err := tx.Table("messages").Where("user_id = ? AND template = ? AND created_at > ?", owner.ID, "account_exists", s.now().Add(-mailPause)).
		Count(&recent).Error
	if err != nil {
		return fmt.Errorf("look up recent account_exists messages: %w", err)
	}
	if recent > 0 {
		return nil
	}
	return s.enqueue(ctx, tx, recipient(owner), "account_exists", map[string]any{
		"name":      owner.Name,
		"login_url": s.link("/login"),
		"reset_url": s.link("/password-reset"),
	})
}

// ResendVerification mails a new verification link to an account that has
// not verified its address yet. Whatever the address, it answers alike, so
// that nobody learns which addresses have accounts.
func (s *Service) ResendVerification(ctx context.Context, email string) error {
	email = NormalizeEmail(email)
	if !s.cfg.EmailVerification || email == "" {
		return nil
	}
	return wrap("resend verification", s.db.Transaction(ctx, func(tx *gorm.DB) error {
		u, err := userToMail(tx, email)
		if err != nil || u == nil {
			return err
		}
		if u.EmailVerifiedAt != nil || u.PasswordHash == "" {
			// Verified already, or invited (the invitation proves the
			// address): nothing to resend.
			return nil
		}
		if recent, err := recentlyMailed(tx, u.ID, PurposeVerifyEmail, s.now()); err != nil || recent {
			return err
		}
		return s.sendVerification(ctx, tx, u)
	}))
}

// VerifyByEmail marks an address verified without a link: for the
// operator's command line (`accord user verify`), which has no actor.
func (s *Service) VerifyByEmail(ctx context.Context, email string) (*User, error) {
	var u *User
	err := s.db.Transaction(ctx, func(tx *gorm.DB) error {
		var err error
		if u, err = userByEmail(tx, NormalizeEmail(email)); err != nil {
			return err
		}
		return markVerified(tx, u.ID, s.now())
	})
	if err != nil {
		return nil, wrap("verify user", err)
	}
	return u, nil
}

// VerifyUser marks a user's address verified on an admin's word, for a
// person whose mail does not arrive.
func (s *Service) VerifyUser(ctx context.Context, actor accord.Actor, userID string) error {
	if err := signedIn(actor); err != nil {
		return err
	}
	return wrap("verify user", s.db.Transaction(ctx, func(tx *gorm.DB) error {
		u, err := userByID(tx, userID)
		if err != nil {
			return err
		}
		if err := s.authz.Check(ctx, actor, KindUser, ActionRead, u); err != nil {
			return err
		}
		if err := s.authz.Check(ctx, actor, KindUser, ActionVerify, u); err != nil {
			return err
		}
		return markVerified(tx, u.ID, s.now())
	}))
}

// unverifiedLifetime is how long an account may wait for its address to be
// verified before it is removed and the address is free again.
const unverifiedLifetime = 7 * 24 * time.Hour

// ExpireUnverified removes the self-registered accounts that did not verify
// their address within seven days, freeing the address for its real owner.
// The server runs it with the deadline tick. With verification off no
// account is ever waiting, so none is removed.
func (s *Service) ExpireUnverified(ctx context.Context) (int, error) {
	if !s.cfg.EmailVerification {
		return 0, nil
	}
	res := s.db.WithContext(ctx).
		Where("email_verified_at IS NULL AND role = ? AND organization_id IS NULL AND created_at <= ?",
			accord.RoleApplicant, s.now().Add(-unverifiedLifetime)).
		Delete(&User{})
	if res.Error != nil {
		return 0, fmt.Errorf("remove unverified accounts: %w", res.Error)
	}
	if res.RowsAffected > 0 {
		s.logger.InfoContext(ctx, "unverified accounts removed", "count", res.RowsAffected)
	}
	return int(res.RowsAffected), nil
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
