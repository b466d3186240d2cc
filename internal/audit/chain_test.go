package audit_test

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/audit"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
)

// appendEvents appends n events, each in its own transaction.
func appendEvents(t *testing.T, db *store.DB, n int) {
	t.Helper()
	for i := range n {
		err := db.Transaction(context.Background(), func(tx *gorm.DB) error {
			return audit.Append(context.Background(), tx, &audit.Event{
				EntityType: "widget",
				EntityID:   fmt.Sprintf("w%d", i%3),
				Event:      "submit",
				FromState:  "draft",
				ToState:    "submitted",
				ActorID:    "u1",
				ActorRole:  "applicant",
				Comment:    fmt.Sprintf("comment %d — تعليق", i),
				RequestID:  "req",
			})
		})
		if err != nil {
			t.Fatalf("append %d: %v", i, err)
		}
	}
}

func verify(t *testing.T, db *store.DB) audit.VerifyReport {
	t.Helper()
	rep, err := audit.Verify(context.Background(), db.Gorm)
	if err != nil {
		t.Fatalf("verify: %v", err)
	}
	return rep
}

// wantIntact fails the test unless the chain verifies with checked events.
func wantIntact(t *testing.T, db *store.DB, checked int64) {
	t.Helper()
	if rep := verify(t, db); !rep.OK || rep.Checked != checked {
		t.Fatalf("report %+v, want OK with %d checked", rep, checked)
	}
}

func TestChainVerifies(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		wantIntact(t, db, 0)
		appendEvents(t, db, 25)
		wantIntact(t, db, 25)
	})
}

func TestAppendFillsFieldsAndRoundTrips(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		at := time.Date(2026, 3, 1, 12, 30, 0, 123456789, time.FixedZone("EAT", 3*3600))
		data := map[string]any{
			"filters": map[string]any{"country": "KE", "state": []string{"accredited"}},
			"rows":    12,
			"ratio":   0.1,
			"name":    "منظمة <الشفافية> & co",
		}
		var first, second audit.Event
		err := db.Transaction(ctx, func(tx *gorm.DB) error {
			first = audit.Event{EntityType: "conference", EntityID: "c1", Event: "export", Data: data, OccurredAt: at}
			if err := audit.Append(ctx, tx, &first); err != nil {
				return err
			}
			second = audit.Event{EntityType: "conference", EntityID: "c1", Event: "export"}
			return audit.Append(ctx, tx, &second)
		})
		if err != nil {
			t.Fatal(err)
		}
		if first.Seq != 1 || second.Seq != 2 {
			t.Fatalf("seqs %d, %d; want 1, 2", first.Seq, second.Seq)
		}
		if first.ID == "" || first.ID == second.ID {
			t.Fatalf("ids %q, %q", first.ID, second.ID)
		}
		if second.PrevHash != first.Hash || len(first.Hash) != 64 {
			t.Fatalf("second.PrevHash %q, first.Hash %q", second.PrevHash, first.Hash)
		}
		if want := at.UTC().Truncate(time.Microsecond); !first.OccurredAt.Equal(want) || first.OccurredAt.Location() != time.UTC {
			t.Fatalf("OccurredAt %v, want %v in UTC", first.OccurredAt, want)
		}
		if second.OccurredAt.IsZero() {
			t.Fatal("OccurredAt not filled")
		}

		got, err := audit.ForEntity(ctx, db.Gorm, "conference", "c1")
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 || got[0].Seq != 1 || got[1].Seq != 2 {
			t.Fatalf("ForEntity = %+v", got)
		}
		if got[0].Hash != first.Hash || !got[0].OccurredAt.Equal(first.OccurredAt) {
			t.Fatalf("stored event differs: %+v vs %+v", got[0], first)
		}
		if f, _ := got[0].Data["filters"].(map[string]any); f["country"] != "KE" || got[0].Data["rows"] != float64(12) {
			t.Fatalf("data = %#v", got[0].Data)
		}
		if got[1].Data != nil {
			t.Fatalf("empty data stored as %#v", got[1].Data)
		}
		if none, err := audit.ForEntity(ctx, db.Gorm, "conference", "other"); err != nil || len(none) != 0 {
			t.Fatalf("other entity: %v, %v", none, err)
		}
		wantIntact(t, db, 2)
	})
}

