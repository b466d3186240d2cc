// Package app wires Accord together: it opens the database, builds every
// capability's service, registers the state machines with the one workflow
// engine, and runs the HTTP server with the deadline ticker and the outbox
// worker beside it. cmd/accord is a thin shell over it.
package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"golang.org/x/sync/errgroup"

	"github.com/accord-coalition/accord/internal/accreditation"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/config"
	"github.com/accord-coalition/accord/internal/httpapi"
	"github.com/accord-coalition/accord/internal/memberimport"
	"github.com/accord-coalition/accord/internal/membership"
	"github.com/accord-coalition/accord/internal/notify"
	"github.com/accord-coalition/accord/internal/report"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/webhook"
	"github.com/accord-coalition/accord/internal/webui"
	"github.com/accord-coalition/accord/internal/workflow"
)

// App is a configured Accord with its database open.
type App struct {
	Config config.Config
	Logger *slog.Logger
	DB     *store.DB
	Engine *workflow.Engine
	Authz  *auth.Authorizer
	Auth   *auth.Service
	// Membership and Accreditation's machines, with their rules attached,
	// are registered with Engine.
	Membership    *membership.Service
	Accreditation *accreditation.Service
	// Report exports lists, writes visa letters and computes the
	// secretariat's dashboard.
	Report   *report.Service
	Registry *prometheus.Registry
	Now      func() time.Time

	// Webhooks holds the operator's subscriptions; the engine enqueues
	// their deliveries after every transition.
	Webhooks *webhook.Service
	// Imports previews and applies member lists; its machine is
	// registered with Engine.
	Imports *memberimport.Service
}

// Open connects to the configured database and builds the services. It
// does not migrate: callers decide (serve and migrate do; tick does not).
func Open(ctx context.Context, cfg config.Config, logger *slog.Logger) (*App, error) {
	if err := cfg.EnsureSecretKey(); err != nil {
		return nil, err
	}
	db, err := store.Open(ctx, store.Options{URL: cfg.DatabaseURL, SQLitePath: cfg.SQLitePath(), Logger: logger})
	if err != nil {
		return nil, err
	}
	a, err := Build(db, cfg, logger, Options{})
	if err != nil {
		db.Close()
		return nil, err
	}
	return a, nil
}

// Options are what a caller that opened the database itself may set beside
// the configuration; their zero values are production's.
type Options struct {
	// Now is the clock of the services, the workflow engine and the pages;
	// nil is time.Now. Tests pass a hand-moved clock.
	Now func() time.Time
	// SessionNow is the clock of the accounts: sign-in tokens and
	// sessions, verification, reset and invitation links, the expiry of
	// unverified accounts. nil is time.Now, so moving the services' clock
	// a month signs nobody out.
	SessionNow func() time.Time
	// Argon2 replaces the password hashing cost when set: tests about
	// workflows need not pay production's cost for every sign-in.
	Argon2 *auth.Argon2Params
}

// Build builds every service on db, already opened, as Open does: the
// workflow engine with its machines, authorisation, accounts, membership,
// accreditation and reports. It does not migrate; closing the App closes db.
func Build(db *store.DB, cfg config.Config, logger *slog.Logger, opts Options) (*App, error) {
	// Cursors are signed under a key derived from the secret, so that a
	// client's cursor holds across a restart; tests get it the same way.
	if err := store.UseCursorSecret(cfg.SecretKey); err != nil {
		return nil, fmt.Errorf("derive cursor key: %w", err)
	}
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	a := &App{Config: cfg, Logger: logger, DB: db, Now: now}
	a.Registry = prometheus.NewRegistry()
	a.Registry.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	transitions := prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "accord_workflow_transitions_total",
		Help: "State transitions fired, by machine and event.",
	}, []string{"machine", "event"})
	a.Registry.MustRegister(transitions)
	engineOpts := []workflow.Option{
		workflow.WithLogger(logger),
		workflow.WithTransitionCounter(func(machine, event string) { transitions.WithLabelValues(machine, event).Inc() }),
		workflow.WithAfterFire(a.webhooksAfterFire),
	}
	if opts.Now != nil {
		engineOpts = append(engineOpts, workflow.WithClock(opts.Now))
	}
	a.Engine = workflow.New(db, engineOpts...)
	if err := notify.RegisterMetrics(a.Registry); err != nil {
		return nil, fmt.Errorf("register outbox metrics: %w", err)
	}
	a.Authz = auth.NewAuthorizer(logger)
	authCfg := auth.DefaultConfig(cfg.SecretKey)
	authCfg.EmailVerification = cfg.EmailVerification
	authCfg.BaseURL = cfg.BaseURL
	authCfg.TwoFactor = cfg.TwoFactor
	authCfg.Now = opts.SessionNow
	if opts.Argon2 != nil {
		authCfg.Argon2 = *opts.Argon2
	}
	a.Auth = auth.NewService(db, authCfg, a.Authz, logger)
	a.Membership = membership.NewService(db, a.Engine, a.Authz, membership.Config{
		BaseURL: cfg.BaseURL, Logger: logger, Now: a.Now,
	})
	var err error
	a.Accreditation, err = accreditation.NewService(db, a.Engine, a.Authz, accreditation.Config{
		SecretKey: cfg.SecretKey, BaseURL: cfg.BaseURL, AllowShortDeadlines: cfg.AllowShortDeadlines,
		PassportRetention: cfg.PassportRetention, Now: a.Now,
	}, logger)
	if err != nil {
		return nil, err
	}
	a.Report, err = report.NewService(db, a.Authz, a.Accreditation, report.Config{
		SecretKey: cfg.SecretKey, LetterRetention: cfg.PassportRetention, Now: a.Now,
	}, logger)
	if err != nil {
		return nil, err
	}
	if err := a.buildWebhooks(); err != nil {
		return nil, err
	}
	a.Imports = memberimport.NewService(db, a.Engine, a.Authz, memberimport.Config{Now: a.Now, Logger: logger})
	// The engine runs exactly the services' machines, each with its rules
	// attached; a table and its rules that disagree stop the start here.
	if err := a.Engine.Register(a.Machines()...); err != nil {
		db.Close()
		return nil, err
	}
	return a, nil
}

