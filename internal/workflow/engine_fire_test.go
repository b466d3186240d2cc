package workflow_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/audit"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
	"github.com/accord-coalition/accord/internal/workflow"
)

func TestFireRefusals(t *testing.T) {
	cases := []struct {
		name      string
		state     string
		wname     string
		actor     accord.Actor
		req       workflow.Request
		wantKind  accord.Kind
		wantField string
	}{
		{"unknown event", "review", "w", secretariat, workflow.Request{Event: "explode"}, accord.KindInvalid, "event"},
		{"unknown event before role", "review", "w", public, workflow.Request{Event: "explode"}, accord.KindInvalid, "event"},
		{"role may never fire it", "review", "w", applicant, workflow.Request{Event: "approve"}, accord.KindForbidden, ""},
		{"role checked before state", "draft", "w", applicant, workflow.Request{Event: "approve"}, accord.KindForbidden, ""},
		{"the public", "draft", "w", public, workflow.Request{Event: "submit"}, accord.KindForbidden, ""},
		{"system-only event for a person", "waiting", "w", secretariat, workflow.Request{Event: "expire"}, accord.KindForbidden, ""},
		{"state party", "submitted", "w", stateParty, workflow.Request{Event: "claim"}, accord.KindForbidden, ""},
		{"not from this state", "draft", "w", secretariat, workflow.Request{Event: "approve"}, accord.KindConflict, ""},
		{"not from this state, other from-states exist", "review", "w", applicant, workflow.Request{Event: "withdraw"}, accord.KindConflict, ""},
		{"stale version", "review", "w", secretariat, workflow.Request{Event: "approve", Version: 7}, accord.KindConflict, ""},
		{"stale version before blank comment", "review", "w", secretariat, workflow.Request{Event: "reject", Version: 7}, accord.KindConflict, ""},
		{"blank required comment", "review", "w", secretariat, workflow.Request{Event: "reject", Comment: " \t\n"}, accord.KindInvalid, "comment"},
		{"authorize refuses", "submitted", "w", coordinatorAS, workflow.Request{Event: "claim"}, accord.KindForbidden, ""},
		{"guard refuses", "draft", "", applicant, workflow.Request{Event: "submit"}, accord.KindInvalid, "name"},
	}
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		fx := newFixture(t, db)
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				id := fx.insert(t, widget{State: tc.state, Name: tc.wname, Region: "AFR"})
				_, err := fx.fire(t, id, tc.actor, tc.req)
				if got := accord.KindOf(err); got != tc.wantKind {
					t.Fatalf("error %v: kind %d, want %d", err, got, tc.wantKind)
				}
				if tc.wantField != "" {
					var ae *accord.Error
					if !errors.As(err, &ae) || len(ae.Fields) != 1 || ae.Fields[0].Field != tc.wantField {
						t.Fatalf("error %#v: want one field error on %q", err, tc.wantField)
					}
				}
				after := fx.load(t, id)
				if after.State != tc.state || after.Version != 1 {
					t.Fatalf("widget moved to %s v%d after a refusal", after.State, after.Version)
				}
				if n := fx.count(t, "SELECT count(*) FROM audit_events WHERE entity_id = ?", id); n != 0 {
					t.Fatalf("%d audit events after a refusal", n)
				}
			})
		}
	})
}

