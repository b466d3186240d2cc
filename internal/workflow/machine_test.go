package workflow_test

import (
	"context"
	"strings"
	"testing"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/audit"
	"github.com/accord-coalition/accord/internal/store/storetest"
	"github.com/accord-coalition/accord/internal/workflow"
)

func TestRegisterRefusesMalformedTables(t *testing.T) {
	cases := []struct {
		name   string
		change func(m *workflow.Machine)
		want   string
	}{
		{"duplicate (from, event)", func(m *workflow.Machine) {
			m.Transitions = append(m.Transitions, workflow.Transition{
				From: []string{"submitted"}, Event: "withdraw", To: "draft", Roles: []accord.Role{accord.RoleApplicant}})
		}, "duplicate (submitted, withdraw)"},
		{"deadline from an unknown state", func(m *workflow.Machine) {
			m.Deadlines[0].From = []string{"wiating"}
		}, `unknown state "wiating"`},
		{"deadline without a transition", func(m *workflow.Machine) {
			m.Deadlines[0].From = []string{"review"}
		}, "no transition (review, expire)"},
		{"deadline event people fire", func(m *workflow.Machine) {
			m.Deadlines[0].Event = "respond"
		}, "the system may not fire (waiting, respond)"},
		{"deadline without Load", func(m *workflow.Machine) { m.Load = nil }, "deadlines need Load"},
		{"table not an identifier", func(m *workflow.Machine) { m.Table = "widgets; DROP TABLE x" }, "table"},
		{"column not an identifier", func(m *workflow.Machine) { m.Deadlines[0].Column = "due_at OR 1=1" }, "column"},
		{"unknown role", func(m *workflow.Machine) { m.Transitions[0].Roles = []accord.Role{"owner"} }, `unknown role "owner"`},
		{"no role", func(m *workflow.Machine) { m.Transitions[0].Roles = nil }, "no role"},
		{"no target", func(m *workflow.Machine) { m.Transitions[0].To = "" }, "no target"},
		{"targets without resolve", func(m *workflow.Machine) { m.Transitions[0].Targets = []string{"a", "b"} }, "Targets without Resolve"},
		{"no initial state", func(m *workflow.Machine) { m.Initial = "" }, "no initial state"},
		{"rule for an unknown event", func(m *workflow.Machine) { m.Rules["aprove"] = workflow.Rule{} }, `rule for unknown event "aprove"`},
		{"event without a rule", func(m *workflow.Machine) { delete(m.Rules, "withdraw") }, `no rule for event "withdraw"`},
		{"bare table", func(m *workflow.Machine) { m.Rules = nil }, `no rule for event "submit"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := widgetMachine()
			tc.change(m)
			e := workflow.New(nil)
			err := e.Register(m)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Register: %v, want an error mentioning %q", err, tc.want)
			}
			if e.Machine(m.Name) != nil {
				t.Fatal("a refused machine was registered")
			}
		})
	}
	t.Run("same name twice", func(t *testing.T) {
		e := workflow.New(nil)
		if err := e.Register(widgetMachine()); err != nil {
			t.Fatal(err)
		}
		if err := e.Register(widgetMachine()); err == nil || !strings.Contains(err.Error(), "twice") {
			t.Fatalf("Register: %v", err)
		}
	})
	t.Run("well formed", func(t *testing.T) {
		e := workflow.New(nil)
		m := widgetMachine()
		if err := e.Register(m); err != nil {
			t.Fatal(err)
		}
		if e.Machine("widget") != m || len(e.Machines()) != 1 || e.Machine("gadget") != nil {
			t.Fatal("registered machine not found")
		}
	})
}

func TestMermaid(t *testing.T) {
	got := workflow.Mermaid(widgetMachine())
	if !strings.HasPrefix(got, "stateDiagram-v2\n    [*] --> draft\n") {
		t.Fatalf("diagram starts:\n%s", got)
	}
	for _, line := range []string{
		"    draft --> submitted: submit",
		"    submitted --> review: claim",
		"    review --> review: note",
		"    waiting --> expired: expire (deadline)",
		"    draft --> withdrawn: withdraw",
		"    submitted --> withdrawn: withdraw",
		"    rejected --> submitted: reopen",
		"    rejected --> review: reopen",
		"    approved --> [*]",
		"    expired --> [*]",
		"    withdrawn --> [*]",
	} {
		if !strings.Contains(got, line+"\n") {
			t.Errorf("diagram lacks %q:\n%s", line, got)
		}
	}
	if strings.Contains(got, "rejected --> [*]") || strings.Contains(got, "review --> [*]") {
		t.Errorf("a state with ways out is marked final:\n%s", got)
	}
}

func TestHistoryHidesInternalEventsFromApplicants(t *testing.T) {
	db := storetest.SQLite(t)
	fx := newFixture(t, db)
	ctx := context.Background()
	id := fx.insert(t, widget{State: "draft", Name: "w", Region: "AFR"})
	steps := []struct {
		actor accord.Actor
		req   workflow.Request
	}{
		{applicant, workflow.Request{Event: "submit"}},
		{coordinatorAF, workflow.Request{Event: "claim"}},
		{coordinatorAF, workflow.Request{Event: "note", Comment: "registration number looks odd"}},
		{secretariat, workflow.Request{Event: "approve"}},
	}
	for _, s := range steps {
		if _, err := fx.fire(t, id, s.actor, s.req); err != nil {
			t.Fatal(err)
		}
	}
	err := db.Transaction(ctx, func(tx *gorm.DB) error {
		return audit.Append(ctx, tx, &audit.Event{EntityType: "widget", EntityID: id, Event: "export", ActorRole: "secretariat"})
	})
	if err != nil {
		t.Fatal(err)
	}

	events := func(internal bool) string {
		evs, err := workflow.History(ctx, db.Gorm, fx.m, id, internal)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, e := range evs {
			names = append(names, e.Event)
		}
		return strings.Join(names, ",")
	}
	if got := events(false); got != "submit,claim,approve" {
		t.Fatalf("applicant's timeline %s", got)
	}
	if got := events(true); got != "submit,claim,note,approve,export" {
		t.Fatalf("staff timeline %s", got)
	}
}
