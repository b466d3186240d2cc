// Package audit keeps Accord's append-only log of what happened to whom:
// every workflow transition, export of personal data and account change is
// one Event, written in the same transaction as the change it records.
//
// Events form hash chains (sixteen on PostgreSQL, so that unrelated writes
// need not queue on one head; one on SQLite). Each event carries a
// sequence number, its chain, the hash of the event before it in that
// chain and the SHA-256 of its own fields, so that Verify can
// tell when a row was altered or removed behind the application's back —
// the database's triggers already refuse UPDATE and DELETE through the
// ordinary connection, and the chain is what still holds when someone with
// more rights than the application goes around them.
package audit
