package workflow_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/clock"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/workflow"
)

// The widget machine exercises every feature of the engine:
//
//	draft --submit--> submitted --claim--> review --approve--> approved
//	                                       review --reject--> rejected --reopen--> submitted | review
//	                                       review --note--> review (internal)
//	                                       review --request_info--> waiting --respond--> review
//	                                                                waiting --expire (deadline)--> expired
//	draft, submitted --withdraw--> withdrawn
type widget struct {
	ID        string
	State     string
	Version   int
	Name      string
	Region    string
	DueAt     *time.Time
	CreatedAt time.Time
	UpdatedAt time.Time
}

func (widget) TableName() string { return "widgets" }

var widgetSchema = map[store.Dialect][]string{
	store.Postgres: {
		`CREATE TABLE widgets (
			id uuid PRIMARY KEY, state text NOT NULL, version integer NOT NULL DEFAULT 1,
			name text NOT NULL DEFAULT '', region text NOT NULL DEFAULT '', due_at timestamptz,
			created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL)`,
		`CREATE TABLE widget_notes (widget_id uuid NOT NULL REFERENCES widgets(id), note text NOT NULL)`,
	},
	store.SQLite: {
		`CREATE TABLE widgets (
			id TEXT PRIMARY KEY, state TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1,
			name TEXT NOT NULL DEFAULT '', region TEXT NOT NULL DEFAULT '', due_at DATETIME,
			created_at DATETIME NOT NULL, updated_at DATETIME NOT NULL)`,
		`CREATE TABLE widget_notes (widget_id TEXT NOT NULL REFERENCES widgets(id), note TEXT NOT NULL)`,
	},
}

func createWidgets(t testing.TB, db *store.DB) {
	t.Helper()
	for _, s := range widgetSchema[db.Dialect] {
		if err := db.WithContext(context.Background()).Exec(s).Error; err != nil {
			t.Fatalf("create widget tables: %v", err)
		}
	}
}

func (w *widget) WorkflowSubject() workflow.Subject {
	return workflow.Subject{ID: w.ID, State: w.State, Version: w.Version, Value: w}
}

var loadWidget = workflow.LoadEntity[widget]("widget")

var errEffectFailed = errors.New("effect failed on purpose")

func widgetMachine() *workflow.Machine {
	applicant := []accord.Role{accord.RoleApplicant}
	staff := []accord.Role{accord.RoleCoordinator, accord.RoleSecretariat}
	secretariat := []accord.Role{accord.RoleSecretariat}
	addNote := func(ctx context.Context, f *workflow.Firing, note string) error {
		return f.Tx.Exec("INSERT INTO widget_notes (widget_id, note) VALUES (?, ?)", f.Subject.ID, note).Error
	}
	return &workflow.Machine{
		Name:    "widget",
		Table:   "widgets",
		Initial: "draft",
		Load:    loadWidget,
		Transitions: []workflow.Transition{
			{From: []string{"draft"}, Event: "submit", To: "submitted", Roles: applicant},
			{From: []string{"submitted"}, Event: "claim", To: "review", Roles: staff},
			{From: []string{"review"}, Event: "approve", To: "approved", Roles: secretariat},
			{From: []string{"review"}, Event: "reject", To: "rejected", Roles: secretariat, CommentRequired: true},
			{From: []string{"review"}, Event: "note", To: "review", Roles: staff, CommentRequired: true, Internal: true},
			{From: []string{"review"}, Event: "request_info", To: "waiting", Roles: secretariat},
			{From: []string{"waiting"}, Event: "respond", To: "review", Roles: applicant},
			{From: []string{"waiting"}, Event: "expire", To: "expired", Roles: []accord.Role{accord.RoleSystem}},
			{From: []string{"draft", "submitted"}, Event: "withdraw", To: "withdrawn", Roles: applicant},
			{From: []string{"rejected"}, Event: "reopen", Roles: secretariat, Targets: []string{"submitted", "review"},
				Resolve: func(ctx context.Context, f *workflow.Firing) (string, error) {
					if f.Request.Data == "straight to review" {
						return "review", nil
					}
					return "submitted", nil
				}},
		},
		Rules: workflow.Rules{
			"submit": {Guard: func(ctx context.Context, f *workflow.Firing) error {
				if f.Subject.Value.(*widget).Name == "" {
					return accord.Invalid("the widget is incomplete", accord.Field("name", "required"))
				}
				return nil
			}},
			"claim": {Authorize: func(ctx context.Context, f *workflow.Firing) error {
				if f.Actor.Is(accord.RoleCoordinator) && !f.Actor.CoversRegion(f.Subject.Value.(*widget).Region) {
					return accord.Forbidden("not a coordinator of this region")
				}
				return nil
			}},
			"approve": {Effect: func(ctx context.Context, f *workflow.Firing) error {
				f.AuditData = map[string]any{"note": "approved"}
				return addNote(ctx, f, "approved")
			}},
			"reject": {Effect: func(ctx context.Context, f *workflow.Firing) error {
				if err := addNote(ctx, f, "rejected"); err != nil {
					return err
				}
				if f.Request.Comment == "fail the effect" {
					return errEffectFailed
				}
				return nil
			}},
			"note":         {},
			"request_info": {},
			"respond":      {},
			"expire": {Guard: func(ctx context.Context, f *workflow.Firing) error {
				if f.Subject.Value.(*widget).Name == "stuck" {
					return accord.Invalid("this widget cannot expire")
				}
				return nil
			}},
			"withdraw": {},
			"reopen":   {},
		},
		Deadlines: []workflow.Deadline{{Event: "expire", From: []string{"waiting"}, Column: "due_at"}},
	}
}

