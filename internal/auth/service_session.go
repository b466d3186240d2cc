package auth

import (
	"context"
	"errors"
	"fmt"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
)

// Login checks email and password and starts a session: a new refresh
// token family. A wrong email, a wrong password and a disabled account get
// the same answer in about the same time. The attempt is reserved with
// the throttle before the password is checked, so a burst of guesses
// reaches the check at most as often as the limit allows.
//
// An account with two-step sign-in on gets no tokens here: Login refuses
// it, and SignIn returns the second step's challenge instead.
func (s *Service) Login(ctx context.Context, email, password, clientAddr string) (TokenPair, error) {
	res, err := s.SignIn(ctx, email, password, clientAddr)
	if err != nil {
		return TokenPair{}, err
	}
	if res.MFA != nil {
		return TokenPair{}, accord.Forbidden("this account signs in in two steps")
	}
	return *res.Pair, nil
}

// SignIn checks email and password like Login; for an account with
// two-step sign-in on it returns a challenge (LoginMFA takes it with a
// code) instead of a token pair.
func (s *Service) SignIn(ctx context.Context, email, password, clientAddr string) (SignInResult, error) {
	pair, mfa, err := s.signIn(ctx, email, password, clientAddr)
	if err != nil {
		return SignInResult{}, err
	}
	return SignInResult{Pair: pair, MFA: mfa}, nil
}

func (s *Service) signIn(ctx context.Context, email, password, clientAddr string) (*TokenPair, *MFARequired, error) {
	email = NormalizeEmail(email)
	now := s.now()
	held, err := s.limiter.reserve(ctx, email, clientAddr, now)
	if err != nil {
		return nil, nil, err
	}
	u, err := userByEmail(s.db.WithContext(ctx), email)
	switch {
	case accord.KindOf(err) == accord.KindNotFound:
		s.passwords.spend(password)
		return nil, nil, s.loginFailed(ctx, email, clientAddr)
	case err != nil:
		return nil, nil, fmt.Errorf("login: %w", err)
	}
	ok, stale := s.passwords.verify(u.PasswordHash, password)
	if !ok {
		return nil, nil, s.loginFailed(ctx, email, clientAddr)
	}
	if err := s.limiter.succeeded(ctx, held); err != nil {
		return nil, nil, err
	}
	if u.Disabled {
		return nil, nil, errBadCredentials()
	}
	if s.cfg.EmailVerification && u.EmailVerifiedAt == nil {
		return nil, nil, accord.Forbidden("email not verified")
	}
	if mfa, err := s.challenge(ctx, u, stale, password); mfa != nil || err != nil {
		return nil, mfa, err
	}
	var pair TokenPair
	err = s.db.Transaction(ctx, func(tx *gorm.DB) error {
		if stale {
			// The cost settings changed since this hash was made; the
			// password is at hand now and never again, so rehash it.
			if err := s.storePassword(tx, u.ID, password); err != nil {
				return err
			}
		}
		if err := pruneRefreshTokens(tx, u.ID, now); err != nil {
			return err
		}
		pair, err = s.issuePair(tx, u, "")
		return err
	})
	if err != nil {
		return nil, nil, fmt.Errorf("login: %w", err)
	}
	s.logger.InfoContext(ctx, "signed in", "user_id", u.ID)
	return &pair, nil, nil
}

func (s *Service) loginFailed(ctx context.Context, email, addr string) error {
	if err := s.limiter.failed(ctx, email, s.now()); err != nil {
		return err
	}
	s.logger.InfoContext(ctx, "sign-in failed", "addr", addr)
	return errBadCredentials()
}

var errRefreshReused = errors.New("refresh token reused")

