package workflow_test

import (
	"context"
	"errors"
	"testing"

	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
	"github.com/accord-coalition/accord/internal/workflow"
)

// The after-fire hook sees the transition as it happened, in its
// transaction: what the hook writes commits with the change, and a hook
// that fails takes the change, its audit event and its own writes with it.
func TestAfterFireRunsInTheTransitionsTransaction(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		fail := false
		var seen []string
		fx := newFixture(t, db, workflow.WithAfterFire(func(ctx context.Context, f *workflow.Firing, r workflow.Result) error {
			seen = append(seen, f.Machine.Name+"."+r.To+"/"+f.Request.Event)
			if r.AuditSeq == 0 || r.Version != f.Subject.Version+1 || r.From != f.Subject.State {
				t.Errorf("hook got result %+v for subject %+v", r, f.Subject)
			}
			// A write of the hook's own, in the transition's transaction.
			if err := f.Tx.Exec("UPDATE widgets SET name = ? WHERE id = ?", "seen by the hook", f.Subject.ID).Error; err != nil {
				return err
			}
			if fail {
				return errors.New("the outbox is full")
			}
			return nil
		}))
		id := fx.insert(t, widget{State: "draft", Name: "Transparency Kenya", Region: "AFR"})
		if _, err := fx.fire(t, id, applicant, workflow.Request{Event: "submit"}); err != nil {
			t.Fatal(err)
		}
		if len(seen) != 1 || seen[0] != "widget.submitted/submit" {
			t.Fatalf("hook saw %v", seen)
		}
		if n := fx.count(t, "SELECT count(*) FROM widgets WHERE id = ? AND name = ?", id, "seen by the hook"); n != 1 {
			t.Fatal("the hook's write did not commit with the transition")
		}

		fail = true
		id = fx.insert(t, widget{State: "draft", Name: "Transparency Kenya", Region: "AFR"})
		if _, err := fx.fire(t, id, applicant, workflow.Request{Event: "submit"}); err == nil {
			t.Fatal("a failing hook did not fail the transition")
		}
		if after := fx.load(t, id); after.State != "draft" || after.Version != 1 {
			t.Fatalf("widget moved to %s v%d although the hook failed", after.State, after.Version)
		}
		if n := fx.count(t, "SELECT count(*) FROM audit_events WHERE entity_id = ?", id); n != 0 {
			t.Fatalf("%d audit events although the hook failed", n)
		}
		if n := fx.count(t, "SELECT count(*) FROM widgets WHERE id = ? AND name = ?", id, "seen by the hook"); n != 0 {
			t.Fatal("the hook's write survived the failed transition")
		}
	})
}
