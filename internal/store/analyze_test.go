package store_test

import (
	"context"
	"slices"
	"testing"

	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
)

// TestAnalyzeFillsStatistics: after Analyze the planner knows the table's
// rows (PostgreSQL's pg_class.reltuples, SQLite's sqlite_stat1).
func TestAnalyzeFillsStatistics(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		g := db.WithContext(ctx)
		if err := g.Exec("CREATE TABLE bulk_rows (id INTEGER PRIMARY KEY, v TEXT NOT NULL)").Error; err != nil {
			t.Fatal(err)
		}
		if err := g.Exec("CREATE INDEX bulk_rows_v ON bulk_rows (v)").Error; err != nil {
			t.Fatal(err)
		}
		if err := g.Exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
			INSERT INTO bulk_rows SELECT i, 'row ' || i FROM n`).Error; err != nil {
			t.Fatal(err)
		}
		if err := db.Analyze(ctx, "bulk_rows"); err != nil {
			t.Fatal(err)
		}
		var n int64
		q := "SELECT COUNT(*) FROM sqlite_stat1 WHERE tbl = 'bulk_rows'"
		if db.IsPostgres() {
			q = "SELECT CAST(reltuples AS BIGINT) FROM pg_class WHERE relname = 'bulk_rows'"
		}
		if err := g.Raw(q).Scan(&n).Error; err != nil {
			t.Fatal(err)
		}
		if db.IsPostgres() && n != 3000 || !db.IsPostgres() && n == 0 {
			t.Fatalf("statistics after Analyze: %d", n)
		}
	})
}

// TestAnalyzeIfStaleAnalysesOnlyWhatNeedsIt: a table filled and never
// analysed is analysed once; then it, and a table of a few rows, are left
// alone.
func TestAnalyzeIfStaleAnalysesOnlyWhatNeedsIt(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		g := db.WithContext(ctx)
		for _, stmt := range []string{
			"CREATE TABLE bulk_rows (id INTEGER PRIMARY KEY, v TEXT NOT NULL)",
			"CREATE TABLE few_rows (id INTEGER PRIMARY KEY)",
			"INSERT INTO few_rows VALUES (1), (2), (3)",
			`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
				INSERT INTO bulk_rows SELECT i, 'row ' || i FROM n`,
		} {
			if err := g.Exec(stmt).Error; err != nil {
				t.Fatal(err)
			}
		}
		got, err := db.AnalyzeIfStale(ctx, "bulk_rows", "few_rows")
		if err != nil {
			t.Fatal(err)
		}
		if !db.IsPostgres() {
			if len(got) != 0 {
				t.Fatalf("SQLite analysed %v", got)
			}
			return
		}
		if !slices.Equal(got, []string{"bulk_rows"}) {
			t.Fatalf("first call analysed %v, want [bulk_rows]", got)
		}
		if got, err = db.AnalyzeIfStale(ctx, "bulk_rows", "few_rows"); err != nil || len(got) != 0 {
			t.Fatalf("second call analysed %v (%v), want nothing", got, err)
		}
	})
}
