package membership

import (
	"context"
	"log/slog"
	"strings"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/workflow"
)

// Default periods of the application machine (docs/domain.md: request_info and
// reject).
const (
	DefaultResponsePeriod = 30 * 24 * time.Hour
	DefaultAppealPeriod   = 30 * 24 * time.Hour
)

// Config is what the service needs beyond its collaborators. Zero values
// take the defaults.
type Config struct {
	// ResponsePeriod is how long an applicant has to answer a request for
	// information before the application expires.
	ResponsePeriod time.Duration
	// AppealPeriod is how long after a rejection the applicant may appeal.
	AppealPeriod time.Duration
	// BaseURL prefixes the links in messages.
	BaseURL string
	// Storage keeps documents' bytes; the default keeps them in the
	// database, in the transaction that records them.
	Storage DocumentStorage
	Now     func() time.Time
	Logger  *slog.Logger
}

// Service holds the rules of organisations, membership applications and
// memberships. Every method takes the acting user, asks the Authorizer
// about every object it reads or changes, and owns its transaction.
type Service struct {
	db      *store.DB
	engine  *workflow.Engine
	authz   *auth.Authorizer
	cfg     Config
	log     *slog.Logger
	storage DocumentStorage

	applications *workflow.Machine
	memberships  *workflow.Machine
}

// NewService builds the service, registers the policies of its three kinds
// with authz, and attaches its rules to its two machines, the tables of
// ApplicationMachine and MembershipMachine. The caller registers
// Machines() with engine, which must be the engine given here, so that
// deadlines fired by the engine's Tick run the same effects as
// transitions fired through the service.
func NewService(db *store.DB, engine *workflow.Engine, authz *auth.Authorizer, cfg Config) *Service {
	if cfg.ResponsePeriod <= 0 {
		cfg.ResponsePeriod = DefaultResponsePeriod
	}
	if cfg.AppealPeriod <= 0 {
		cfg.AppealPeriod = DefaultAppealPeriod
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Storage == nil {
		cfg.Storage = DatabaseStorage{}
	}
	cfg.BaseURL = strings.TrimRight(cfg.BaseURL, "/")
	s := &Service{db: db, engine: engine, authz: authz, cfg: cfg, log: cfg.Logger, storage: cfg.Storage}
	s.applications = s.applicationMachine()
	s.memberships = s.membershipMachine()

	authz.Register(KindOrganization, OrganizationPolicy)
	authz.Register(KindApplication, ApplicationPolicy)
	authz.Register(KindMembership, MembershipPolicy)
	return s
}

// Machines returns the service's machines with its rules attached: the
// ones to register with the engine.
func (s *Service) Machines() []*workflow.Machine {
	return []*workflow.Machine{s.applications, s.memberships}
}

// now is the service's clock as stored: UTC, to the microsecond.
func (s *Service) now() time.Time { return s.cfg.Now().UTC().Truncate(time.Microsecond) }

// link is an absolute address of a web page, for messages.
func (s *Service) link(path string) string { return s.cfg.BaseURL + path }

// signedIn refuses the public: every method here is for signed-in users.
func signedIn(actor accord.Actor) error {
	if actor.Public() || actor.UserID == "" {
		return accord.Errorf(accord.KindUnauthenticated, "sign in first")
	}
	return nil
}

// read loads one record the signed-in actor may see, with visible, on
// the database in the request's context, which it returns for what the
// caller reads next.
func read[T any](ctx context.Context, s *Service, actor accord.Actor, id string,
	visible func(context.Context, *gorm.DB, accord.Actor, string) (T, error)) (*gorm.DB, T, error) {
	var zero T
	if err := signedIn(actor); err != nil {
		return nil, zero, err
	}
	db := s.db.WithContext(ctx)
	v, err := visible(ctx, db, actor, id)
	return db, v, err
}

// mayList lets a signed-in actor list kind, as its policy says.
func (s *Service) mayList(ctx context.Context, actor accord.Actor, kind string) error {
	if err := signedIn(actor); err != nil {
		return err
	}
	return s.authz.Check(ctx, actor, kind, ActionList, nil)
}

// forUpdate locks the rows a transition is about to change, on PostgreSQL,
// until the transaction ends. The guarded update alone already lets only
// one of two concurrent transitions win; the lock also makes the loser's
// guards read the winner's committed effects together with the state they
// belong to, so the loser is told 409 (the state moved) rather than a
// guard's 422 about an effect it saw half of. SQLite's single writer needs
// no lock: its transactions take the write lock at BEGIN.
func (s *Service) forUpdate(tx *gorm.DB, table string) *gorm.DB {
	if !s.db.IsPostgres() {
		return tx
	}
	return tx.Clauses(clause.Locking{Strength: clause.LockingStrengthUpdate, Table: clause.Table{Name: table}})
}

// validID reports whether id can name a row: PostgreSQL refuses a
// malformed uuid with an error, and a malformed id names nothing.
func validID(id string) bool { return uuid.Validate(id) == nil }