func TestAppendRolledBackLeavesNoTrace(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		appendEvents(t, db, 2)
		err := db.Transaction(ctx, func(tx *gorm.DB) error {
			if err := audit.Append(ctx, tx, &audit.Event{EntityType: "widget", EntityID: "x", Event: "e"}); err != nil {
				return err
			}
			return fmt.Errorf("caller fails after appending")
		})
		if err == nil {
			t.Fatal("transaction should have failed")
		}
		appendEvents(t, db, 1)
		wantIntact(t, db, 3)
	})
}

func TestAppendOnlyTriggers(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		appendEvents(t, db, 3)
		g := db.WithContext(ctx)
		if err := g.Exec("UPDATE audit_events SET comment = 'changed' WHERE seq = 2").Error; err == nil {
			t.Fatal("UPDATE of an audit event was accepted")
		}
		if err := g.Model(&audit.Event{Seq: 2}).Update("comment", "changed").Error; err == nil {
			t.Fatal("UPDATE through the model was accepted")
		}
		if err := g.Exec("DELETE FROM audit_events WHERE seq = 3").Error; err == nil {
			t.Fatal("DELETE of an audit event was accepted")
		}
		if db.IsPostgres() {
			if err := g.Exec("TRUNCATE audit_events").Error; err == nil {
				t.Fatal("TRUNCATE of audit events was accepted")
			}
		}
		var n int64
		g.Model(&audit.Event{}).Count(&n)
		if n != 3 {
			t.Fatalf("%d events left, want 3", n)
		}
		if rep := verify(t, db); !rep.OK {
			t.Fatalf("report %+v", rep)
		}
	})
}

// behindTheTrigger runs stmt with the append-only triggers out of the way,
// as someone with more rights than the application could.
func behindTheTrigger(t *testing.T, db *store.DB, stmt string) {
	t.Helper()
	g := db.WithContext(context.Background())
	var err error
	if db.IsPostgres() {
		err = g.Transaction(func(tx *gorm.DB) error {
			for _, s := range []string{"ALTER TABLE audit_events DISABLE TRIGGER USER", stmt, "ALTER TABLE audit_events ENABLE TRIGGER USER"} {
				if err := tx.Exec(s).Error; err != nil {
					return err
				}
			}
			return nil
		})
	} else {
		var ddl []string
		if err := g.Raw("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_events'").Scan(&ddl).Error; err != nil {
			t.Fatal(err)
		}
		if len(ddl) != 2 {
			t.Fatalf("found %d triggers on audit_events, want 2", len(ddl))
		}
		err = g.Transaction(func(tx *gorm.DB) error {
			for _, s := range append([]string{"DROP TRIGGER audit_events_no_update", "DROP TRIGGER audit_events_no_delete", stmt}, ddl...) {
				if err := tx.Exec(s).Error; err != nil {
					return err
				}
			}
			return nil
		})
	}
	if err != nil {
		t.Fatalf("tamper: %v", err)
	}
}

// walkOrder lists the events' sequence numbers in the order Verify walks
// them: chain by chain, each in its order.
func walkOrder(t *testing.T, db *store.DB) (seqs []int64, chainOf map[int64]int) {
	t.Helper()
	var rows []struct {
		Seq   int64
		Chain int
	}
	if err := db.WithContext(context.Background()).Raw("SELECT seq, chain FROM audit_events ORDER BY chain, seq").Scan(&rows).Error; err != nil {
		t.Fatal(err)
	}
	chainOf = map[int64]int{}
	for _, r := range rows {
		seqs = append(seqs, r.Seq)
		chainOf[r.Seq] = r.Chain
	}
	return seqs, chainOf
}

