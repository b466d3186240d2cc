package notify

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/accord-coalition/accord/internal/retry"
)

// SendDue delivers every pending message whose next attempt is due, batch by
// batch, and returns how many it delivered (mailed, or logged when there is
// no SMTP server).
//
// Each batch is claimed in one short statement that takes a lease (its next
// attempt moves past the time needed to send it) and counts the attempt;
// the messages are then sent with no transaction open, and each outcome is
// recorded on its own. A worker that dies mid-batch leaves its messages to
// be retried when the lease runs out; a slow SMTP server holds no locks.
func (w *Worker) SendDue(ctx context.Context) (int, error) {
	delivered := 0
	defer w.updatePending(ctx)
	for {
		batch, err := w.claim(ctx)
		if err != nil {
			return delivered, err
		}
		for _, m := range batch {
			if err := ctx.Err(); err != nil {
				// The rest of the batch is retried once its lease ends.
				return delivered, err
			}
			ok, err := w.deliver(ctx, m)
			if err != nil {
				return delivered, err
			}
			if ok {
				delivered++
			}
		}
		if len(batch) < w.batchSize {
			return delivered, nil
		}
	}
}

// claim leases up to batchSize due messages to this worker. On PostgreSQL,
// SKIP LOCKED lets several servers claim side by side without ever taking
// the same row; SQLite runs one writing statement at a time, which gives
// the same guarantee.
func (w *Worker) claim(ctx context.Context) ([]Message, error) {
	now := w.clock()
	lock := ""
	if w.db.IsPostgres() {
		lock = " FOR UPDATE SKIP LOCKED"
	}
	q := `UPDATE messages SET attempts = attempts + 1, next_attempt_at = ?
WHERE id IN (SELECT id FROM messages WHERE status = 'pending' AND next_attempt_at <= ?
             ORDER BY next_attempt_at LIMIT ?` + lock + `)
RETURNING *`
	var batch []Message
	if err := w.db.WithContext(ctx).Raw(q, now.Add(w.lease()), now, w.batchSize).Scan(&batch).Error; err != nil {
		return nil, fmt.Errorf("claim due messages: %w", err)
	}
	slices.SortFunc(batch, func(a, b Message) int { return a.CreatedAt.Compare(b.CreatedAt) })
	return batch, nil
}

// deliver sends one claimed message and records the outcome. It reports
// whether the message was delivered; the error is for failures to record,
// not failures to send.
func (w *Worker) deliver(ctx context.Context, m Message) (bool, error) {
	if w.sender == nil {
		// The whole message, links included, goes to the log: without a
		// mail server it is the only way a person trying Accord can follow
		// a verification or reset link (docs/api.md "Accounts").
		w.log.Info("outbox: no SMTP server configured; message written here and kept in the inbox",
			"message_id", m.ID, "to", m.ToEmail, "subject", m.Subject, "template", m.Template, "body", m.Body)
		loggedTotal.Inc()
		return true, w.record(ctx, m, map[string]any{"status": StatusLogged, "last_error": ""})
	}
	sendCtx, cancel := context.WithTimeout(ctx, w.sendTimeout)
	err := w.sender.Send(sendCtx, Email{To: m.ToEmail, Subject: m.Subject, Body: m.Body})
	cancel()
	now := w.clock()
	if err == nil {
		sentTotal.Inc()
		return true, w.record(ctx, m, map[string]any{"status": StatusSent, "sent_at": now, "last_error": ""})
	}
	update := map[string]any{"last_error": retry.ErrorText(err)}
	if IsPermanent(err) || m.Attempts >= w.maxAttempts {
		update["status"] = StatusFailed
		failedTotal.WithLabelValues("true").Inc()
		w.log.Error("outbox: message given up", "message_id", m.ID, "to", m.ToEmail,
			"attempts", m.Attempts, "err", err)
	} else {
		retry := now.Add(retrySchedule.Delay(m.Attempts)).Truncate(time.Microsecond)
		update["next_attempt_at"] = retry
		failedTotal.WithLabelValues("false").Inc()
		w.log.Warn("outbox: sending failed; will retry", "message_id", m.ID, "to", m.ToEmail,
			"attempts", m.Attempts, "retry_at", retry, "err", err)
	}
	return false, w.record(ctx, m, update)
}

// record writes the outcome of one attempt, if this worker still holds the
// message: the attempt count taken at the claim fences off a worker whose
// lease ran out and whose message another worker has claimed since.
func (w *Worker) record(ctx context.Context, m Message, update map[string]any) error {
	// An outcome already happened: record it even when ctx is being
	// cancelled for shutdown, or the message would be sent twice.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	res := w.db.WithContext(ctx).Model(&Message{}).
		Where("id = ? AND status = ? AND attempts = ?", m.ID, StatusPending, m.Attempts).
		Updates(update)
	if res.Error != nil {
		return fmt.Errorf("record outcome of message %s: %w", m.ID, res.Error)
	}
	if res.RowsAffected == 0 {
		w.log.Warn("outbox: lease lost before the outcome was recorded", "message_id", m.ID)
	}
	return nil
}

func (w *Worker) updatePending(ctx context.Context) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	var n int64
	err := w.db.WithContext(ctx).Model(&Message{}).
		Where("status = ?", StatusPending).Count(&n).Error
	if err == nil {
		pendingGauge.Set(float64(n))
	}
}
