package memberimport

import (
	"context"
	"log/slog"

	"github.com/accord-coalition/accord/internal/store"
)

// analyze refreshes the planner's statistics of tables just loaded in
// bulk: PostgreSQL has none for fresh rows until autovacuum comes by, and
// the first lists and exports after an import would be slow without them.
// A failure costs speed, not correctness, so it is logged, not returned.
func analyze(ctx context.Context, db *store.DB, log *slog.Logger, tables ...string) {
	for _, t := range tables {
		if err := db.WithContext(ctx).Exec("ANALYZE " + t).Error; err != nil {
			log.WarnContext(ctx, "analyze after import", "table", t, "err", err)
		}
	}
}
