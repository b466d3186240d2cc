package store_test

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/accord-coalition/accord/internal/config"
	"github.com/accord-coalition/accord/internal/store"
)

// TestDataFilesArePrivate: whatever the umask, the data directory, the
// database and its -wal and -shm files, and the secret key have no group
// or other permission bits; a database file left readable is tightened.
func TestDataFilesArePrivate(t *testing.T) {
	old := syscall.Umask(0)
	defer syscall.Umask(old)

	dir := filepath.Join(t.TempDir(), "data")
	cfg := config.Config{DataDir: dir}
	if err := cfg.EnsureSecretKey(); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	db, err := store.Open(ctx, store.Options{SQLitePath: cfg.SQLitePath()})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if err := db.WithContext(ctx).Exec(`CREATE TABLE t (x)`).Error; err != nil {
		t.Fatal(err)
	}
	check := func() {
		t.Helper()
		files := 0
		err := filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
			if err != nil {
				return err
			}
			files++
			if fi.Mode().Perm()&0o077 != 0 {
				t.Errorf("%s is %v: readable beyond its owner", p, fi.Mode().Perm())
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"accord.db", "accord.db-wal", "accord.db-shm", "secret.key"} {
			if _, err := os.Stat(filepath.Join(dir, want)); err != nil {
				t.Errorf("%s: %v", want, err)
			}
		}
		t.Logf("%d entries checked in %s", files, dir)
	}
	check()
	db.Close()

	// A file an older version created 0644 is tightened at the next open.
	if err := os.Chmod(cfg.SQLitePath(), 0o644); err != nil {
		t.Fatal(err)
	}
	db, err = store.Open(ctx, store.Options{SQLitePath: cfg.SQLitePath()})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.WithContext(ctx).Exec(`INSERT INTO t VALUES (1)`).Error; err != nil {
		t.Fatal(err)
	}
	check()
}
