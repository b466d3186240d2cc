package report

// ListSQL is a list's rows query for a conference, with its arguments, as
// an export runs it: for tests that look at its plan.
func ListSQL(db interface{ IsPostgres() bool }, list, locale, conferenceID string) (string, []any) {
	l := lists[list]
	q := l.build(dialect{postgres: db.IsPostgres()}, locale, conferenceID, l.defaultStates, Filter{})
	return q.rowsSQL(), q.args
}
