package store_test

import (
	"context"
	"testing"

	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
)

// TestWarmOpensAndKeepsThePool: after Warm a PostgreSQL pool holds all its
// connections idle, ready for a rush; SQLite's is left as it is.
func TestWarmOpensAndKeepsThePool(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		if err := db.Warm(context.Background()); err != nil {
			t.Fatal(err)
		}
		st := db.SQL().Stats()
		if !db.IsPostgres() {
			if st.OpenConnections > 2 {
				t.Fatalf("sqlite pool opened %d connections", st.OpenConnections)
			}
			return
		}
		if st.OpenConnections != store.PostgresPoolSize || st.Idle != store.PostgresPoolSize {
			t.Fatalf("open %d, idle %d; want %d of each", st.OpenConnections, st.Idle, store.PostgresPoolSize)
		}
		if st.MaxIdleClosed != 0 {
			t.Fatalf("%d connections closed for want of idle room", st.MaxIdleClosed)
		}
	})
}
