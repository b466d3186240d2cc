package store

import (
	"context"
	"fmt"
	"strings"
)

// Analyze refreshes the planner's statistics for tables. Every bulk load
// calls it before it returns: PostgreSQL has no statistics for rows written
// in bulk until autovacuum gets round to them (a minute or more later), and
// until then it guesses that an equality matches half a percent of a table,
// plans nested loops for joins over tens of thousands of rows and makes the
// first exports after a load several times slower than the next ones. On
// SQLite it fills sqlite_stat1 for the same reason; it is quick either way.
// No tables means every table.
func (db *DB) Analyze(ctx context.Context, tables ...string) error {
	quoted := make([]string, len(tables))
	for i, t := range tables {
		quoted[i] = quoteIdent(t)
	}
	if db.IsPostgres() || len(quoted) == 0 {
		stmt := "ANALYZE " + strings.Join(quoted, ", ")
		if err := db.WithContext(ctx).Exec(stmt).Error; err != nil {
			return fmt.Errorf("analyze %s: %w", strings.Join(tables, ", "), err)
		}
		return nil
	}
	// SQLite analyses one table (or the whole file) per statement.
	for i, t := range quoted {
		if err := db.WithContext(ctx).Exec("ANALYZE " + t).Error; err != nil {
			return fmt.Errorf("analyze %s: %w", tables[i], err)
		}
	}
	return nil
}

// AnalyzeIfStale analyses those of tables whose statistics are missing or
// far behind their rows — a table never analysed since it was filled, or
// one whose rows changed by more than a tenth (and a thousand rows) since —
// so that a query reading them is planned from the rows it will meet, even
// right after a load that did not call Analyze (a restored dump, a load by
// hand). It returns the tables it analysed. Tables of a few rows are left
// alone: no plan over them goes far wrong. On SQLite, whose planner does
// without statistics well enough for these lists, it does nothing.
func (db *DB) AnalyzeIfStale(ctx context.Context, tables ...string) ([]string, error) {
	if !db.IsPostgres() || len(tables) == 0 {
		return nil, nil
	}
	// reltuples is -1 until the first ANALYZE or VACUUM (PostgreSQL 14 and
	// later) and the file's size is current, so a table filled and never
	// analysed is seen at once, even from the loading process; the counters
	// of pg_stat_user_tables reach the view within seconds, soon enough for
	// the second condition. Eight pages are a few hundred rows.
	const q = `SELECT c.relname FROM pg_class c
		LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
		WHERE c.relname = ANY(string_to_array(?, ',')) AND c.relkind = 'r'
		AND c.relnamespace = current_schema()::regnamespace
		AND ((c.reltuples < 0 AND pg_relation_size(c.oid) >= 65536)
			OR (COALESCE(s.n_mod_since_analyze, 0) >= 1000
				AND s.n_mod_since_analyze > 0.1 * GREATEST(c.reltuples, s.n_live_tup)))
		ORDER BY c.relname`
	var stale []string
	if err := db.WithContext(ctx).Raw(q, strings.Join(tables, ",")).Scan(&stale).Error; err != nil {
		return nil, fmt.Errorf("statistics of %s: %w", strings.Join(tables, ", "), err)
	}
	if len(stale) == 0 {
		return nil, nil
	}
	return stale, db.Analyze(ctx, stale...)
}

// quoteIdent quotes a table name for SQL, doubling any quote inside.
func quoteIdent(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}
