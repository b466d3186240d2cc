package auth

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/go-webauthn/webauthn/webauthn"
	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/notify"
	"github.com/accord-coalition/accord/internal/store"
)

// Service registers, signs in and manages users.
type Service struct {
	db        *store.DB
	cfg       Config
	authz     *Authorizer
	logger    *slog.Logger
	passwords *passwords
	access    *accessTokens
	limiter   loginThrottle
	totp      *totpCipher
	// rp is the WebAuthn relying party of the public address, nil when
	// that address cannot be one (an IP address): no passkeys then.
	rp *webauthn.WebAuthn
	// enqueue writes a mail into the outbox within the caller's
	// transaction; tests wrap it to read the links sent.
	enqueue func(ctx context.Context, tx *gorm.DB, to notify.Recipient, template string, data map[string]any) error
}

// NewService wires the service and registers the "user" and "inbox"
// policies with authz.
// It panics on a configuration that cannot work (a short secret, zero
// lifetimes): the server must not start with one.
func NewService(db *store.DB, cfg Config, authz *Authorizer, logger *slog.Logger) *Service {
	if logger == nil {
		logger = slog.Default()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.AccessTTL <= 0 || cfg.RefreshTTL <= 0 || cfg.LoginLimit.Window <= 0 {
		panic("auth: AccessTTL, RefreshTTL and LoginLimit.Window must be positive")
	}
	pw, err := newPasswords(cfg.Argon2)
	if err != nil {
		panic("auth: " + err.Error())
	}
	access, err := newAccessTokens(cfg.SecretKey, cfg.AccessTTL, cfg.Now)
	if err != nil {
		panic("auth: " + err.Error())
	}
	tc, err := newTOTPCipher(cfg.SecretKey)
	if err != nil {
		panic("auth: " + err.Error())
	}
	rp, err := newRelyingParty(cfg.BaseURL)
	if err != nil {
		logger.Warn("passkeys are off", "reason", err.Error())
		rp = nil
	}
	authz.Register(KindUser, UserPolicy)
	authz.Register(KindInbox, InboxPolicy)
	return &Service{
		db:        db,
		cfg:       cfg,
		authz:     authz,
		logger:    logger,
		passwords: pw,
		access:    access,
		limiter:   loginThrottle{db: db, limit: cfg.LoginLimit},
		totp:      tc,
		rp:        rp,
		enqueue:   notify.Enqueue,
	}
}

// now is the current instant as stored: UTC, to the microsecond.
func (s *Service) now() time.Time { return s.cfg.Now().UTC().Truncate(time.Microsecond) }

// errBadCredentials is the one answer to a wrong email, a wrong password
// and a disabled account alike, so that sign-in reveals no accounts.
func errBadCredentials() error {
	return accord.Errorf(accord.KindUnauthenticated, "wrong email or password")
}

func errUnauthenticated() error {
	return accord.Errorf(accord.KindUnauthenticated, "not signed in or the session has expired")
}

// signedIn refuses the public actor.
func signedIn(actor accord.Actor) error {
	if actor.Public() || actor.UserID == "" {
		return errUnauthenticated()
	}
	return nil
}

// issuePair signs an access token and stores the next refresh token of
// the session family; an empty family starts a new session.
func (s *Service) issuePair(tx *gorm.DB, u *User, family string) (TokenPair, error) {
	if family == "" {
		var err error
		if family, err = startSession(tx, u.ID, s.now()); err != nil {
			return TokenPair{}, err
		}
	}
	access, err := s.access.issue(u, family)
	if err != nil {
		return TokenPair{}, err
	}
	refresh, err := insertRefreshToken(tx, u.ID, family, s.now(), s.cfg.RefreshTTL)
	if err != nil {
		return TokenPair{}, err
	}
	return TokenPair{
		AccessToken:  access,
		RefreshToken: refresh,
		TokenType:    "Bearer",
		ExpiresIn:    int(s.cfg.AccessTTL / time.Second),
	}, nil
}

// mailTime is how instants are written in mails: unambiguous to every
// reader, whatever their language.
const mailTime = "2006-01-02 15:04 UTC"

// link is an absolute URL into the web pages for mails.
func (s *Service) link(path string) string { return s.cfg.BaseURL + path }

// TokenPair is what sign-in and refresh return.
type TokenPair struct {
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token"`
	TokenType    string `json:"token_type"`
	ExpiresIn    int    `json:"expires_in"`
}

// wrap adds context to unexpected errors and passes domain errors through.
func wrap(what string, err error) error {
	if err == nil || accord.KindOf(err) != accord.KindInternal {
		return err
	}
	return fmt.Errorf("%s: %w", what, err)
}
