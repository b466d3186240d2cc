package synthetic_test

import (
	"context"
	"testing"

	"github.com/accord-coalition/accord/internal/country"
	"github.com/accord-coalition/accord/internal/store/storetest"
	"github.com/accord-coalition/accord/internal/synthetic"
)

// TestSeedLeavesStatistics: the planner knows the rows as soon as Seed
// returns (pg_class.reltuples is -1 until a table is first analysed), and
// not when asked to skip it.
func TestSeedLeavesStatistics(t *testing.T) {
	for _, skip := range []bool{false, true} {
		db := storetest.Postgres(t)
		ctx := context.Background()
		if _, _, err := country.Load(ctx, db); err != nil {
			t.Fatal(err)
		}
		if _, err := synthetic.Seed(ctx, db, synthetic.Options{Organizations: 500, Conference: "STATS", SkipAnalyze: skip}); err != nil {
			t.Fatal(err)
		}
		for _, table := range synthetic.Tables {
			var n float64
			if err := db.WithContext(ctx).Raw("SELECT reltuples FROM pg_class WHERE relname = ?", table).Scan(&n).Error; err != nil {
				t.Fatal(err)
			}
			if analysed := n >= 500; analysed == skip {
				t.Errorf("SkipAnalyze %v: %s has reltuples %.0f", skip, table, n)
			}
		}
	}
}
