package webhook

import (
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/seal"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/workflow"
)

// Config is what the service needs beside the database.
type Config struct {
	// SecretKey is the server secret; subscription secrets are sealed
	// under a key derived from it.
	SecretKey []byte
	// AllowPrivate lets receivers be on loopback, private and link-local
	// addresses (ACCORD_WEBHOOK_ALLOW_PRIVATE).
	AllowPrivate bool
	// APIBase is the API's public root ("https://accord.example/api/v1"),
	// from which a delivery links to its resource.
	APIBase string
	// Collections lists the workflows whose records deliveries report; it
	// is read when needed, so the engine may be wired after the service.
	Collections func() []workflow.Collection
	Now         func() time.Time
	Logger      *slog.Logger
}

// Service manages subscriptions and writes deliveries; NewWorker sends them.
type Service struct {
	db     *store.DB
	authz  *auth.Authorizer
	cfg    Config
	cipher *seal.Sealer
	log    *slog.Logger
}

// NewService returns the webhook service and registers its policy with
// authz.
func NewService(db *store.DB, authz *auth.Authorizer, cfg Config) (*Service, error) {
	c, err := seal.New(cfg.SecretKey, "accord webhook secret")
	if err != nil {
		return nil, err
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Collections == nil {
		return nil, errors.New("webhook: Config.Collections is required")
	}
	authz.Register(Kind, Policy)
	return &Service{db: db, authz: authz, cfg: cfg, cipher: c, log: cfg.Logger}, nil
}

// Events lists every event a subscription may name.
func (s *Service) Events() []string {
	var ms []*workflow.Machine
	for _, c := range s.cfg.Collections() {
		ms = append(ms, c.Machine)
	}
	return Events(ms)
}

// resourcePath is the API path segment of machine's records, or "".
func (s *Service) resourcePath(machine string) string {
	for _, c := range s.cfg.Collections() {
		if c.Machine != nil && c.Machine.Name == machine {
			return c.Name
		}
	}
	return ""
}

// clock is now as stored: UTC, microseconds.
func (s *Service) clock() time.Time { return s.cfg.Now().UTC().Truncate(time.Microsecond) }

func wrapDB(what string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("webhook: %s: %w", what, err)
}
