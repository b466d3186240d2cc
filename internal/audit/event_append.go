package audit

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"
)

// Append adds e to the end of the chain. It must run inside the caller's
// transaction, so the event is committed or rolled back with the change it
// records. It fills Seq, ID, PrevHash and Hash, and OccurredAt when zero.
//
// The head row is locked for the rest of the transaction (PostgreSQL: FOR
// UPDATE; SQLite serialises writers at BEGIN IMMEDIATE), so concurrent
// appends queue up and the chain never forks. Callers append last, after
// their other writes, to hold that lock as briefly as possible.
func Append(ctx context.Context, tx *gorm.DB, e *Event) error {
	if e.EntityType == "" || e.Event == "" {
		return errors.New("audit append: entity type and event are required")
	}
	tx = tx.WithContext(ctx)
	lock := ""
	if tx.Dialector.Name() == "postgres" {
		lock = " FOR UPDATE"
	}
	var head struct {
		Seq  int64
		Hash string
	}
	res := tx.Raw("SELECT seq, hash FROM audit_head WHERE id = 1" + lock).Scan(&head)
	if res.Error != nil {
		return fmt.Errorf("audit append: read head: %w", res.Error)
	}
	if res.RowsAffected != 1 {
		return errors.New("audit append: audit_head has no row; migrations not applied?")
	}

	id, err := uuid.NewV7()
	if err != nil {
		return fmt.Errorf("audit append: id: %w", err)
	}
	if e.OccurredAt.IsZero() {
		e.OccurredAt = time.Now()
	}
	e.OccurredAt = normaliseTime(e.OccurredAt)
	if e.Data, err = normaliseData(e.Data); err != nil {
		return fmt.Errorf("audit append: %w", err)
	}
	e.Seq = head.Seq + 1
	e.ID = id.String()
	e.PrevHash = head.Hash
	if e.Hash, err = e.computeHash(); err != nil {
		return fmt.Errorf("audit append: %w", err)
	}

	if err := tx.Create(e).Error; err != nil {
		return fmt.Errorf("audit append: insert event %d: %w", e.Seq, err)
	}
	res = tx.Exec("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1 AND seq = ?", e.Seq, e.Hash, head.Seq)
	if res.Error != nil {
		return fmt.Errorf("audit append: move head: %w", res.Error)
	}
	if res.RowsAffected != 1 {
		// Only possible if something bypassed the lock; the insert above
		// would normally have failed on the duplicate seq first.
		return fmt.Errorf("audit append: head moved past %d during append", head.Seq)
	}
	return nil
}
