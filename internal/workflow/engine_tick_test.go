package workflow_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/accord-coalition/accord/internal/audit"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
	"github.com/accord-coalition/accord/internal/workflow"
)

func at(t time.Time) *time.Time { return &t }

func TestTickFiresDueDeadlinesOnce(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		fx := newFixture(t, db, workflow.WithBatchSize(2)) // several pages
		ctx := context.Background()
		now := fx.clock.Now()
		var due []string
		for range 5 {
			due = append(due, fx.insert(t, widget{State: "waiting", Name: "w", DueAt: at(now.Add(-time.Hour))}))
		}
		exactlyNow := fx.insert(t, widget{State: "waiting", Name: "w", DueAt: at(now)})
		later := fx.insert(t, widget{State: "waiting", Name: "w", DueAt: at(now.Add(time.Hour))})
		otherState := fx.insert(t, widget{State: "review", Name: "w", DueAt: at(now.Add(-time.Hour))})
		noDeadline := fx.insert(t, widget{State: "waiting", Name: "w"})

		n, err := fx.engine.Tick(ctx)
		if err != nil || n != 6 {
			t.Fatalf("first tick fired %d (%v), want 6", n, err)
		}
		for _, id := range append(due, exactlyNow) {
			if s := fx.load(t, id); s.State != "expired" || s.Version != 2 {
				t.Fatalf("due widget is %s v%d", s.State, s.Version)
			}
		}
		for _, id := range []string{later, noDeadline} {
			if s := fx.load(t, id).State; s != "waiting" {
				t.Fatalf("widget not yet due is %s", s)
			}
		}
		if s := fx.load(t, otherState).State; s != "review" {
			t.Fatalf("widget in another state is %s", s)
		}
		if n, err := fx.engine.Tick(ctx); err != nil || n != 0 {
			t.Fatalf("second tick fired %d (%v), want 0", n, err)
		}

		fx.clock.Advance(2 * time.Hour)
		if n, err := fx.engine.Tick(ctx); err != nil || n != 1 {
			t.Fatalf("tick after the clock moved fired %d (%v), want 1", n, err)
		}
		evs, err := audit.ForEntity(ctx, db.Gorm, "widget", later)
		if err != nil || len(evs) != 1 {
			t.Fatalf("events %v, %v", evs, err)
		}
		if e := evs[0]; e.Event != "expire" || e.ActorRole != "system" || e.ActorID != "" || e.FromState != "waiting" || e.ToState != "expired" {
			t.Fatalf("deadline event %+v", e)
		}
		if n := fx.count(t, "SELECT count(*) FROM audit_events WHERE event = 'expire'"); n != 7 {
			t.Fatalf("%d expire events, want 7", n)
		}
	})
}

func TestTickGoesOnPastARowThatCannotFire(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		fx := newFixture(t, db, workflow.WithBatchSize(1))
		past := at(fx.clock.Now().Add(-time.Minute))
		stuck := fx.insert(t, widget{State: "waiting", Name: "stuck", DueAt: past})
		for range 3 {
			fx.insert(t, widget{State: "waiting", Name: "w", DueAt: past})
		}
		n, err := fx.engine.Tick(context.Background())
		if n != 3 || err == nil {
			t.Fatalf("tick fired %d (err %v), want 3 and the stuck row's error", n, err)
		}
		if s := fx.load(t, stuck).State; s != "waiting" {
			t.Fatalf("stuck widget is %s", s)
		}
	})
}

// TestTickersRaceExactlyOnce runs two engines, each on its own connection
// pool as two server processes would, ticking one database at once.
func TestTickersRaceExactlyOnce(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		second := secondPool(t, db)
		fx := newFixture(t, db, workflow.WithBatchSize(7))
		other := workflow.New(second, workflow.WithClock(fx.clock.Now), workflow.WithBatchSize(5))
		if err := other.Register(widgetMachine()); err != nil {
			t.Fatal(err)
		}

		const rows = 60
		past := at(fx.clock.Now().Add(-time.Minute))
		for range rows {
			fx.insert(t, widget{State: "waiting", Name: "w", DueAt: past})
		}

		var (
			mu    sync.Mutex
			fired int
			wg    sync.WaitGroup
		)
		start := make(chan struct{})
		for _, e := range []*workflow.Engine{fx.engine, other, fx.engine, other} {
			wg.Go(func() {
				<-start
				n, err := e.Tick(ctx)
				if err != nil {
					t.Errorf("tick: %v", err)
				}
				mu.Lock()
				fired += n
				mu.Unlock()
			})
		}
		close(start)
		wg.Wait()

		if fired != rows {
			t.Fatalf("tickers report %d fired, want %d", fired, rows)
		}
		if n := fx.count(t, "SELECT count(*) FROM audit_events WHERE event = 'expire'"); n != rows {
			t.Fatalf("%d expire events, want %d", n, rows)
		}
		if n := fx.count(t, "SELECT count(*) FROM (SELECT entity_id FROM audit_events GROUP BY entity_id HAVING count(*) > 1) x"); n != 0 {
			t.Fatalf("%d widgets expired more than once", n)
		}
		if n := fx.count(t, "SELECT count(*) FROM widgets WHERE state = 'expired' AND version = 2"); n != rows {
			t.Fatalf("%d widgets expired at version 2, want %d", n, rows)
		}
		if rep, err := audit.Verify(ctx, db.Gorm); err != nil || !rep.OK || rep.Checked != rows {
			t.Fatalf("verify %+v, %v", rep, err)
		}
	})
}

// secondPool opens another pool on db's database.
func secondPool(t *testing.T, db *store.DB) *store.DB {
	t.Helper()
	ctx := context.Background()
	var opts store.Options
	if db.IsPostgres() {
		var name string
		if err := db.WithContext(ctx).Raw("SELECT current_database()").Scan(&name).Error; err != nil {
			t.Fatal(err)
		}
		opts.URL = storetest.WithDatabase(storetest.AdminURL(), name)
	} else {
		if err := db.WithContext(ctx).Raw("SELECT file FROM pragma_database_list WHERE name = 'main'").Scan(&opts.SQLitePath).Error; err != nil {
			t.Fatal(err)
		}
	}
	second, err := store.Open(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { second.Close() })
	return second
}

func TestRunTicksUntilCancelled(t *testing.T) {
	db := storetest.SQLite(t)
	fx := newFixture(t, db)
	id := fx.insert(t, widget{State: "waiting", Name: "w", DueAt: at(fx.clock.Now().Add(-time.Minute))})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		fx.engine.Run(ctx, time.Hour) // the first tick runs at once
		close(done)
	}()
	deadline := time.Now().Add(10 * time.Second)
	for fx.load(t, id).State != "expired" {
		if time.Now().After(deadline) {
			t.Fatal("Run did not tick")
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	<-done
}
