package audit

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"
)

// AppendAll adds events to the end of the chain in their order, as Append
// would one by one, but reading and moving the head once and inserting in
// batches: a bulk change (an imported member list) records thousands of
// events in one transaction without thousands of round trips.
func AppendAll(ctx context.Context, tx *gorm.DB, events []*Event) error {
	if len(events) == 0 {
		return nil
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
	seq, prev := head.Seq, head.Hash
	for _, e := range events {
		if e.EntityType == "" || e.Event == "" {
			return errors.New("audit append: entity type and event are required")
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
		seq++
		e.Seq, e.ID, e.PrevHash = seq, id.String(), prev
		if e.Hash, err = e.computeHash(); err != nil {
			return fmt.Errorf("audit append: %w", err)
		}
		prev = e.Hash
	}
	if err := tx.CreateInBatches(events, appendBatch).Error; err != nil {
		return fmt.Errorf("audit append: insert %d events: %w", len(events), err)
	}
	res = tx.Exec("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1 AND seq = ?", seq, prev, head.Seq)
	if res.Error != nil {
		return fmt.Errorf("audit append: move head: %w", res.Error)
	}
	if res.RowsAffected != 1 {
		return fmt.Errorf("audit append: head moved past %d during append", head.Seq)
	}
	return nil
}

// appendBatch is how many events one INSERT carries: past a few
// thousand parameters the SQLite driver's binding grows quadratically.
const appendBatch = 100
