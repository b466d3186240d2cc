package report_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/accreditation"
	"github.com/accord-coalition/accord/internal/apitest"
	"github.com/accord-coalition/accord/internal/audit"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/clock"
	"github.com/accord-coalition/accord/internal/config"
	"github.com/accord-coalition/accord/internal/country"
	"github.com/accord-coalition/accord/internal/httpapi"
	"github.com/accord-coalition/accord/internal/membership"
	"github.com/accord-coalition/accord/internal/report"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/workflow"
)

const testSecret = "a-test-secret-key-for-the-reports-0123456789"

// env is the report API on a real server and a real database, with the
// accreditation service the lists come from.
type env struct {
	t       *testing.T
	db      *store.DB
	clock   *clock.Manual
	engine  *workflow.Engine
	accr    *accreditation.Service
	reports *report.Service
	auth    *auth.Service
	api     string
	seq     int
}

func newEnv(t *testing.T, db *store.DB) *env {
	t.Helper()
	ctx := context.Background()
	if _, _, err := country.Load(ctx, db); err != nil {
		t.Fatalf("load countries: %v", err)
	}
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	clk := clock.NewManual(time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	authz := auth.NewAuthorizer(logger)
	acfg := auth.DefaultConfig([]byte(testSecret))
	acfg.Argon2 = auth.Argon2Params{Memory: 1024, Time: 1, Threads: 1, KeyLen: 32, SaltLen: 16}
	acfg.EmailVerification = false
	authSvc := auth.NewService(db, acfg, authz, logger)
	engine := workflow.New(db, workflow.WithClock(clk.Now), workflow.WithLogger(logger))
	accr, err := accreditation.NewService(db, engine, authz, accreditation.Config{
		SecretKey: []byte(testSecret), BaseURL: "http://accord.test", AllowShortDeadlines: true,
		PassportRetention: 90 * 24 * time.Hour, Now: clk.Now,
	}, logger)
	if err != nil {
		t.Fatal(err)
	}
	if err := engine.Register(accr.Machines()...); err != nil {
		t.Fatal(err)
	}
	reports, err := report.NewService(db, authz, accr, report.Config{
		SecretKey: []byte(testSecret), LetterRetention: 90 * 24 * time.Hour, Now: clk.Now,
	}, logger)
	if err != nil {
		t.Fatal(err)
	}
	srv := httpapi.New(httpapi.Deps{
		Config: config.Config{BaseURL: "http://accord.test", SecretKey: []byte(testSecret)},
		DB:     db, Auth: authSvc, Logger: logger, Accreditation: accr,
	})
	srv.RegisterReportRoutes(reports)
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(hs.Close)
	return &env{t: t, db: db, clock: clk, engine: engine, accr: accr, reports: reports, auth: authSvc,
		api: hs.URL + httpapi.APIPrefix}
}

// user is a signed-in person; a nil *user is the public.
type user struct {
	ID, Token, Country, OrgID string
	Role                      accord.Role
}

func (u *user) actor() accord.Actor {
	return accord.Actor{UserID: u.ID, Role: u.Role, OrganizationID: u.OrgID, Country: u.Country}
}

// person creates a user of role, as `accord user create` does, attaches
// an applicant to its organisation, and signs it in.
func (e *env) person(role accord.Role, country, orgID string) *user {
	e.t.Helper()
	ctx := context.Background()
	e.seq++
	email := fmt.Sprintf("%s%d@example.org", role, e.seq)
	var regions []string
	if role == accord.RoleCoordinator {
		regions = []string{"MENA"}
	}
	u, err := e.auth.CreateUserDirect(ctx, auth.CreateUserInput{
		Email: email, Name: "Person " + string(role), Role: role, Country: country, Locale: "en",
		Password: "a long enough password", Regions: regions,
	})
	if err != nil {
		e.t.Fatalf("create %s: %v", role, err)
	}
	if orgID != "" {
		if err := e.db.WithContext(ctx).Table("users").Where("id = ?", u.ID).Update("organization_id", orgID).Error; err != nil {
			e.t.Fatal(err)
		}
	}
	pair, err := e.auth.Login(ctx, email, "a long enough password", "192.0.2.1")
	if err != nil {
		e.t.Fatalf("login %s: %v", email, err)
	}
	return &user{ID: u.ID, Token: pair.AccessToken, Role: role, Country: country, OrgID: orgID}
}

// organization inserts an organisation and returns its id.
func (e *env) organization(name, nameEN, country, region, ecosoc string) string {
	e.t.Helper()
	now := e.clock.Now()
	o := membership.Organization{
		ID: uuid.NewString(), Name: name, NameEN: nameEN, Country: country, Region: region,
		EcosocStatus: ecosoc, Email: "office@" + strings.ToLower(country) + ".example.org", Phone: "+20 2 2794 1234",
		Version: 1, CreatedAt: now, UpdatedAt: now,
	}
	o.RefreshKeys()
	if err := e.db.WithContext(context.Background()).Create(&o).Error; err != nil {
		e.t.Fatalf("insert organisation: %v", err)
	}
	return o.ID
}

// res is an HTTP response read whole.
type res struct {
	status int
	header http.Header
	body   []byte
}

// get fetches path under the API root as u.
func (e *env) get(u *user, path string, headers ...string) res {
	e.t.Helper()
	return e.send(u, http.MethodGet, path, headers...)
}

func (e *env) send(u *user, method, path string, headers ...string) res {
	e.t.Helper()
	token := ""
	if u != nil {
		token = u.Token
	}
	r := apitest.Do(e.t, method, e.api+path, token, nil, headers...)
	return res{status: r.Status, header: r.Header, body: r.Body}
}

// want fails unless the answer has status want.
func (r res) want(t *testing.T, what string, want int) res {
	t.Helper()
	if r.status != want {
		t.Fatalf("%s: status %d, want %d: %.500s", what, r.status, want, r.body)
	}
	return r
}

// auditEvents returns the audit events of entity type and event, in order.
func (e *env) auditEvents(entityType, event string) []audit.Event {
	e.t.Helper()
	var evs []audit.Event
	err := e.db.WithContext(context.Background()).Where("entity_type = ? AND event = ?", entityType, event).
		Order("seq").Find(&evs).Error
	if err != nil {
		e.t.Fatal(err)
	}
	return evs
}

// pdfText extracts a PDF's text with pdftotext, without the bidi marks
// poppler puts around right-to-left runs and with whitespace collapsed. It
// skips the test without poppler, except in CI, which must have it.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	tool, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext not found: CI must install poppler-utils")
		}
		t.Skip("pdftotext not found (apt-get install poppler-utils)")
	}
	file := filepath.Join(t.TempDir(), "export.pdf")
	if err := os.WriteFile(file, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, "-enc", "UTF-8", file, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v: %s", err, out)
	}
	text := regexp.MustCompile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]").ReplaceAllString(string(out), "")
	return regexp.MustCompile(`\s+`).ReplaceAllString(text, " ")
}