// newClock returns the hand-moved clock a fixture starts with.
func newClock() *clock.Manual {
	return clock.NewManual(time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC))
}

// fixture is a migrated database with the widget tables, an engine with
// the widget machine on a hand-moved clock.
type fixture struct {
	db     *store.DB
	engine *workflow.Engine
	m      *workflow.Machine
	clock  *clock.Manual
}

func newFixture(t testing.TB, db *store.DB, opts ...workflow.Option) *fixture {
	t.Helper()
	createWidgets(t, db)
	clock := newClock()
	e := workflow.New(db, append([]workflow.Option{workflow.WithClock(clock.Now)}, opts...)...)
	m := widgetMachine()
	if err := e.Register(m); err != nil {
		t.Fatal(err)
	}
	return &fixture{db: db, engine: e, m: m, clock: clock}
}

// insert adds a widget in state and returns its id.
func (fx *fixture) insert(t testing.TB, w widget) string {
	t.Helper()
	if w.ID == "" {
		w.ID = uuid.NewString()
	}
	if w.Version == 0 {
		w.Version = 1
	}
	if err := fx.db.WithContext(context.Background()).Create(&w).Error; err != nil {
		t.Fatalf("insert widget: %v", err)
	}
	return w.ID
}

func (fx *fixture) load(t testing.TB, id string) workflow.Subject {
	t.Helper()
	s, err := loadWidget(context.Background(), fx.db.Gorm, id)
	if err != nil {
		t.Fatalf("load widget %s: %v", id, err)
	}
	return s
}

// fire loads the widget and fires req in a transaction of its own.
func (fx *fixture) fire(t testing.TB, id string, actor accord.Actor, req workflow.Request) (workflow.Result, error) {
	t.Helper()
	var res workflow.Result
	err := fx.db.Transaction(context.Background(), func(tx *gorm.DB) error {
		subj, err := loadWidget(context.Background(), tx, id)
		if err != nil {
			return err
		}
		res, err = fx.engine.Fire(context.Background(), tx, fx.m, actor, subj, req)
		return err
	})
	return res, err
}

func (fx *fixture) count(t testing.TB, query string, args ...any) int64 {
	t.Helper()
	var n int64
	if err := fx.db.WithContext(context.Background()).Raw(query, args...).Scan(&n).Error; err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

var (
	applicant     = accord.Actor{UserID: "u-applicant", Role: accord.RoleApplicant, RequestID: "req-1"}
	coordinatorAF = accord.Actor{UserID: "u-coord-afr", Role: accord.RoleCoordinator, Regions: []string{"AFR"}}
	coordinatorAS = accord.Actor{UserID: "u-coord-asp", Role: accord.RoleCoordinator, Regions: []string{"ASP"}}
	secretariat   = accord.Actor{UserID: "u-hub", Role: accord.RoleSecretariat}
	stateParty    = accord.Actor{UserID: "u-state", Role: accord.RoleStateParty, Country: "KE"}
	public        = accord.Actor{}
	system        = accord.SystemActor()
)
