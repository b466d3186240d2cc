package audit

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
)

// chainsMigration is the migration that split the log into chains.
const chainsMigration = 19

// TestALogFromOneChainVerifiesAfterTheSplit: events written under the one
// head, before the log became several chains, still verify as chain 1,
// and the next event's number follows theirs.
func TestALogFromOneChainVerifiesAfterTheSplit(t *testing.T) {
	ctx := context.Background()
	open := map[string]func(t *testing.T) store.Options{
		"sqlite":   func(t *testing.T) store.Options { return store.Options{SQLitePath: filepath.Join(t.TempDir(), "a.db")} },
		"postgres": func(t *testing.T) store.Options { return store.Options{URL: storetest.EmptyPostgresDatabase(t)} },
	}
	for _, engine := range []string{"sqlite", "postgres"} {
		t.Run(engine, func(t *testing.T) {
			db, err := store.Open(ctx, open[engine](t))
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { db.Close() })
			if err := db.MigrateTo(ctx, chainsMigration-1); err != nil {
				t.Fatal(err)
			}
			g := db.WithContext(ctx)
			prev := genesisHash
			for seq := int64(1); seq <= 3; seq++ {
				e := Event{Seq: seq, ID: fmt.Sprintf("01890000-0000-7000-8000-00000000000%d", seq), EntityType: "widget",
					EntityID: "w1", Event: "submit", Comment: "قبل", OccurredAt: normaliseTime(db.Gorm.NowFunc()), PrevHash: prev}
				if e.Hash, err = e.computeHash(); err != nil {
					t.Fatal(err)
				}
				err := g.Exec("INSERT INTO audit_events (seq, id, entity_type, entity_id, event, comment, occurred_at, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
					e.Seq, e.ID, e.EntityType, e.EntityID, e.Event, e.Comment, e.OccurredAt, e.PrevHash, e.Hash).Error
				if err != nil {
					t.Fatal(err)
				}
				prev = e.Hash
			}
			if err := g.Exec("UPDATE audit_head SET seq = 3, hash = ? WHERE id = 1", prev).Error; err != nil {
				t.Fatal(err)
			}
			if _, err := db.Migrate(ctx); err != nil {
				t.Fatal(err)
			}
			if rep, err := Verify(ctx, db.Gorm); err != nil || !rep.OK || rep.Checked != 3 {
				t.Fatalf("after the split: %+v, %v", rep, err)
			}
			var heads int64
			g.Raw("SELECT count(*) FROM audit_head").Scan(&heads)
			if want := map[string]int64{"sqlite": 1, "postgres": Chains}[engine]; heads != want {
				t.Fatalf("%d heads, want %d", heads, want)
			}
			next := &Event{EntityType: "widget", EntityID: "w2", Event: "submit"}
			if err := db.Transaction(ctx, func(tx *gorm.DB) error { return Append(ctx, tx, next) }); err != nil {
				t.Fatal(err)
			}
			if next.Seq != 4 {
				t.Fatalf("the next event is %d, want 4", next.Seq)
			}
			if rep, err := Verify(ctx, db.Gorm); err != nil || !rep.OK || rep.Checked != 4 {
				t.Fatalf("after one more: %+v, %v", rep, err)
			}
		})
	}
}
