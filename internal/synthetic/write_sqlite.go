package synthetic

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/store"
)

// insertRows is how many rows one INSERT carries on SQLite: some twenty
// columns each keeps a statement well within SQLite's limit of bound
// parameters.
const insertRows = 400

// writeSQLite writes every batch with multi-row INSERTs in one
// transaction: SQLite commits are the expensive part, not statements.
func writeSQLite(ctx context.Context, db *store.DB, g *generator, n int) error {
	return db.Transaction(ctx, func(tx *gorm.DB) error {
		for from := 0; from < n; from += batchSize {
			b := g.batch(from, min(from+batchSize, n))
			if err := tx.CreateInBatches(&b.orgs, insertRows).Error; err != nil {
				return fmt.Errorf("insert organisations: %w", err)
			}
			if err := tx.CreateInBatches(&b.requests, insertRows).Error; err != nil {
				return fmt.Errorf("insert requests: %w", err)
			}
			if err := tx.CreateInBatches(&b.delegates, insertRows).Error; err != nil {
				return fmt.Errorf("insert delegates: %w", err)
			}
		}
		return nil
	})
}
