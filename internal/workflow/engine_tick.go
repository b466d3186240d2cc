package workflow

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/retry"
)

// Tick fires every deadline that has passed, on every registered machine,
// as the system actor, and returns how many fired.
//
// Several servers may tick one PostgreSQL database at once. Each due row is
// fired in a transaction of its own that first locks the row with FOR
// UPDATE SKIP LOCKED and checks again that it is still due: a row another
// ticker holds is skipped, and one it has fired is no longer due, so each
// fires exactly once. SQLite has one writer, whose immediate transactions
// give the same guarantee. Candidates are read a page at a time, so a large
// backlog is neither held in memory nor in one long transaction.
//
// A row that fails to fire is logged and left due; Tick goes on with the
// others and returns the failures joined.
func (e *Engine) Tick(ctx context.Context) (int, error) {
	fired := 0
	var errs []error
	for _, m := range e.Machines() {
		for _, d := range m.Deadlines {
			n, err := e.tickDeadline(ctx, m, d)
			fired += n
			if err != nil {
				errs = append(errs, err)
			}
			if ctx.Err() != nil {
				return fired, errors.Join(append(errs, ctx.Err())...)
			}
		}
	}
	return fired, errors.Join(errs...)
}

func (e *Engine) tickDeadline(ctx context.Context, m *Machine, d Deadline) (int, error) {
	now := e.clock()
	due := d.Column + " <= ?"
	fired := 0
	var errs []error
	last := ""
	for ctx.Err() == nil {
		q := e.db.WithContext(ctx).Table(m.Table).Where("state IN ?", d.From).Where(due, now)
		if last != "" {
			q = q.Where("id > ?", last)
		}
		var ids []string
		if err := q.Order("id").Limit(e.batch).Pluck("id", &ids).Error; err != nil {
			return fired, fmt.Errorf("workflow %s: due %s: %w", m.Name, d.Event, err)
		}
		for _, id := range ids {
			ok, err := e.fireDue(ctx, m, d, id, now)
			switch {
			case err != nil:
				e.log.WarnContext(ctx, "deadline did not fire", "machine", m.Name, "id", id, "event", d.Event, "err", err)
				errs = append(errs, fmt.Errorf("workflow %s: %s %s: %w", m.Name, d.Event, id, err))
			case ok:
				fired++
			}
		}
		if len(ids) < e.batch {
			break
		}
		last = ids[len(ids)-1]
	}
	return fired, errors.Join(errs...)
}

// fireDue fires d on one row if it is still due and no other ticker holds
// it; it reports whether it fired.
func (e *Engine) fireDue(ctx context.Context, m *Machine, d Deadline, id string, now time.Time) (bool, error) {
	lock := ""
	if e.db.IsPostgres() {
		lock = " FOR UPDATE SKIP LOCKED"
	}
	fired := false
	err := e.db.Transaction(ctx, func(tx *gorm.DB) error {
		var still []string
		err := tx.Raw("SELECT id FROM "+m.Table+" WHERE id = ? AND state IN ? AND "+d.Column+" <= ?"+lock,
			id, d.From, now).Scan(&still).Error
		if err != nil || len(still) == 0 {
			return err
		}
		subj, err := m.Load(ctx, tx, id)
		if err != nil {
			return fmt.Errorf("load: %w", err)
		}
		if _, err := e.Fire(ctx, tx, m, accord.SystemActor(), subj, Request{Event: d.Event}); err != nil {
			return err
		}
		fired = true
		return nil
	})
	if accord.KindOf(err) == accord.KindConflict {
		// Another writer moved the row first; it is no longer ours to fire.
		return false, nil
	}
	return fired, err
}

// Run ticks now and then every interval until ctx is done. Failures are
// logged; the next tick tries again.
func (e *Engine) Run(ctx context.Context, interval time.Duration) {
	retry.Every(ctx, interval, e.Tick,
		func(n int, err error) { e.log.ErrorContext(ctx, "deadline tick", "fired", n, "err", err) },
		func(n int) { e.log.InfoContext(ctx, "deadline tick", "fired", n) })
}