func TestFireMovesAuditsAndRunsEffect(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		var counted []string
		fx := newFixture(t, db, workflow.WithTransitionCounter(func(m, ev string) { counted = append(counted, m+"/"+ev) }))
		ctx := context.Background()
		id := fx.insert(t, widget{State: "draft", Name: "Transparency Kenya", Region: "AFR"})

		res, err := fx.fire(t, id, applicant, workflow.Request{Event: "submit", Comment: "  ready  ", Version: 1})
		if err != nil {
			t.Fatal(err)
		}
		if res != (workflow.Result{From: "draft", To: "submitted", Version: 2, AuditSeq: 1}) {
			t.Fatalf("result %+v", res)
		}
		w := fx.load(t, id).Value.(*widget)
		if w.State != "submitted" || w.Version != 2 || !w.UpdatedAt.Equal(fx.clock.Now()) {
			t.Fatalf("widget after submit: %+v (clock %v)", w, fx.clock.Now())
		}

		fx.clock.Advance(3600e9)
		if _, err := fx.fire(t, id, coordinatorAF, workflow.Request{Event: "claim"}); err != nil {
			t.Fatal(err)
		}
		res, err = fx.fire(t, id, secretariat, workflow.Request{Event: "approve"})
		if err != nil {
			t.Fatal(err)
		}
		if res.To != "approved" || res.Version != 4 || res.AuditSeq != 3 {
			t.Fatalf("result %+v", res)
		}
		if n := fx.count(t, "SELECT count(*) FROM widget_notes WHERE widget_id = ? AND note = 'approved'", id); n != 1 {
			t.Fatalf("effect wrote %d notes", n)
		}

		evs, err := audit.ForEntity(ctx, db.Gorm, "widget", id)
		if err != nil {
			t.Fatal(err)
		}
		if len(evs) != 3 {
			t.Fatalf("%d audit events, want 3", len(evs))
		}
		first := evs[0]
		if first.Event != "submit" || first.FromState != "draft" || first.ToState != "submitted" ||
			first.ActorID != "u-applicant" || first.ActorRole != "applicant" || first.Comment != "ready" ||
			first.RequestID != "req-1" || !first.OccurredAt.Equal(newClock().Now()) {
			t.Fatalf("submit event %+v", first)
		}
		if evs[1].ActorRole != "coordinator" || evs[2].Data["note"] != "approved" {
			t.Fatalf("events %+v", evs[1:])
		}
		if want := []string{"widget/submit", "widget/claim", "widget/approve"}; fmt.Sprint(counted) != fmt.Sprint(want) {
			t.Fatalf("counted %v, want %v", counted, want)
		}
		if rep, err := audit.Verify(ctx, db.Gorm); err != nil || !rep.OK || rep.Checked != 3 {
			t.Fatalf("verify %+v, %v", rep, err)
		}
	})
}

func TestFireResolvesDynamicTarget(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		fx := newFixture(t, db)
		for data, want := range map[string]string{"": "submitted", "straight to review": "review"} {
			id := fx.insert(t, widget{State: "rejected", Name: "w"})
			res, err := fx.fire(t, id, secretariat, workflow.Request{Event: "reopen", Data: data})
			if err != nil {
				t.Fatal(err)
			}
			if res.To != want || fx.load(t, id).State != want {
				t.Fatalf("reopen with %q went to %s, want %s", data, res.To, want)
			}
		}
	})
}

func TestFireLostUpdateIsConflict(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		fx := newFixture(t, db)
		id := fx.insert(t, widget{State: "review", Name: "w"})
		seen := fx.load(t, id) // what a reviewer's page showed

		if _, err := fx.fire(t, id, secretariat, workflow.Request{Event: "note", Comment: "checked the statutes"}); err != nil {
			t.Fatal(err)
		}
		err := db.Transaction(context.Background(), func(tx *gorm.DB) error {
			_, err := fx.engine.Fire(context.Background(), tx, fx.m, secretariat, seen, workflow.Request{Event: "approve"})
			return err
		})
		if accord.KindOf(err) != accord.KindConflict {
			t.Fatalf("firing on a stale subject: %v, want a conflict", err)
		}
		if n := fx.count(t, "SELECT count(*) FROM widget_notes"); n != 0 {
			t.Fatalf("the losing firing's effect left %d notes", n)
		}
	})
}

