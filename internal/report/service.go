package report

import (
	"errors"
	"log/slog"
	"time"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/accreditation"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/seal"
	"github.com/accord-coalition/accord/internal/store"
)

// Config is what the service needs from the server's configuration.
type Config struct {
	// SecretKey is the server secret; the key that seals stored visa
	// letters is derived from it.
	SecretKey []byte
	// LetterRetention is how long after a conference ends its visa letters
	// are kept: the passport numbers' retention, since letters print them.
	LetterRetention time.Duration
	Now             func() time.Time
}

// Service exports lists, writes visa letters and computes the dashboard.
// Every method takes the acting user and asks the Authorizer first.
type Service struct {
	db      *store.DB
	authz   *auth.Authorizer
	accr    *accreditation.Service
	cfg     Config
	log     *slog.Logger
	letters *seal.Sealer
}

// NewService builds the service and registers its policies with authz.
// accr signs badges and opens passport numbers, both of which stay its
// own business.
func NewService(db *store.DB, authz *auth.Authorizer, accr *accreditation.Service, cfg Config, logger *slog.Logger) (*Service, error) {
	if db == nil || authz == nil || accr == nil {
		return nil, errors.New("report: a database, an authorizer and the accreditation service are required")
	}
	if logger == nil {
		logger = slog.Default()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.LetterRetention <= 0 {
		cfg.LetterRetention = accord.DefaultRetention
	}
	letters, err := seal.New(cfg.SecretKey, "accord visa letter")
	if err != nil {
		return nil, err
	}
	RegisterPolicies(authz)
	return &Service{db: db, authz: authz, accr: accr, cfg: cfg, log: logger, letters: letters}, nil
}

// now is the service's clock as stored: UTC, microseconds.
func (s *Service) now() time.Time { return s.cfg.Now().UTC().Truncate(time.Microsecond) }
