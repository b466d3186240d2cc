package report

import (
	"strings"

	"github.com/accord-coalition/accord/internal/store"
)

// dialect writes the few expressions that differ between the engines.
// Queries format dates and numbers in SQL, so that both engines hand the
// writers the same text.
type dialect struct{ postgres bool }

func dialectOf(db *store.DB) dialect { return dialect{postgres: db.IsPostgres()} }

// day is the UTC calendar day of an instant column, as YYYY-MM-DD.
func (d dialect) day(col string) string {
	if d.postgres {
		return "to_char(" + col + " AT TIME ZONE 'UTC', 'YYYY-MM-DD')"
	}
	return "strftime('%Y-%m-%d', " + col + ")"
}

// text is a number column as text.
func (dialect) text(col string) string { return "CAST(" + col + " AS TEXT)" }

// query is one list's SELECT, built from parts so that the same FROM and
// WHERE serve the rows and their count.
type query struct {
	selects []string
	from    string
	// lookups are the aliases of inner joins that find exactly one row
	// for each row, by a NOT NULL foreign key; the count may leave them
	// out (countFrom).
	lookups []string
	where   []string
	args    []any
	order   string
}

// cond adds a condition with its arguments, written with ? placeholders
// (GORM turns them into $n for PostgreSQL).
func (q *query) cond(sql string, args ...any) {
	q.where = append(q.where, sql)
	q.args = append(q.args, args...)
}

// in adds "col IN (?, ?, …)" for values.
func (q *query) in(col string, values []string) {
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(values)), ", ")
	args := make([]any, len(values))
	for i, v := range values {
		args[i] = v
	}
	q.cond(col+" IN ("+marks+")", args...)
}

func (q *query) whereSQL() string {
	if len(q.where) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(q.where, " AND ")
}

// rowsSQL selects the rows in the list's order.
func (q *query) rowsSQL() string {
	return "SELECT " + strings.Join(q.selects, ", ") + " FROM " + q.from + q.whereSQL() + " ORDER BY " + q.order
}

// countSQL counts the rows rowsSQL selects.
func (q *query) countSQL() string {
	return "SELECT COUNT(*) FROM " + q.countFrom() + q.whereSQL()
}
