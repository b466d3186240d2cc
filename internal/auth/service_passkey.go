package auth

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/go-webauthn/webauthn/protocol"
	"github.com/go-webauthn/webauthn/webauthn"
	"github.com/google/uuid"
	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/store"
)

// PasskeyCreated is the answer to a registered passkey: the passkey, and,
// when it is the account's first second factor, the ten recovery codes,
// shown this once.
type PasskeyCreated struct {
	Passkey       PasskeyInfo `json:"passkey"`
	RecoveryCodes []string    `json:"recovery_codes,omitempty"`
}

// errPasskeyRefused is a sign-in assertion that did not pass: counted by
// the throttle like a wrong code.
var errPasskeyRefused = errors.New("passkey refused")

// passkeysOff is the refusal of every passkey ceremony on a server whose
// public address cannot be a relying party (an IP address).
func passkeysOff() error {
	return accord.Conflict("passkeys are not available on this server: ACCORD_BASE_URL must name a host, not an IP address")
}

func badCredential() error {
	return accord.Invalid("the request has invalid fields", accord.Field("credential", "is not a WebAuthn credential"))
}

// PasskeysAvailable reports whether this server can register and check
// passkeys, for the pages to offer them only then.
func (s *Service) PasskeysAvailable() bool { return s.rp != nil }

// HasPasskeys reports whether the user has registered a passkey.
func (s *Service) HasPasskeys(ctx context.Context, userID string) (bool, error) {
	_, passkeys, err := s.secondFactors(s.db.WithContext(ctx), userID)
	return passkeys, err
}

func userPasskeys(db *gorm.DB, userID string) ([]Passkey, error) {
	var keys []Passkey
	if err := db.Where("user_id = ?", userID).Order("created_at, id").Find(&keys).Error; err != nil {
		return nil, fmt.Errorf("look up passkeys: %w", err)
	}
	return keys, nil
}

// BeginPasskeyRegistration starts adding a passkey for the signed-in user
// (which the limited token of a staff member who must enrol may do): the
// options for the browser's navigator.credentials.create, the challenge
// kept on the server for five minutes. A new start replaces one under
// way. The user's passkeys are excluded, so one authenticator is not
// registered twice.
func (s *Service) BeginPasskeyRegistration(ctx context.Context, actor accord.Actor) (*protocol.CredentialCreation, error) {
	if err := signedIn(actor); err != nil {
		return nil, err
	}
	if s.rp == nil {
		return nil, passkeysOff()
	}
	db := s.db.WithContext(ctx)
	u, err := userByID(db, actor.UserID)
	if err != nil {
		return nil, wrap("begin passkey registration", err)
	}
	keys, err := userPasskeys(db, u.ID)
	if err != nil {
		return nil, err
	}
	pu := newPasskeyUser(u, keys)
	creation, session, err := s.rp.BeginRegistration(pu,
		webauthn.WithExclusions(webauthn.Credentials(pu.creds).CredentialDescriptors()))
	if err != nil {
		return nil, fmt.Errorf("begin passkey registration: %w", err)
	}
	raw, err := json.Marshal(session)
	if err != nil {
		return nil, fmt.Errorf("keep passkey registration: %w", err)
	}
	now := s.now()
	err = db.Exec(`INSERT INTO passkey_registrations (user_id, session, expires_at) VALUES (?, ?, ?)
ON CONFLICT (user_id) DO UPDATE SET session = excluded.session, expires_at = excluded.expires_at`,
		u.ID, string(raw), now.Add(passkeyCeremonyTTL)).Error
	if err != nil {
		return nil, fmt.Errorf("keep passkey registration: %w", err)
	}
	return creation, nil
}

// checkPasskeyName trims a passkey's name and refuses one too long or
// holding control characters; an empty name is allowed.
func checkPasskeyName(name string) (string, error) {
	name = strings.TrimSpace(name)
	var v accord.Validation
	v.MaxChars("name", name, passkeyNameMax)
	v.Check(strings.IndexFunc(name, unicode.IsControl) < 0, "name", "must not hold control characters")
	return name, v.Err()
}