// Close releases the database.
func (a *App) Close() error { return a.DB.Close() }

// Migrate applies pending migrations and logs how many ran.
func (a *App) Migrate(ctx context.Context) error {
	n, err := a.DB.Migrate(ctx)
	if err != nil {
		return err
	}
	a.Logger.Info("migrations applied", "count", n, "engine", a.DB.Dialect)
	hashed, err := a.Accreditation.BackfillPassportKeys(ctx)
	if err != nil {
		return err
	}
	if hashed > 0 {
		a.Logger.Info("passport hashes computed for earlier delegates", "count", hashed)
	}
	return nil
}

// Server builds the HTTP server with every route: the JSON API and the
// web pages, which call the same services.
func (a *App) Server() *httpapi.Server {
	srv := httpapi.New(httpapi.Deps{
		Config: a.Config, DB: a.DB, Auth: a.Auth, Logger: a.Logger, Registry: a.Registry, Now: a.Now,
		Membership: a.Membership, Accreditation: a.Accreditation,
	})
	srv.RegisterReportRoutes(a.Report)
	srv.RegisterWebhookRoutes(a.Webhooks)
	srv.RegisterImportRoutes(a.Imports)
	ui := webui.New(webui.Deps{Config: a.Config, DB: a.DB, Auth: a.Auth, Logger: a.Logger, Now: a.Now, Membership: a.Membership, Accreditation: a.Accreditation})
	ui.Register(srv.Echo())
	ui.RegisterReports(srv.Echo(), a.Report)
	ui.RegisterWebhooks(srv.Echo(), a.Webhooks)
	ui.RegisterImports(srv.Echo(), a.Imports)
	return srv
}

// Serve runs the HTTP server on ln, the deadline ticker, the outbox and the
// webhook workers until ctx is done, then shuts down gracefully.
func (a *App) Serve(ctx context.Context, ln net.Listener) error {
	srv := a.Server()
	httpServer := &http.Server{
		Handler:           srv.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute,  // uploads from slow connections
		WriteTimeout:      10 * time.Minute, // streamed exports
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(a.Logger.Handler(), slog.LevelWarn),
	}
	sender, err := a.sender()
	if err != nil {
		return err
	}
	worker := notify.NewWorker(a.DB, sender, notify.WithLogger(a.Logger))
	hooks := a.Webhooks.NewWorker()

	g, ctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		if err := httpServer.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			return fmt.Errorf("http server: %w", err)
		}
		return nil
	})
	if a.Config.MetricsListen != "" {
		metrics := &http.Server{Addr: a.Config.MetricsListen, Handler: srv.MetricsHandler(), ReadHeaderTimeout: 10 * time.Second}
		g.Go(func() error {
			if err := metrics.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
				return fmt.Errorf("metrics server: %w", err)
			}
			return nil
		})
		g.Go(func() error {
			<-ctx.Done()
			return metrics.Close()
		})
	}
	g.Go(func() error { a.RunTicks(ctx, a.Config.TickInterval); return nil })
	g.Go(func() error { worker.Run(ctx, 5*time.Second); return nil })
	g.Go(func() error { hooks.Run(ctx, 5*time.Second); return nil })
	g.Go(func() error {
		<-ctx.Done()
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		return httpServer.Shutdown(shutdownCtx)
	})
	return g.Wait()
}

func (a *App) sender() (notify.Sender, error) {
	if a.Config.SMTPURL == "" {
		a.Logger.Info("no ACCORD_SMTP_URL: messages are logged and kept in the web inbox")
		return nil, nil
	}
	s, err := notify.NewSMTPSender(a.Config.SMTPURL, a.Config.SMTPFrom)
	if err != nil {
		return nil, fmt.Errorf("smtp: %w", err)
	}
	return s, nil
}