func TestVerifyNamesTheFirstBrokenLink(t *testing.T) {
	cases := []struct {
		name    string
		stmt    string
		seq     int64 // the event tampered with
		deleted bool
	}{
		{"changed comment", "UPDATE audit_events SET comment = 'nothing to see' WHERE seq = 4", 4, false},
		{"changed actor", "UPDATE audit_events SET actor_id = 'someone-else' WHERE seq = 7", 7, false},
		{"changed data", "UPDATE audit_events SET data = '{\"rows\": 1}' WHERE seq = 2", 2, false},
		{"moved to another chain", "UPDATE audit_events SET chain = 17 - chain WHERE seq = 5", 5, true},
		{"deleted event", "DELETE FROM audit_events WHERE seq = 5", 5, true},
		{"deleted first event", "DELETE FROM audit_events WHERE seq = 1", 1, true},
		{"deleted last event", "DELETE FROM audit_events WHERE seq = 10", 10, true},
		{"rehashed event", "UPDATE audit_events SET hash = '" + fmt.Sprintf("%064d", 1) + "' WHERE seq = 3", 3, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			storetest.Engines(t, func(t *testing.T, db *store.DB) {
				appendEvents(t, db, 10)
				order, chainOf := walkOrder(t, db)
				if chains := len(slices.Compact(slices.Sorted(maps.Values(chainOf)))); db.IsPostgres() && chains < 2 {
					t.Fatalf("the events use %d chain, want several", chains)
				}
				// A changed event breaks itself; a removed one breaks the
				// next event of its chain, or the head when it was last.
				at := slices.Index(order, tc.seq)
				wantBroken, wantChecked := tc.seq, int64(at)
				if tc.deleted {
					for _, s := range order[at+1:] {
						if chainOf[s] == chainOf[tc.seq] {
							wantBroken, wantChecked = s, int64(slices.Index(order, s)-1)
							break
						}
					}
				}
				behindTheTrigger(t, db, tc.stmt)
				rep := verify(t, db)
				if rep.OK || rep.BrokenSeq != wantBroken || rep.Reason == "" {
					t.Fatalf("report %+v, want broken at %d", rep, wantBroken)
				}
				if rep.Checked != wantChecked {
					t.Fatalf("checked %d before the break, want %d", rep.Checked, wantChecked)
				}
				// The triggers are back in force.
				if err := db.WithContext(context.Background()).Exec("DELETE FROM audit_events").Error; err == nil {
					t.Fatal("triggers were not restored")
				}
			})
		})
	}
}

// TestVerifyFindsAnEventOutsideTheChains: a row slipped in under a chain
// with no head links into nothing, however well the chains verify.
func TestVerifyFindsAnEventOutsideTheChains(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		appendEvents(t, db, 4)
		behindTheTrigger(t, db, "INSERT INTO audit_events (seq, id, entity_type, entity_id, event, occurred_at, prev_hash, hash, chain) "+
			"VALUES (1000, '01890000-0000-7000-8000-000000000000', 'widget', 'w9', 'approve', CURRENT_TIMESTAMP, '', '', 99)")
		rep := verify(t, db)
		if rep.OK || rep.BrokenSeq != 1000 || rep.Checked != 4 || !strings.Contains(rep.Reason, "chain 99") {
			t.Fatalf("report %+v, want broken at 1000 after 4 checked", rep)
		}
	})
}

// appendAtOnce has workers append each events apiece at the same time,
// worker w's about the subject subject(w), and fails the test on any
// error or when the chains do not verify with every event.
func appendAtOnce(t *testing.T, db *store.DB, workers, each int, subject func(w int) string) {
	t.Helper()
	var wg sync.WaitGroup
	errs := make(chan error, workers*each)
	for w := range workers {
		wg.Go(func() {
			for i := range each {
				err := db.Transaction(context.Background(), func(tx *gorm.DB) error {
					return audit.Append(context.Background(), tx, &audit.Event{
						EntityType: "widget", EntityID: subject(w), Event: "tick", Comment: fmt.Sprint(i),
					})
				})
				if err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("append: %v", err)
	}
	wantIntact(t, db, int64(workers*each))
}

func TestConcurrentAppendsKeepTheChains(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		const workers, each = 8, 15
		appendAtOnce(t, db, workers, each, func(w int) string { return fmt.Sprintf("w%d", w) })
		for w := range workers {
			evs, err := audit.ForEntity(context.Background(), db.Gorm, "widget", fmt.Sprintf("w%d", w))
			if err != nil || len(evs) != each {
				t.Fatalf("worker %d: %d events, %v", w, len(evs), err)
			}
		}
	})
}

// TestConcurrentAppendsToOneChainVerify: writers racing for one chain's
// head take it in the order of the numbers they draw, or the walk in
// number order would find the links crossed.
func TestConcurrentAppendsToOneChainVerify(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		appendAtOnce(t, db, 8, 20, func(int) string { return "hot" })
	})
}
