package accreditation

import (
	"fmt"
	"log/slog"
	"time"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/workflow"
)

// Config is what the service needs from the server's configuration.
type Config struct {
	// SecretKey is the server secret; the passport encryption key and the
	// badge signing key are derived from it.
	SecretKey []byte
	// BaseURL prefixes links in messages and the address a badge's QR code
	// holds.
	BaseURL string
	// AllowShortDeadlines accepts objection deadlines shorter than a
	// conference's objection period (drills, tests).
	AllowShortDeadlines bool
	// PassportRetention is how long after a conference ends its delegates'
	// passport numbers are kept.
	PassportRetention time.Duration
	Now               func() time.Time
}

// Service holds the rules of conference accreditation. Every method takes
// the acting user, asks the Authorizer about every object it reads or
// changes, owns its transaction, and moves requests, objections and
// delegates only through the workflow engine.
type Service struct {
	db        *store.DB
	engine    *workflow.Engine
	authz     *auth.Authorizer
	cfg       Config
	log       *slog.Logger
	passports *passportCipher
	badges    *badgeSigner

	requests   *workflow.Machine
	objections *workflow.Machine
	delegates  *workflow.Machine
}

// NewService builds the service, registers its policies with authz and
// attaches its guards and effects to the accreditation machines. The
// caller registers Machines() with engine, which must be the engine given
// here.
func NewService(db *store.DB, engine *workflow.Engine, authz *auth.Authorizer, cfg Config, logger *slog.Logger) (*Service, error) {
	if logger == nil {
		logger = slog.Default()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.PassportRetention <= 0 {
		cfg.PassportRetention = accord.DefaultRetention
	}
	passports, err := newPassportCipher(cfg.SecretKey)
	if err != nil {
		return nil, err
	}
	badges, err := newBadgeSigner(cfg.SecretKey)
	if err != nil {
		return nil, err
	}
	RegisterPolicies(authz)
	s := &Service{
		db: db, engine: engine, authz: authz, cfg: cfg, log: logger,
		passports: passports, badges: badges,
	}
	s.requests = s.requestMachine()
	s.objections = s.objectionMachine()
	s.delegates = s.delegateMachine()
	return s, nil
}

// Machines returns the accreditation machines with this service's guards
// and effects: the ones to register with the engine, so that deadline
// transitions fired by Tick run the same effects as any other.
func (s *Service) Machines() []*workflow.Machine {
	return []*workflow.Machine{s.requests, s.objections, s.delegates}
}

// now is the service's clock as stored: UTC, microseconds.
func (s *Service) now() time.Time { return s.cfg.Now().UTC().Truncate(time.Microsecond) }

// link is an absolute URL for messages and badges.
func (s *Service) link(path string) string { return s.cfg.BaseURL + path }

// TransitionInput is what a caller asks of a workflow resource (docs/api.md,
// Transitions).
type TransitionInput = workflow.TransitionInput

// wrap adds context to unexpected errors and lets domain errors through
// unchanged, so the HTTP layer still maps their kind.
func wrap(what string, err error) error {
	if err == nil || accord.KindOf(err) != accord.KindInternal {
		return err
	}
	return fmt.Errorf("%s: %w", what, err)
}
