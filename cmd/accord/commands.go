package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"strings"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/app"
	"github.com/accord-coalition/accord/internal/audit"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/config"
	"github.com/accord-coalition/accord/internal/country"
	"github.com/accord-coalition/accord/internal/demo"
	"github.com/accord-coalition/accord/internal/workflow"
)

func newLogger(cfg config.Config, stderr io.Writer) *slog.Logger {
	var level slog.Level
	if err := level.UnmarshalText([]byte(cfg.LogLevel)); err != nil {
		level = slog.LevelInfo
	}
	return slog.New(slog.NewJSONHandler(stderr, &slog.HandlerOptions{Level: level}))
}

// open loads the configuration and opens the app; every subcommand but
// workflows starts here.
func open(ctx context.Context, getenv func(string) string, stderr io.Writer) (*app.App, error) {
	cfg, err := config.Load(getenv)
	if err != nil {
		return nil, fmt.Errorf("configuration: %w", err)
	}
	return app.Open(ctx, cfg, newLogger(cfg, stderr))
}

// openMigrated opens the app and brings its schema up to date, as every
// command that writes does first.
func openMigrated(ctx context.Context, getenv func(string) string, stderr io.Writer) (*app.App, error) {
	a, err := open(ctx, getenv, stderr)
	if err != nil {
		return nil, err
	}
	if err := a.Migrate(ctx); err != nil {
		a.Close()
		return nil, err
	}
	return a, nil
}

// openReady is openMigrated with the reference data (regions and
// countries) loaded, which serving and creating users rely on.
func openReady(ctx context.Context, getenv func(string) string, stderr io.Writer) (*app.App, error) {
	a, err := openMigrated(ctx, getenv, stderr)
	if err != nil {
		return nil, err
	}
	if _, _, err := country.Load(ctx, a.DB); err != nil {
		a.Close()
		return nil, err
	}
	return a, nil
}

func cmdServe(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := newFlagSet("serve", stderr)
	demoFlag := fs.Bool("demo", false, "load demonstration data and print one account per role")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	a, err := openReady(ctx, getenv, stderr)
	if err != nil {
		return err
	}
	defer a.Close()
	if *demoFlag || a.Config.Demo {
		accounts, err := demo.Load(ctx, a.DB, a.Auth, a.Accreditation, a.Now())
		if err != nil {
			return fmt.Errorf("demo data: %w", err)
		}
		printAccounts(stdout, a.Config.BaseURL, accounts)
	}
	if err := a.DB.Warm(ctx); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", a.Config.Listen)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", a.Config.Listen, err)
	}
	a.Logger.Info("serving", "addr", ln.Addr().String(), "engine", a.DB.Dialect, "base_url", a.Config.BaseURL)
	fmt.Fprintf(stdout, "Accord is serving on %s (listening on %s, %s database)\n", a.Config.BaseURL, ln.Addr(), a.DB.Dialect)
	return a.Serve(ctx, ln)
}

func printAccounts(w io.Writer, baseURL string, accounts []demo.Account) {
	fmt.Fprintf(w, "\nDemo accounts (passwords are new at every start; sign in at %s/login):\n", baseURL)
	for _, acc := range accounts {
		fmt.Fprintf(w, "  %-12s %-38s %s  %s\n", acc.Role, acc.Email, acc.Password, acc.Note)
	}
	fmt.Fprintln(w)
}

func cmdMigrate(ctx context.Context, getenv func(string) string, stdout, stderr io.Writer) error {
	a, err := open(ctx, getenv, stderr)
	if err != nil {
		return err
	}
	defer a.Close()
	n, err := a.DB.Migrate(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%d migrations applied (%s)\n", n, a.DB.Dialect)
	return nil
}

func cmdSeed(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := newFlagSet("seed", stderr)
	syntheticN := fs.Int("synthetic", 0, "also create N synthetic organisations accredited to --conference (benchmarks, drills)")
	conference := fs.String("conference", "", "the conference code for --synthetic; created if missing")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	if *syntheticN < 0 || (*syntheticN == 0 && *conference != "") {
		return usageError{"usage: accord seed [--synthetic N --conference CODE], N positive"}
	}
	a, err := openMigrated(ctx, getenv, stderr)
	if err != nil {
		return err
	}
	defer a.Close()
	regions, countries, err := country.Load(ctx, a.DB)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "reference data loaded: %d regions, %d countries\n", regions, countries)
	if *syntheticN > 0 {
		return seedSynthetic(ctx, a, *syntheticN, *conference, stdout)
	}
	return nil
}

func cmdUserCreate(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := newFlagSet("user create", stderr)
	email := fs.String("email", "", "email address (required)")
	name := fs.String("name", "", "full name (required)")
	role := fs.String("role", "", "applicant, coordinator, secretariat, state_party, admin or door (required)")
	password := fs.String("password", "", "initial password (required)")
	countryCode := fs.String("country", "", "ISO 3166-1 alpha-2 code of the State (state_party)")
	locale := fs.String("locale", "en", "ar, en, fr or es")
	conferenceCode := fs.String("conference", "", "code of the conference whose door it checks in at (door)")
	var regions listFlag
	fs.Var(&regions, "region", "region code (coordinator; repeat for several)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	a, err := openReady(ctx, getenv, stderr)
	if err != nil {
		return err
	}
	defer a.Close()
	conferenceID, err := conferenceIDOf(ctx, a, *conferenceCode)
	if err != nil {
		return err
	}
	u, err := a.Auth.CreateUserDirect(ctx, auth.CreateUserInput{
		Email: *email, Name: *name, Role: accord.Role(*role), Password: *password,
		Regions: regions, Country: *countryCode, Locale: *locale, ConferenceID: conferenceID,
	})
	if err != nil {
		return describe(err)
	}
	fmt.Fprintln(stdout, u.ID)
	return nil
}

// describe turns a validation error into a message naming each field, for
// the terminal.
func describe(err error) error {
	var e *accord.Error
	if ae, ok := err.(*accord.Error); ok {
		e = ae
	}
	if e == nil || len(e.Fields) == 0 {
		return err
	}
	var b strings.Builder
	b.WriteString(e.Message)
	for _, f := range e.Fields {
		fmt.Fprintf(&b, "\n  --%s: %s", strings.ReplaceAll(f.Field, "_", "-"), f.Message)
	}
	return fmt.Errorf("%s", b.String())
}

func cmdTick(ctx context.Context, getenv func(string) string, stdout, stderr io.Writer) error {
	a, err := open(ctx, getenv, stderr)
	if err != nil {
		return err
	}
	defer a.Close()
	n, err := a.Tick(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%d deadline transitions fired\n", n)
	return nil
}

func cmdWorkflows(stdout io.Writer) error {
	for _, m := range app.Tables() {
		fmt.Fprintf(stdout, "## %s\n\n```mermaid\n%s```\n\n", m.Name, workflow.Mermaid(m))
	}
	return nil
}

func cmdAuditVerify(ctx context.Context, getenv func(string) string, stdout, stderr io.Writer) error {
	a, err := open(ctx, getenv, stderr)
	if err != nil {
		return err
	}
	defer a.Close()
	report, err := audit.Verify(ctx, a.DB.WithContext(ctx))
	if err != nil {
		return err
	}
	if !report.OK {
		return fmt.Errorf("audit chain broken at event %d after %d checked: %s", report.BrokenSeq, report.Checked, report.Reason)
	}
	fmt.Fprintf(stdout, "audit chain intact: %d events verified\n", report.Checked)
	return nil
}
