package report

import (
	"context"
	"database/sql"
	"fmt"

	"gorm.io/gorm"
)

// snapshot begins the read-only transaction an export reads in, so that
// its rows — and their count in the audit — come from one consistent
// state of the database however long the streaming takes.
//
// PostgreSQL: REPEATABLE READ READ ONLY, one snapshot for every query of
// the transaction, and no lock that would stop anyone writing meanwhile.
// SQLite: a deferred read transaction (the driver begins it without
// IMMEDIATE because it is read-only); in WAL mode it sees the database as
// of its first read and writers go on beside it.
func (s *Service) snapshot(ctx context.Context) (*gorm.DB, error) {
	opts := &sql.TxOptions{ReadOnly: true}
	if s.db.IsPostgres() {
		opts.Isolation = sql.LevelRepeatableRead
	}
	tx := s.db.WithContext(ctx).Begin(opts)
	if tx.Error != nil {
		return nil, fmt.Errorf("export snapshot: %w", tx.Error)
	}
	return tx, nil
}
