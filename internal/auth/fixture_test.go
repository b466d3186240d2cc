package auth

import (
	"context"
	"errors"
	"log/slog"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/clock"
	"github.com/accord-coalition/accord/internal/notify"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
)

// testSecret is long enough for newAccessTokens.
var testSecret = []byte("a test secret that is at least thirty-two bytes long")

// cheapArgon2 keeps tests fast under -race; production uses DefaultArgon2.
var cheapArgon2 = Argon2Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}

// sentMail is one message the service enqueued.
type sentMail struct {
	To       notify.Recipient
	Template string
	Data     map[string]any
}

type fixture struct {
	t     *testing.T
	ctx   context.Context
	db    *store.DB
	clock *clock.Manual
	authz *Authorizer
	svc   *Service

	mu   sync.Mutex
	mail []sentMail
}

// newFixture wires a service on db with a test clock and cheap hashing;
// edit adjusts the configuration. Mails still go through notify.Enqueue,
// and are also kept so tests can follow their links.
func newFixture(t *testing.T, db *store.DB, edit ...func(*Config)) *fixture {
	t.Helper()
	f := &fixture{t: t, ctx: context.Background(), db: db,
		clock: clock.NewManual(time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))}
	cfg := DefaultConfig(testSecret)
	cfg.Argon2 = cheapArgon2
	cfg.Now = f.clock.Now
	cfg.BaseURL = "https://accord.example"
	for _, e := range edit {
		e(&cfg)
	}
	quiet := slog.New(slog.DiscardHandler)
	f.authz = NewAuthorizer(quiet)
	f.svc = NewService(db, cfg, f.authz, quiet)
	f.svc.enqueue = func(ctx context.Context, tx *gorm.DB, to notify.Recipient, template string, data map[string]any) error {
		if err := notify.Enqueue(ctx, tx, to, template, data); err != nil {
			return err
		}
		f.mu.Lock()
		f.mail = append(f.mail, sentMail{To: to, Template: template, Data: data})
		f.mu.Unlock()
		return nil
	}
	seedRegions(t, db)
	return f
}

// engines runs fn once per engine, each with a fixture of its own; edit
// adjusts the configuration as for newFixture.
func engines(t *testing.T, fn func(t *testing.T, f *fixture), edit ...func(*Config)) {
	t.Helper()
	storetest.Engines(t, func(t *testing.T, db *store.DB) { fn(t, newFixture(t, db, edit...)) })
}

// withLoginLimit sets the limits on failed sign-ins.
func withLoginLimit(l LoginLimit) func(*Config) {
	return func(c *Config) { c.LoginLimit = l }
}

// seedRegions loads the five coalition regions, as `accord seed` does.
func seedRegions(t *testing.T, db *store.DB) {
	t.Helper()
	var n int64
	if err := db.WithContext(context.Background()).Table("regions").Count(&n).Error; err != nil || n > 0 {
		return // loaded by an earlier fixture on the same database
	}
	for _, code := range Regions {
		err := db.WithContext(context.Background()).Exec(
			`INSERT INTO regions (code, name_ar, name_en, name_fr, name_es) VALUES (?, ?, ?, ?, ?)`,
			code, code, code, code, code).Error
		if err != nil {
			t.Fatalf("seed region %s: %v", code, err)
		}
	}
}

// lastMail returns the newest mail of template sent to email.
func (f *fixture) lastMail(template, email string) sentMail {
	f.t.Helper()
	f.mu.Lock()
	defer f.mu.Unlock()
	for i := len(f.mail) - 1; i >= 0; i-- {
		if m := f.mail[i]; m.Template == template && m.To.Email == email {
			return m
		}
	}
	f.t.Fatalf("no %s mail to %s", template, email)
	return sentMail{}
}

func (f *fixture) mailCount(template string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, m := range f.mail {
		if m.Template == template {
			n++
		}
	}
	return n
}

// linkToken takes the token out of a mailed link: the token query
// parameter, or else the last path segment.
func linkToken(t *testing.T, link any) string {
	t.Helper()
	u, err := url.Parse(link.(string))
	if err != nil {
		t.Fatalf("mailed link %v: %v", link, err)
	}
	if tok := u.Query().Get("token"); tok != "" {
		return tok
	}
	return u.Path[strings.LastIndexByte(u.Path, '/')+1:]
}

// register opens an applicant account and, unless verification is off,
// follows the mailed link.
func (f *fixture) register(email, password string) *User {
	f.t.Helper()
	u, err := f.svc.Register(f.ctx, RegisterInput{Email: email, Password: password, Name: "Amina Haddad", Locale: "ar"})
	if err != nil {
		f.t.Fatalf("register %s: %v", email, err)
	}
	if f.svc.cfg.EmailVerification {
		m := f.lastMail("verify_email", u.Email)
		if err := f.svc.VerifyEmail(f.ctx, linkToken(f.t, m.Data["url"])); err != nil {
			f.t.Fatalf("verify %s: %v", email, err)
		}
	}
	return u
}

func (f *fixture) login(email, password string) TokenPair {
	f.t.Helper()
	pair, err := f.svc.Login(f.ctx, email, password, "192.0.2.1")
	if err != nil {
		f.t.Fatalf("login %s: %v", email, err)
	}
	return pair
}

// staff creates a verified user of role directly and returns its actor.
func (f *fixture) staff(role accord.Role, email string) accord.Actor {
	f.t.Helper()
	in := CreateUserInput{Email: email, Name: "Staff " + string(role), Role: role, Password: "correct horse battery"}
	switch role {
	case accord.RoleCoordinator:
		in.Regions = []string{"MENA"}
	case accord.RoleStateParty:
		in.Country = "KE"
	}
	u, err := f.svc.CreateUserDirect(f.ctx, in)
	if err != nil {
		f.t.Fatalf("create %s: %v", role, err)
	}
	return u.Actor()
}

// wantKind fails unless err is an *accord.Error of kind k.
func wantKind(t *testing.T, err error, k accord.Kind) *accord.Error {
	t.Helper()
	var e *accord.Error
	if !errors.As(err, &e) || e.Kind != k {
		t.Fatalf("error %v (kind %v); want kind %v", err, accord.KindOf(err), k)
	}
	return e
}

// wantField fails unless err is invalid and names field.
func wantField(t *testing.T, err error, field string) {
	t.Helper()
	e := wantKind(t, err, accord.KindInvalid)
	for _, fe := range e.Fields {
		if fe.Field == field {
			return
		}
	}
	t.Fatalf("invalid fields %+v; want one on %q", e.Fields, field)
}