// FinishPasskeyRegistration checks the browser's answer to the registration
// begun last (its challenge is used up whatever the answer) and stores the
// passkey under name. The first second factor of an account comes with
// ten recovery codes, as enrolling an authenticator app does.
func (s *Service) FinishPasskeyRegistration(ctx context.Context, actor accord.Actor, name string, credential []byte) (PasskeyCreated, error) {
	if err := signedIn(actor); err != nil {
		return PasskeyCreated{}, err
	}
	if s.rp == nil {
		return PasskeyCreated{}, passkeysOff()
	}
	name, err := checkPasskeyName(name)
	if err != nil {
		return PasskeyCreated{}, err
	}
	if len(credential) == 0 {
		return PasskeyCreated{}, accord.Invalid("the request has invalid fields", accord.Field("credential", "required"))
	}
	parsed, err := protocol.ParseCredentialCreationResponseBytes(credential)
	if err != nil {
		s.logger.InfoContext(ctx, "passkey registration unreadable", "user_id", actor.UserID, "reason", protocolReason(err))
		return PasskeyCreated{}, badCredential()
	}
	db := s.db.WithContext(ctx)
	u, err := userByID(db, actor.UserID)
	if err != nil {
		return PasskeyCreated{}, wrap("finish passkey registration", err)
	}
	now := s.now()
	var pending []PasskeyRegistration
	if err := db.Where("user_id = ?", u.ID).Limit(1).Find(&pending).Error; err != nil {
		return PasskeyCreated{}, fmt.Errorf("look up passkey registration: %w", err)
	}
	if len(pending) == 0 || !now.Before(pending[0].ExpiresAt) {
		return PasskeyCreated{}, accord.Conflict("start the passkey registration first")
	}
	// Take the ceremony before checking the answer: a challenge is
	// answered once, and of two answers racing one finds it gone.
	res := db.Where("user_id = ? AND session = ?", u.ID, pending[0].Session).Delete(&PasskeyRegistration{})
	if res.Error != nil {
		return PasskeyCreated{}, fmt.Errorf("take passkey registration: %w", res.Error)
	}
	if res.RowsAffected == 0 {
		return PasskeyCreated{}, accord.Conflict("start the passkey registration first")
	}
	var session webauthn.SessionData
	if err := json.Unmarshal([]byte(pending[0].Session), &session); err != nil {
		return PasskeyCreated{}, fmt.Errorf("read passkey registration: %w", err)
	}
	keys, err := userPasskeys(db, u.ID)
	if err != nil {
		return PasskeyCreated{}, err
	}
	cred, err := s.rp.CreateCredential(newPasskeyUser(u, keys), session, parsed)
	if err != nil {
		s.logger.InfoContext(ctx, "passkey registration refused", "user_id", u.ID, "reason", protocolReason(err))
		return PasskeyCreated{}, accord.Invalid("the request has invalid fields", accord.Field("credential", "was not accepted"))
	}
	key := newPasskey(u.ID, name, cred, now)
	var out PasskeyCreated
	err = s.db.Transaction(ctx, func(tx *gorm.DB) error {
		on, err := s.secondFactorOn(tx, u.ID)
		if err != nil {
			return err
		}
		if err := tx.Create(&key).Error; err != nil {
			if store.IsDuplicate(err) {
				return accord.Conflict("this passkey is registered already")
			}
			return fmt.Errorf("store passkey: %w", err)
		}
		if !on {
			if out.RecoveryCodes, err = replaceRecoveryCodes(tx, u.ID); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return PasskeyCreated{}, wrap("finish passkey registration", err)
	}
	out.Passkey = key.info()
	s.logger.InfoContext(ctx, "passkey added", "user_id", u.ID, "passkey_id", key.ID)
	return out, nil
}

// ListPasskeys returns the signed-in user's passkeys, oldest first.
func (s *Service) ListPasskeys(ctx context.Context, actor accord.Actor) ([]PasskeyInfo, error) {
	if err := signedIn(actor); err != nil {
		return nil, err
	}
	keys, err := userPasskeys(s.db.WithContext(ctx), actor.UserID)
	if err != nil {
		return nil, err
	}
	out := make([]PasskeyInfo, 0, len(keys))
	for _, k := range keys {
		out = append(out, k.info())
	}
	return out, nil
}

// RemovePasskey removes one of the signed-in user's passkeys; another's
// is not found. The last second factor takes the recovery codes with it,
// as turning off the authenticator app does.
func (s *Service) RemovePasskey(ctx context.Context, actor accord.Actor, id string) error {
	if err := signedIn(actor); err != nil {
		return err
	}
	if uuid.Validate(id) != nil {
		return accord.NotFound("passkey")
	}
	err := s.db.Transaction(ctx, func(tx *gorm.DB) error {
		res := tx.Where("id = ? AND user_id = ?", id, actor.UserID).Delete(&Passkey{})
		if res.Error != nil {
			return fmt.Errorf("remove passkey: %w", res.Error)
		}
		if res.RowsAffected == 0 {
			return accord.NotFound("passkey")
		}
		return dropRecoveryCodesIfLast(tx, actor.UserID)
	})
	if err != nil {
		return wrap("remove passkey", err)
	}
	s.logger.InfoContext(ctx, "passkey removed", "user_id", actor.UserID, "passkey_id", id)
	return nil
}

// BeginPasskeyLogin answers the assertion options for the second step
// that mfaToken names, for the browser's navigator.credentials.get. The
// challenge is kept on that step's row, replacing any earlier one; it
// expires with the step.
func (s *Service) BeginPasskeyLogin(ctx context.Context, mfaToken string) (*protocol.CredentialAssertion, error) {
	c, u, err := s.openChallenge(ctx, mfaToken, s.now())
	if err != nil {
		return nil, err
	}
	if s.rp == nil {
		return nil, passkeysOff()
	}
	db := s.db.WithContext(ctx)
	keys, err := userPasskeys(db, u.ID)
	if err != nil {
		return nil, err
	}
	if len(keys) == 0 {
		return nil, accord.Conflict("this account has no passkey")
	}
	assertion, session, err := s.rp.BeginLogin(newPasskeyUser(u, keys))
	if err != nil {
		return nil, fmt.Errorf("begin passkey sign-in: %w", err)
	}
	raw, err := json.Marshal(session)
	if err != nil {
		return nil, fmt.Errorf("keep passkey sign-in: %w", err)
	}
	res := db.Model(&MFAChallenge{}).Where("id = ? AND consumed_at IS NULL", c.ID).Update("passkey_session", string(raw))
	if res.Error != nil {
		return nil, fmt.Errorf("keep passkey sign-in: %w", res.Error)
	}
	if res.RowsAffected == 0 {
		return nil, errUnauthenticated()
	}
	return assertion, nil
}

// FinishPasskeyLogin completes the second step that mfaToken names with
// the browser's assertion: the challenge given last by BeginPasskeyLogin
// is taken by this answer, right or wrong, so no assertion is heard
// twice; the authenticator's counter must move forward (a cloned one is
// refused); and refusals count towards the same throttle as wrong codes.
// A right assertion uses up the second step and issues the token pair.
func (s *Service) FinishPasskeyLogin(ctx context.Context, mfaToken string, credential []byte, clientAddr string) (TokenPair, error) {
	now := s.now()
	c, u, err := s.openChallenge(ctx, mfaToken, now)
	if err != nil {
		return TokenPair{}, err
	}
	if s.rp == nil {
		return TokenPair{}, passkeysOff()
	}
	if len(credential) == 0 {
		return TokenPair{}, accord.Invalid("the request has invalid fields", accord.Field("credential", "required"))
	}
	parsed, err := protocol.ParseCredentialRequestResponseBytes(credential)
	if err != nil {
		s.logger.InfoContext(ctx, "passkey assertion unreadable", "user_id", u.ID, "reason", protocolReason(err))
		return TokenPair{}, badCredential()
	}
	held, err := s.limiter.reserve(ctx, mfaThrottleKey(u.Email), clientAddr, now)
	if err != nil {
		return TokenPair{}, err
	}
	var pair TokenPair
	err = s.checkAssertion(ctx, c, u, parsed, now, func(tx *gorm.DB) error {
		if err := pruneRefreshTokens(tx, u.ID, now); err != nil {
			return err
		}
		pair, err = s.issuePair(tx, u, "")
		return err
	})
	if errors.Is(err, errPasskeyRefused) {
		if err := s.limiter.failed(ctx, mfaThrottleKey(u.Email), now); err != nil {
			return TokenPair{}, err
		}
		s.logger.InfoContext(ctx, "second sign-in step failed", "user_id", u.ID, "addr", clientAddr, "method", "webauthn")
		return TokenPair{}, accord.Errorf(accord.KindUnauthenticated, "the passkey was not accepted")
	}
	if err != nil {
		return TokenPair{}, wrap("login", err)
	}
	if err := s.limiter.succeeded(ctx, held); err != nil {
		return TokenPair{}, err
	}
	s.logger.InfoContext(ctx, "signed in", "user_id", u.ID, "second_step", true, "method", "webauthn")
	return pair, nil
}

// checkAssertion takes the challenge's passkey ceremony, has the library
// verify the assertion against the user's passkeys, and, if it passes,
// moves the passkey's counter, uses up the challenge and runs then, all
// in one transaction. Every refusal of the assertion is errPasskeyRefused.
func (s *Service) checkAssertion(ctx context.Context, c *MFAChallenge, u *User, parsed *protocol.ParsedCredentialAssertionData,
	now time.Time, then func(tx *gorm.DB) error) error {
	if c.PasskeySession == nil {
		return errPasskeyRefused
	}
	db := s.db.WithContext(ctx)
	// Taken outside the transaction below, so that a refused answer uses
	// the ceremony up too.
	res := db.Model(&MFAChallenge{}).Where("id = ? AND passkey_session = ?", c.ID, *c.PasskeySession).
		Update("passkey_session", nil)
	if res.Error != nil {
		return fmt.Errorf("take passkey sign-in: %w", res.Error)
	}
	if res.RowsAffected == 0 {
		return errPasskeyRefused
	}
	var session webauthn.SessionData
	if err := json.Unmarshal([]byte(*c.PasskeySession), &session); err != nil {
		return fmt.Errorf("read passkey sign-in: %w", err)
	}
	keys, err := userPasskeys(db, u.ID)
	if err != nil {
		return err
	}
	cred, err := s.rp.ValidateLogin(newPasskeyUser(u, keys), session, parsed)
	if err != nil {
		s.logger.InfoContext(ctx, "passkey assertion refused", "user_id", u.ID, "reason", protocolReason(err))
		return errPasskeyRefused
	}
	if cred.Authenticator.CloneWarning {
		s.logger.WarnContext(ctx, "passkey counter did not move forward: a cloned authenticator?", "user_id", u.ID)
		return errPasskeyRefused
	}
	return s.db.Transaction(ctx, func(tx *gorm.DB) error {
		// The guard on the counter keeps two answers racing from both
		// moving it; the one that finds it moved is refused.
		res := tx.Model(&Passkey{}).
			Where("user_id = ? AND credential_id = ? AND (sign_count < ? OR sign_count = 0)", u.ID, cred.ID, int64(cred.Authenticator.SignCount)).
			Updates(map[string]any{"sign_count": int64(cred.Authenticator.SignCount), "last_used_at": now})
		if res.Error != nil {
			return fmt.Errorf("use passkey: %w", res.Error)
		}
		if res.RowsAffected == 0 {
			return errPasskeyRefused
		}
		res = tx.Model(&MFAChallenge{}).Where("id = ? AND consumed_at IS NULL", c.ID).Update("consumed_at", now)
		if res.Error != nil {
			return fmt.Errorf("use sign-in challenge: %w", res.Error)
		}
		if res.RowsAffected == 0 {
			return errPasskeyRefused
		}
		return then(tx)
	})
}

// protocolReason is what the library says of a refusal, for the log: its
// short description and the detail meant for developers.
func protocolReason(err error) string {
	var pe *protocol.Error
	if errors.As(err, &pe) {
		return strings.TrimSpace(pe.Details + " " + pe.DevInfo)
	}
	return err.Error()
}

// replaceRecoveryCodes makes the user's ten new recovery codes, dropping
// the old: stored hashed, returned to be shown this once.
func replaceRecoveryCodes(tx *gorm.DB, userID string) ([]string, error) {
	if err := tx.Where("user_id = ?", userID).Delete(&RecoveryCode{}).Error; err != nil {
		return nil, fmt.Errorf("drop old recovery codes: %w", err)
	}
	codes := make([]string, recoveryCodeCount)
	for i := range codes {
		codes[i] = newRecoveryCode()
		rc := RecoveryCode{ID: uuid.NewString(), UserID: userID, CodeHash: hashToken(codes[i])}
		if err := tx.Create(&rc).Error; err != nil {
			return nil, fmt.Errorf("store recovery code: %w", err)
		}
	}
	return codes, nil
}

// dropRecoveryCodesIfLast drops the recovery codes once the user has no
// second factor left: they stand in for the second factor as a whole.
func dropRecoveryCodesIfLast(tx *gorm.DB, userID string) error {
	var n int64
	if err := tx.Model(&UserTOTP{}).Where("user_id = ? AND confirmed_at IS NOT NULL", userID).Count(&n).Error; err != nil {
		return fmt.Errorf("look up two-step sign-in: %w", err)
	}
	if n == 0 {
		if err := tx.Model(&Passkey{}).Where("user_id = ?", userID).Count(&n).Error; err != nil {
			return fmt.Errorf("look up passkeys: %w", err)
		}
	}
	if n > 0 {
		return nil
	}
	if err := tx.Where("user_id = ?", userID).Delete(&RecoveryCode{}).Error; err != nil {
		return fmt.Errorf("drop recovery codes: %w", err)
	}
	return nil
}
