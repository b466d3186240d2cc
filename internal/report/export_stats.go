package report

import (
	"context"
	"strings"
)

// freshStatistics makes sure the planner has statistics for the tables a
// list reads before its rows are selected. Right after a bulk load that
// did not analyse its tables (a restored dump, rows loaded by hand),
// PostgreSQL guesses that each condition keeps half a percent of the rows
// and plans a whole-conference list as nested loops over index lookups:
// several times slower than the hash joins it picks once it knows the
// tables, until autovacuum comes round. A check costs one catalogue query;
// analysing a table of 100,000 rows about a tenth of a second, once. A
// failure only loses the speed, so it is logged and the export goes on.
func (s *Service) freshStatistics(ctx context.Context, q *query) {
	analysed, err := s.db.AnalyzeIfStale(ctx, fromTables(q.from)...)
	if err != nil {
		s.log.WarnContext(ctx, "export statistics", "error", err)
		return
	}
	if len(analysed) > 0 {
		s.log.InfoContext(ctx, "export statistics refreshed", "tables", analysed)
	}
}

// fromTables lists the tables of a FROM clause written as the list
// queries write it: "table alias JOIN table alias ON …".
func fromTables(from string) []string {
	words := strings.Fields(from)
	var tables []string
	for i, w := range words {
		if i == 0 || strings.EqualFold(words[i-1], "JOIN") {
			if !strings.HasPrefix(w, "(") {
				tables = append(tables, w)
			}
		}
	}
	return tables
}