func TestFailureRollsBackStateEffectAndAudit(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		fx := newFixture(t, db)
		ctx := context.Background()
		id := fx.insert(t, widget{State: "review", Name: "w"})
		if _, err := fx.fire(t, id, secretariat, workflow.Request{Event: "note", Comment: "first"}); err != nil {
			t.Fatal(err)
		}

		_, err := fx.fire(t, id, secretariat, workflow.Request{Event: "reject", Comment: "fail the effect"})
		if !errors.Is(err, errEffectFailed) {
			t.Fatalf("error %v, want the effect's", err)
		}
		// The caller's own failure after a successful Fire undoes it too.
		errCaller := errors.New("caller failed later")
		err = db.Transaction(ctx, func(tx *gorm.DB) error {
			subj, _ := loadWidget(ctx, tx, id)
			if _, err := fx.engine.Fire(ctx, tx, fx.m, secretariat, subj, workflow.Request{Event: "approve"}); err != nil {
				return err
			}
			return errCaller
		})
		if !errors.Is(err, errCaller) {
			t.Fatalf("error %v", err)
		}

		if s := fx.load(t, id); s.State != "review" || s.Version != 2 {
			t.Fatalf("widget is %s v%d, want review v2", s.State, s.Version)
		}
		if n := fx.count(t, "SELECT count(*) FROM widget_notes"); n != 0 {
			t.Fatalf("%d notes survived the rollback", n)
		}
		if n := fx.count(t, "SELECT count(*) FROM audit_events"); n != 1 {
			t.Fatalf("%d audit events, want only the first note's", n)
		}
		if n := fx.count(t, "SELECT max(seq) FROM audit_head"); n != 1 {
			t.Fatalf("audit head at %d, want 1", n)
		}
		res, err := fx.fire(t, id, secretariat, workflow.Request{Event: "reject", Comment: "incomplete statutes"})
		// PostgreSQL's sequence does not take back the number the
		// caller's rolled-back firing drew; the chain links events, not
		// numbers, so the gap is no break.
		wantSeq := int64(2)
		if db.IsPostgres() {
			wantSeq = 3
		}
		if err != nil || res.AuditSeq != wantSeq {
			t.Fatalf("after the rollbacks: %+v, %v", res, err)
		}
		if rep, err := audit.Verify(ctx, db.Gorm); err != nil || !rep.OK || rep.Checked != 2 {
			t.Fatalf("verify %+v, %v", rep, err)
		}
	})
}

func TestConcurrentFiringHasOneWinner(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		fx := newFixture(t, db)
		id := fx.insert(t, widget{State: "review", Name: "w"})
		subj := fx.load(t, id)

		const racers = 12
		errs := make([]error, racers)
		start := make(chan struct{})
		var wg sync.WaitGroup
		for i := range racers {
			wg.Go(func() {
				<-start
				errs[i] = db.Transaction(context.Background(), func(tx *gorm.DB) error {
					_, err := fx.engine.Fire(context.Background(), tx, fx.m, secretariat, subj,
						workflow.Request{Event: "approve", Version: subj.Version})
					return err
				})
			})
		}
		close(start)
		wg.Wait()

		won, lost := 0, 0
		for _, err := range errs {
			switch {
			case err == nil:
				won++
			case accord.KindOf(err) == accord.KindConflict:
				lost++
			default:
				t.Errorf("unexpected error: %v", err)
			}
		}
		if won != 1 || lost != racers-1 {
			t.Fatalf("%d won, %d conflicts; want 1 and %d", won, lost, racers-1)
		}
		if n := fx.count(t, "SELECT count(*) FROM audit_events WHERE entity_id = ?", id); n != 1 {
			t.Fatalf("%d audit events, want 1", n)
		}
		if n := fx.count(t, "SELECT count(*) FROM widget_notes WHERE widget_id = ?", id); n != 1 {
			t.Fatalf("%d effects, want 1", n)
		}
		if s := fx.load(t, id); s.State != "approved" || s.Version != 2 {
			t.Fatalf("widget %s v%d", s.State, s.Version)
		}
	})
}

func TestFireNeedsARegisteredMachine(t *testing.T) {
	db := storetest.SQLite(t)
	fx := newFixture(t, db)
	id := fx.insert(t, widget{State: "draft", Name: "w"})
	other := widgetMachine() // same table, never registered
	err := db.Transaction(context.Background(), func(tx *gorm.DB) error {
		_, err := fx.engine.Fire(context.Background(), tx, other, applicant, fx.load(t, id), workflow.Request{Event: "submit"})
		return err
	})
	if err == nil || accord.KindOf(err) != accord.KindInternal {
		t.Fatalf("unregistered machine: %v", err)
	}
}

func TestLoadEntity(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		fx := newFixture(t, db)
		id := fx.insert(t, widget{State: "review", Name: "w", Version: 3})
		s := fx.load(t, id)
		if w, ok := s.Value.(*widget); s.ID != id || s.State != "review" || s.Version != 3 || !ok || w.Name != "w" {
			t.Fatalf("subject %+v", s)
		}
		for _, missing := range []string{"3f0e8d8e-8a43-4c55-9a43-111111111111", "not-a-uuid", ""} {
			_, err := loadWidget(context.Background(), db.Gorm, missing)
			if accord.KindOf(err) != accord.KindNotFound {
				t.Errorf("load %q: %v, want not found", missing, err)
			}
		}
	})
}
