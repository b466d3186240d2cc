package auth

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/store"
)

// SignInResult is a token pair, or, for an account with two-step sign-in
// on, the challenge of the second step.
type SignInResult struct {
	Pair *TokenPair
	MFA  *MFARequired
}

// MFARequired is the answer to a right password of an account with
// two-step sign-in on (docs/api.md "Accounts").
type MFARequired struct {
	MFARequired bool     `json:"mfa_required"`
	MFAToken    string   `json:"mfa_token"`
	Methods     []string `json:"methods"`
}

// TOTPEnrolment is what an authenticator app needs: the secret, and the
// otpauth:// URL a QR code carries.
type TOTPEnrolment struct {
	Secret     string `json:"secret"`
	OtpauthURL string `json:"otpauth_url"`
}

// mfaThrottleKey keeps codes' counters apart from passwords' while using
// the same throttle: an email has no colon before its @, "2fa:" cannot
// collide with one.
func mfaThrottleKey(email string) string { return "2fa:" + email }

var (
	errWrongCode = errors.New("wrong code")
	errNoTOTP    = errors.New("no totp")
)

func wrongCode() error {
	return accord.Invalid("the request has invalid fields", accord.Field("code", "is not a valid code"))
}

// challenge returns the second step for a user with two-step sign-in on,
// or nil. A stale password hash is rehashed here, since the password is
// at hand only now.
func (s *Service) challenge(ctx context.Context, u *User, stale bool, password string) (*MFARequired, error) {
	totpOn, passkeys, err := s.secondFactors(s.db.WithContext(ctx), u.ID)
	if err != nil || (!totpOn && !passkeys) {
		return nil, err
	}
	var methods []string
	if totpOn {
		methods = append(methods, "totp")
	}
	if passkeys {
		methods = append(methods, "webauthn")
	}
	methods = append(methods, "recovery")
	now := s.now()
	id := uuid.NewString()
	raw, err := s.access.issueMFA(u.ID, id, now.Add(mfaChallengeTTL))
	if err != nil {
		return nil, err
	}
	err = s.db.Transaction(ctx, func(tx *gorm.DB) error {
		if stale {
			if err := s.storePassword(tx, u.ID, password); err != nil {
				return err
			}
		}
		if err := tx.Where("expires_at <= ?", now).Delete(&MFAChallenge{}).Error; err != nil {
			return fmt.Errorf("prune sign-in challenges: %w", err)
		}
		c := MFAChallenge{ID: id, UserID: u.ID, TokenHash: hashToken(raw), CreatedAt: now, ExpiresAt: now.Add(mfaChallengeTTL)}
		if err := tx.Create(&c).Error; err != nil {
			return fmt.Errorf("store sign-in challenge: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("login: %w", err)
	}
	return &MFARequired{MFARequired: true, MFAToken: raw, Methods: methods}, nil
}

// secondFactors reports whether the user has a confirmed authenticator
// app and whether they have a passkey: either turns two-step sign-in on.
func (s *Service) secondFactors(db *gorm.DB, userID string) (totpOn, passkeys bool, err error) {
	if totpOn, err = s.totpOn(db, userID); err != nil {
		return false, false, err
	}
	var n int64
	if err := db.Model(&Passkey{}).Where("user_id = ?", userID).Count(&n).Error; err != nil {
		return false, false, fmt.Errorf("look up passkeys: %w", err)
	}
	return totpOn, n > 0, nil
}

// secondFactorOn reports whether two-step sign-in is on: a confirmed
// authenticator app or a passkey.
func (s *Service) secondFactorOn(db *gorm.DB, userID string) (bool, error) {
	totpOn, passkeys, err := s.secondFactors(db, userID)
	return totpOn || passkeys, err
}

// TOTPEnabled reports whether the user has confirmed an authenticator.
func (s *Service) TOTPEnabled(ctx context.Context, userID string) (bool, error) {
	return s.totpOn(s.db.WithContext(ctx), userID)
}

func (s *Service) totpOn(db *gorm.DB, userID string) (bool, error) {
	var n int64
	if err := db.Model(&UserTOTP{}).Where("user_id = ? AND confirmed_at IS NOT NULL", userID).Count(&n).Error; err != nil {
		return false, fmt.Errorf("look up two-step sign-in: %w", err)
	}
	return n > 0, nil
}

// LoginMFA completes a sign-in with the challenge token from SignIn and a
// code from the authenticator or a recovery code. The token is signed and
// names its user and challenge; the challenge's row, which only its hash
// finds, makes it single use: it is used up only by a right code. Wrong
// codes count towards the same throttle as passwords, per account and
// address.
func (s *Service) LoginMFA(ctx context.Context, mfaToken, code, clientAddr string) (TokenPair, error) {
	now := s.now()
	c, u, err := s.openChallenge(ctx, mfaToken, now)
	if err != nil {
		return TokenPair{}, err
	}
	held, err := s.limiter.reserve(ctx, mfaThrottleKey(u.Email), clientAddr, now)
	if err != nil {
		return TokenPair{}, err
	}
	var pair TokenPair
	err = s.db.Transaction(ctx, func(tx *gorm.DB) error {
		if err := s.useSecondFactor(tx, u.ID, code, now); err != nil {
			return err
		}
		res := tx.Model(&MFAChallenge{}).Where("id = ? AND consumed_at IS NULL", c.ID).Update("consumed_at", now)
		if res.Error != nil {
			return fmt.Errorf("use sign-in challenge: %w", res.Error)
		}
		if res.RowsAffected == 0 {
			return errUnauthenticated()
		}
		if err := pruneRefreshTokens(tx, u.ID, now); err != nil {
			return err
		}
		pair, err = s.issuePair(tx, u, "")
		return err
	})
	if errors.Is(err, errWrongCode) || errors.Is(err, errNoTOTP) {
		if err := s.limiter.failed(ctx, mfaThrottleKey(u.Email), now); err != nil {
			return TokenPair{}, err
		}
		s.logger.InfoContext(ctx, "second sign-in step failed", "user_id", u.ID, "addr", clientAddr)
		return TokenPair{}, accord.Errorf(accord.KindUnauthenticated, "wrong code")
	}
	if err != nil {
		return TokenPair{}, wrap("login", err)
	}
	if err := s.limiter.succeeded(ctx, held); err != nil {
		return TokenPair{}, err
	}
	s.logger.InfoContext(ctx, "signed in", "user_id", u.ID, "second_step", true)
	return pair, nil
}

// openChallenge finds the open second step a sign-in's mfa_token names,
// and its user: the token must be signed, name its challenge's row (found
// by the token's hash), and that row be neither used nor expired.
func (s *Service) openChallenge(ctx context.Context, mfaToken string, now time.Time) (*MFAChallenge, *User, error) {
	userID, challengeID, err := s.access.verifyMFA(mfaToken)
	if err != nil {
		s.logger.DebugContext(ctx, "mfa token refused", "reason", err.Error())
		return nil, nil, errUnauthenticated()
	}
	db := s.db.WithContext(ctx)
	var c MFAChallenge
	err = db.Where("token_hash = ?", hashToken(mfaToken)).Take(&c).Error
	switch {
	case store.IsNotFound(err):
		return nil, nil, errUnauthenticated()
	case err != nil:
		return nil, nil, fmt.Errorf("look up sign-in challenge: %w", err)
	case c.ID != challengeID || c.UserID != userID || c.ConsumedAt != nil || !now.Before(c.ExpiresAt):
		return nil, nil, errUnauthenticated()
	}
	u, err := userByID(db, c.UserID)
	if err != nil {
		return nil, nil, wrap("login", err)
	}
	if u.Disabled {
		return nil, nil, errUnauthenticated()
	}
	return &c, u, nil
}

// useSecondFactor accepts a TOTP code of a step later than the last one
// accepted, or an unused recovery code, and uses it up; anything else is
// errWrongCode. The guarded updates make each code count once even when
// two requests race. An account whose second factor is a passkey alone
// has recovery codes too; without any second factor it is errNoTOTP.
func (s *Service) useSecondFactor(tx *gorm.DB, userID, code string, now time.Time) error {
	totpOn, passkeys, err := s.secondFactors(tx, userID)
	if err != nil {
		return err
	}
	if !totpOn && !passkeys {
		return errNoTOTP
	}
	if totpOn {
		var row UserTOTP
		if err := tx.Where("user_id = ? AND confirmed_at IS NOT NULL", userID).Take(&row).Error; err != nil {
			return fmt.Errorf("look up two-step sign-in: %w", err)
		}
		secret, err := s.totp.open(userID, row.SecretBox)
		if err != nil {
			return err
		}
		if step := matchStep(secret, code, now); step > 0 {
			res := tx.Model(&UserTOTP{}).Where("user_id = ? AND last_step < ?", userID, step).Update("last_step", step)
			if res.Error != nil {
				return fmt.Errorf("use totp code: %w", res.Error)
			}
			if res.RowsAffected == 0 {
				return errWrongCode // replayed
			}
			return nil
		}
	}
	rc := normalizeRecoveryCode(code)
	if rc == "" {
		return errWrongCode
	}
	res := tx.Model(&RecoveryCode{}).Where("user_id = ? AND code_hash = ? AND used_at IS NULL", userID, hashToken(rc)).
		Update("used_at", now)
	if res.Error != nil {
		return fmt.Errorf("use recovery code: %w", res.Error)
	}
	if res.RowsAffected == 0 {
		return errWrongCode
	}
	return nil
}

// EnrolTOTP starts (or restarts) enrolment: a fresh secret, pending until
// ConfirmTOTP sees a code made with it.
func (s *Service) EnrolTOTP(ctx context.Context, actor accord.Actor) (TOTPEnrolment, error) {
	if err := signedIn(actor); err != nil {
		return TOTPEnrolment{}, err
	}
	u, err := userByID(s.db.WithContext(ctx), actor.UserID)
	if err != nil {
		return TOTPEnrolment{}, wrap("enrol totp", err)
	}
	key, err := newTOTPKey(u.Email)
	if err != nil {
		return TOTPEnrolment{}, err
	}
	now := s.now()
	// One statement, so that two enrolments at once cannot both insert:
	// a pending secret is replaced, a confirmed one left alone.
	res := s.db.WithContext(ctx).Exec(`INSERT INTO user_totp (user_id, secret_box, created_at, last_step) VALUES (?, ?, ?, 0)
ON CONFLICT (user_id) DO UPDATE SET secret_box = excluded.secret_box, created_at = excluded.created_at, last_step = 0
WHERE user_totp.confirmed_at IS NULL`, u.ID, s.totp.seal(u.ID, key.Secret()), now)
	if res.Error != nil {
		return TOTPEnrolment{}, fmt.Errorf("store totp secret: %w", res.Error)
	}
	if res.RowsAffected == 0 {
		return TOTPEnrolment{}, accord.Conflict("two-step sign-in is already on; turn it off first")
	}
	return TOTPEnrolment{Secret: key.Secret(), OtpauthURL: key.URL()}, nil
}

// PendingTOTP returns the secret of an enrolment not yet confirmed, for
// the account page to show again; ok is false when there is none.
func (s *Service) PendingTOTP(ctx context.Context, actor accord.Actor) (e TOTPEnrolment, ok bool, err error) {
	if err := signedIn(actor); err != nil {
		return e, false, err
	}
	db := s.db.WithContext(ctx)
	var rows []UserTOTP
	if err := db.Where("user_id = ? AND confirmed_at IS NULL", actor.UserID).Limit(1).Find(&rows).Error; err != nil {
		return e, false, fmt.Errorf("look up pending enrolment: %w", err)
	}
	if len(rows) == 0 {
		return e, false, nil
	}
	u, err := userByID(db, actor.UserID)
	if err != nil {
		return e, false, wrap("pending totp", err)
	}
	secret, err := s.totp.open(u.ID, rows[0].SecretBox)
	if err != nil {
		return e, false, err
	}
	return TOTPEnrolment{Secret: secret, OtpauthURL: otpauthURL(u.Email, secret)}, true, nil
}

// ConfirmTOTP turns two-step sign-in on once code shows the authenticator
// holds the pending secret, and returns ten recovery codes: shown now,
// stored only hashed. Wrong codes are throttled like passwords.
func (s *Service) ConfirmTOTP(ctx context.Context, actor accord.Actor, code string) ([]string, error) {
	if err := signedIn(actor); err != nil {
		return nil, err
	}
	db := s.db.WithContext(ctx)
	u, err := userByID(db, actor.UserID)
	if err != nil {
		return nil, wrap("confirm totp", err)
	}
	now := s.now()
	var rows []UserTOTP
	if err := db.Where("user_id = ?", u.ID).Limit(1).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("look up enrolment: %w", err)
	}
	if len(rows) == 0 {
		return nil, accord.Conflict("start enrolment first")
	}
	if rows[0].ConfirmedAt != nil {
		return nil, accord.Conflict("two-step sign-in is already on")
	}
	held, err := s.limiter.reserve(ctx, mfaThrottleKey(u.Email), "", now)
	if err != nil {
		return nil, err
	}
	secret, err := s.totp.open(u.ID, rows[0].SecretBox)
	if err != nil {
		return nil, err
	}
	step := matchStep(secret, code, now)
	if step == 0 {
		if err := s.limiter.failed(ctx, mfaThrottleKey(u.Email), now); err != nil {
			return nil, err
		}
		return nil, wrongCode()
	}
	if err := s.limiter.succeeded(ctx, held); err != nil {
		return nil, err
	}
	var codes []string
	err = s.db.Transaction(ctx, func(tx *gorm.DB) error {
		res := tx.Model(&UserTOTP{}).Where("user_id = ? AND confirmed_at IS NULL", u.ID).
			Updates(map[string]any{"confirmed_at": now, "last_step": step})
		if res.Error != nil {
			return fmt.Errorf("confirm totp: %w", res.Error)
		}
		if res.RowsAffected == 0 {
			return accord.Conflict("two-step sign-in is already on")
		}
		codes, err = replaceRecoveryCodes(tx, u.ID)
		return err
	})
	if err != nil {
		return nil, wrap("confirm totp", err)
	}
	s.logger.InfoContext(ctx, "two-step sign-in turned on", "user_id", u.ID)
	return codes, nil
}

// DisableTOTP turns two-step sign-in off, given a current code or a
// recovery code; wrong codes are throttled like passwords.
func (s *Service) DisableTOTP(ctx context.Context, actor accord.Actor, code string) error {
	if err := signedIn(actor); err != nil {
		return err
	}
	db := s.db.WithContext(ctx)
	u, err := userByID(db, actor.UserID)
	if err != nil {
		return wrap("disable totp", err)
	}
	on, err := s.totpOn(db, u.ID)
	if err != nil {
		return err
	}
	if !on {
		return accord.Conflict("two-step sign-in is not on")
	}
	now := s.now()
	held, err := s.limiter.reserve(ctx, mfaThrottleKey(u.Email), "", now)
	if err != nil {
		return err
	}
	err = s.db.Transaction(ctx, func(tx *gorm.DB) error {
		if err := s.useSecondFactor(tx, u.ID, code, now); err != nil {
			return err
		}
		if err := tx.Where("user_id = ?", u.ID).Delete(&UserTOTP{}).Error; err != nil {
			return fmt.Errorf("drop totp: %w", err)
		}
		// The recovery codes stand in for the second factor as a whole:
		// they go with the last one.
		return dropRecoveryCodesIfLast(tx, u.ID)
	})
	if errors.Is(err, errWrongCode) || errors.Is(err, errNoTOTP) {
		if err := s.limiter.failed(ctx, mfaThrottleKey(u.Email), now); err != nil {
			return err
		}
		return wrongCode()
	}
	if err != nil {
		return wrap("disable totp", err)
	}
	if err := s.limiter.succeeded(ctx, held); err != nil {
		return err
	}
	s.logger.InfoContext(ctx, "two-step sign-in turned off", "user_id", u.ID)
	return nil
}