// Refresh rotates a refresh token: the presented one is used up and the
// next of its family returned. Presenting a token that was already rotated
// or revoked means it was copied; the whole family is then revoked, so the
// thief and the owner both have to sign in again.
func (s *Service) Refresh(ctx context.Context, refreshToken string) (TokenPair, error) {
	now := s.now()
	var (
		pair   TokenPair
		family string
	)
	err := s.db.Transaction(ctx, func(tx *gorm.DB) error {
		rt, err := refreshTokenByRaw(tx, refreshToken)
		if err != nil {
			return err
		}
		if rt == nil {
			return errUnauthenticated()
		}
		family = rt.FamilyID
		if rt.RotatedAt != nil || rt.RevokedAt != nil {
			return errRefreshReused
		}
		if !now.Before(rt.ExpiresAt) {
			return errUnauthenticated()
		}
		won, err := rotateRefreshToken(tx, rt.ID, now)
		if err != nil {
			return err
		}
		if !won {
			return errRefreshReused
		}
		u, err := userByID(tx, rt.UserID)
		if err != nil {
			return err
		}
		if u.Disabled {
			return errUnauthenticated()
		}
		pair, err = s.issuePair(tx, u, rt.FamilyID)
		return err
	})
	if errors.Is(err, errRefreshReused) {
		s.logger.WarnContext(ctx, "refresh token reused; family revoked", "family_id", family)
		if err := endSession(s.db.WithContext(ctx), family, now); err != nil {
			return TokenPair{}, err
		}
		return TokenPair{}, errUnauthenticated()
	}
	if accord.KindOf(err) == accord.KindNotFound {
		return TokenPair{}, errUnauthenticated()
	}
	if err != nil {
		return TokenPair{}, wrap("refresh", err)
	}
	return pair, nil
}

// Logout ends the session refreshToken belongs to, if it is the actor's;
// without a refresh token, the session the actor's access token names.
func (s *Service) Logout(ctx context.Context, actor accord.Actor, refreshToken string) error {
	if err := signedIn(actor); err != nil {
		return err
	}
	if refreshToken == "" {
		if actor.SessionID == "" {
			return accord.NotFound("session")
		}
		return wrap("logout", s.db.Transaction(ctx, func(tx *gorm.DB) error {
			return endSession(tx, actor.SessionID, s.now())
		}))
	}
	db := s.db.WithContext(ctx)
	rt, err := refreshTokenByRaw(db, refreshToken)
	if err != nil {
		return err
	}
	if rt == nil || rt.UserID != actor.UserID {
		return accord.NotFound("session")
	}
	return wrap("logout", s.db.Transaction(ctx, func(tx *gorm.DB) error {
		return endSession(tx, rt.FamilyID, s.now())
	}))
}

// LogoutAll ends every session of the actor: signing out everywhere. The
// access tokens already issued are refused from now on, on every server.
func (s *Service) LogoutAll(ctx context.Context, actor accord.Actor) error {
	if err := signedIn(actor); err != nil {
		return err
	}
	return wrap("logout everywhere", s.db.Transaction(ctx, func(tx *gorm.DB) error {
		return endUserSessions(tx, actor.UserID, s.now())
	}))
}

// Authenticate verifies an access token and returns the actor it speaks
// for, as the user is now: a disabled user, a changed role or an ended
// session counts at once, not when the token expires.
func (s *Service) Authenticate(ctx context.Context, accessToken string) (accord.Actor, error) {
	userID, sessionID, err := s.access.verify(accessToken)
	if err != nil {
		s.logger.DebugContext(ctx, "access token refused", "reason", err.Error())
		return accord.Actor{}, errUnauthenticated()
	}
	u, err := activeUser(s.db.WithContext(ctx), userID, sessionID)
	if accord.KindOf(err) == accord.KindNotFound {
		return accord.Actor{}, errUnauthenticated()
	}
	if err != nil {
		return accord.Actor{}, fmt.Errorf("authenticate: %w", err)
	}
	if u.Disabled {
		return accord.Actor{}, errUnauthenticated()
	}
	actor := u.Actor()
	actor.SessionID = sessionID
	return actor, nil
}
