package store_test

import (
	"context"
	"testing"

	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
)

func TestMigrateLeavesNothingPending(t *testing.T) {
	storetest.Engines(t, func(t *testing.T, db *store.DB) {
		pending, err := db.Pending(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if pending {
			t.Fatal("migrations still pending after Migrate")
		}
		var n int64
		if err := db.WithContext(context.Background()).Table("regions").Count(&n).Error; err != nil {
			t.Fatalf("regions table missing: %v", err)
		}
	})
}

func TestMigrateEmptyPostgres(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, store.Options{URL: storetest.EmptyPostgresDatabase(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if pending, _ := db.Pending(ctx); !pending {
		t.Fatal("an empty database should have pending migrations")
	}
	n, err := db.Migrate(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatal("no migration applied to an empty database")
	}
	if again, err := db.Migrate(ctx); err != nil || again != 0 {
		t.Fatalf("second Migrate applied %d (err %v); want 0", again, err)
	}
}

func TestSQLiteIsWAL(t *testing.T) {
	db := storetest.SQLite(t)
	var mode string
	if err := db.WithContext(context.Background()).Raw("PRAGMA journal_mode").Scan(&mode).Error; err != nil {
		t.Fatal(err)
	}
	if mode != "wal" {
		t.Fatalf("journal_mode = %q, want wal", mode)
	}
}
