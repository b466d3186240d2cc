// Package report holds what the secretariat takes away from Accord and
// what it watches: the exports of a conference's lists (accredited
// organisations, participants, the list circulated to States parties,
// badges) and of the member directory, in CSV, XLSX and PDF; the visa
// support letters; and the secretariat's dashboard with the coalition's
// targets.
//
// An export reads one consistent snapshot of the database — on PostgreSQL
// a REPEATABLE READ READ ONLY transaction, on SQLite one read transaction —
// and streams its rows from a database cursor through internal/export's
// writers to the client, so memory stays flat however long the list is.
// Every export that carries personal data (participants, badges, members
// with their contacts, visa letters) appends an audit event before its
// first byte leaves.
//
// The writers know nothing of the data; the queries live here, beside the
// columns they fill, and read the tables of membership and accreditation
// directly: a report crosses capabilities by nature. Everything is for the
// secretariat only, which the policies of policy.go decide.
package report
