package workflow_test

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
	"github.com/accord-coalition/accord/internal/workflow"
)

// The benchmarks fire review --note--> review over and over: one
// transition per operation, each in its own transaction with its audit
// event. BenchmarkRawSQL sends the same statements through database/sql,
// so the two give the engine's overhead (bench/README.md).

func benchEngines(b *testing.B, fn func(b *testing.B, db *store.DB)) {
	b.Run("sqlite", func(b *testing.B) { fn(b, storetest.SQLite(b)) })
	b.Run("postgres", func(b *testing.B) { fn(b, storetest.Postgres(b)) })
}

func BenchmarkFire(b *testing.B) {
	benchEngines(b, func(b *testing.B, db *store.DB) {
		fx := newFixture(b, db)
		id := fx.insert(b, widget{State: "review", Name: "w"})
		ctx := context.Background()
		req := workflow.Request{Event: "note", Comment: "benchmark note"}
		b.ReportAllocs()
		for b.Loop() {
			err := db.Transaction(ctx, func(tx *gorm.DB) error {
				subj, err := loadWidget(ctx, tx, id)
				if err != nil {
					return err
				}
				_, err = fx.engine.Fire(ctx, tx, fx.m, secretariat, subj, req)
				return err
			})
			if err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkRawSQL(b *testing.B) {
	benchEngines(b, func(b *testing.B, db *store.DB) {
		fx := newFixture(b, db)
		id := fx.insert(b, widget{State: "review", Name: "w"})
		ctx := context.Background()
		q := rawStatements(db)
		b.ReportAllocs()
		for b.Loop() {
			if err := rawNote(ctx, db.SQL(), q, id); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// rawQueries are what Fire sends, written by hand. On PostgreSQL the head
// statement locks one chain's head and draws the event's number in one
// round trip, as audit.AppendAll does; SQLite numbers from its one head.
type rawQueries struct{ load, move, head, insert, advance string }

func rawStatements(db *store.DB) rawQueries {
	q := rawQueries{
		load: "SELECT id, state, version FROM widgets WHERE id = ?",
		move: "UPDATE widgets SET state = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
		head: "SELECT seq, hash, seq + 1 FROM audit_head WHERE id = 1",
		insert: `INSERT INTO audit_events (seq, id, entity_type, entity_id, event, from_state, to_state,
			actor_id, actor_role, comment, request_id, data, occurred_at, prev_hash, hash)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		advance: "UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1 AND seq = ?",
	}
	if db.IsPostgres() {
		q.head = `WITH h AS MATERIALIZED (SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE)
			SELECT h.seq, h.hash, nextval('audit_events_seq') FROM h`
		for _, s := range []*string{&q.load, &q.move, &q.head, &q.insert, &q.advance} {
			*s = dollarParams(*s)
		}
	}
	return q
}

// dollarParams rewrites ? placeholders as PostgreSQL's $1, $2, ….
func dollarParams(s string) string {
	var b strings.Builder
	n := 0
	for _, r := range s {
		if r == '?' {
			n++
			fmt.Fprintf(&b, "$%d", n)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func rawNote(ctx context.Context, db *sql.DB, q rawQueries, id string) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var (
		wid, state string
		version    int
	)
	if err := tx.QueryRowContext(ctx, q.load, id).Scan(&wid, &state, &version); err != nil {
		return err
	}
	now := time.Now().UTC().Truncate(time.Microsecond)
	res, err := tx.ExecContext(ctx, q.move, "review", now, id, version)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return fmt.Errorf("lost update")
	}
	var (
		seq, next int64
		prev      string
	)
	if err := tx.QueryRowContext(ctx, q.head).Scan(&seq, &prev, &next); err != nil {
		return err
	}
	eventID := uuid.NewString()
	sum := sha256.Sum256([]byte(fmt.Sprint(next, eventID, "widget", id, "note", "review", "review",
		"u-hub", "secretariat", "benchmark note", "", now.Format(time.RFC3339Nano), prev)))
	hash := hex.EncodeToString(sum[:])
	if _, err := tx.ExecContext(ctx, q.insert, next, eventID, "widget", id, "note", "review", "review",
		"u-hub", "secretariat", "benchmark note", "", nil, now, prev, hash); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, q.advance, next, hash, seq); err != nil {
		return err
	}
	return tx.Commit()
}
