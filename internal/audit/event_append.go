package audit

import (
	"context"

	"gorm.io/gorm"
)

// Append adds e to the end of a chain. It must run inside the caller's
// transaction, so the event is committed or rolled back with the change it
// records. It fills Seq, Chain, ID, PrevHash and Hash, and OccurredAt when
// zero.
//
// The chain's head row is locked for the rest of the transaction
// (PostgreSQL: FOR UPDATE; SQLite serialises writers at BEGIN IMMEDIATE),
// so appends to one chain queue up and it never forks. Callers append
// last, after their other writes, to hold that lock as briefly as
// possible.
func Append(ctx context.Context, tx *gorm.DB, e *Event) error {
	return AppendAll(ctx, tx, []*Event{e})
}
