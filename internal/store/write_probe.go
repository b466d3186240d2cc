package store

import (
	"context"
	"fmt"
	"time"
)

// CanWrite writes and commits one row of the write_probe table: a database
// that answers reads but cannot take a write (a full disk, a read-only
// file or server) fails it, where a ping would pass.
func (db *DB) CanWrite(ctx context.Context) error {
	err := db.WithContext(ctx).Exec(
		`INSERT INTO write_probe (id, checked_at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at`,
		time.Now().UTC()).Error
	if err != nil {
		return fmt.Errorf("write probe: %w", err)
	}
	return nil
}
