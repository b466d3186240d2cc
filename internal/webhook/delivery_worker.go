package webhook

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/retry"
	"github.com/accord-coalition/accord/internal/store"
)

// Worker posts due deliveries, as notify's outbox worker mails messages:
// it claims a batch under a lease, sends with no transaction open, and
// records each outcome fenced by the attempt count it claimed.
type Worker struct {
	svc       *Service
	db        *store.DB
	client    *http.Client
	log       *slog.Logger
	batchSize int
	timeout   time.Duration
}

// Timeout bounds one delivery: a receiver should answer at once and do
// its work afterwards.
const Timeout = 10 * time.Second

// NewWorker returns the worker that sends s's deliveries.
func (s *Service) NewWorker() *Worker {
	return &Worker{
		svc: s, db: s.db, log: s.log, batchSize: 20, timeout: Timeout,
		client: newClient(Timeout, s.cfg.AllowPrivate),
	}
}

// Run sends due deliveries every interval until ctx is done.
func (w *Worker) Run(ctx context.Context, interval time.Duration) {
	retry.Every(ctx, interval, w.DeliverDue,
		func(_ int, err error) { w.log.Error("webhooks: sending due deliveries", "err", err) },
		func(n int) { w.log.Debug("webhooks: delivered", "deliveries", n) })
}

// lease is how long a claimed batch is reserved for this worker: long
// enough to send all of it even if each delivery times out.
func (w *Worker) lease() time.Duration {
	return time.Duration(w.batchSize)*w.timeout + time.Minute
}

// DeliverDue sends every due delivery, batch by batch, and returns how
// many were delivered (answered with 2xx).
func (w *Worker) DeliverDue(ctx context.Context) (int, error) {
	delivered := 0
	for {
		batch, err := w.claim(ctx)
		if err != nil {
			return delivered, err
		}
		for _, d := range batch {
			if err := ctx.Err(); err != nil {
				return delivered, err // the rest is retried when its lease ends
			}
			ok, err := w.deliver(ctx, d)
			if err != nil {
				return delivered, err
			}
			if ok {
				delivered++
			}
		}
		// Claim again until nothing is due: a delivery just through may
		// have let the next event of its resource go, which the claim
		// before could not take yet. Claimed rows are leased or done, so
		// this ends.
		if len(batch) == 0 {
			return delivered, nil
		}
	}
}

// claim leases up to batchSize due deliveries. A delivery is due only if
// no earlier delivery of the same resource to the same subscription is
// still pending (claimed or not): so a later event never overtakes an
// earlier one, which goes first until it succeeds or is given up. On
// PostgreSQL, SKIP LOCKED lets several servers claim side by side; SQLite
// runs one writing statement at a time.
func (w *Worker) claim(ctx context.Context) ([]Delivery, error) {
	now := w.svc.clock()
	lock := ""
	if w.db.IsPostgres() {
		lock = " FOR UPDATE SKIP LOCKED"
	}
	q := `UPDATE webhook_deliveries SET attempts = attempts + 1, next_attempt_at = ?
WHERE id IN (SELECT d.id FROM webhook_deliveries d
             WHERE d.status = 'pending' AND d.next_attempt_at <= ?
               AND NOT EXISTS (SELECT 1 FROM webhook_deliveries e
                               WHERE e.webhook_id = d.webhook_id AND e.resource_id = d.resource_id
                                 AND e.status = 'pending' AND e.seq < d.seq)
             ORDER BY d.seq LIMIT ?` + lock + `)
RETURNING *`
	var batch []Delivery
	if err := w.db.WithContext(ctx).Raw(q, now.Add(w.lease()), now, w.batchSize).Scan(&batch).Error; err != nil {
		return nil, fmt.Errorf("webhook: claim due deliveries: %w", err)
	}
	return batch, nil
}

// deliver posts one claimed delivery and records the outcome. It reports
// whether the receiver took it; the error is for failures to record.
func (w *Worker) deliver(ctx context.Context, d Delivery) (bool, error) {
	var hook Webhook
	err := w.db.WithContext(ctx).Take(&hook, "id = ?", d.WebhookID).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return false, nil // unsubscribed meanwhile: the delivery went with it
	}
	if err != nil {
		return false, wrapDB("load subscription", err)
	}
	status, sendErr := w.post(ctx, hook, d)
	now := w.svc.clock()
	attempt := Attempt{ID: uuid.NewString(), DeliveryID: d.ID, AttemptedAt: now, StatusCode: status}
	update := map[string]any{"last_status": status, "last_error": ""}
	var refused *PrivateAddressError
	switch {
	case sendErr == nil:
		update["status"], update["delivered_at"] = StatusDelivered, now
	case errors.As(sendErr, &refused) || now.Sub(d.CreatedAt) >= GiveUpAfter:
		attempt.Error = retry.ErrorText(sendErr)
		update["status"], update["last_error"] = StatusFailed, attempt.Error
		w.log.Error("webhooks: delivery given up", "delivery_id", d.ID, "webhook_id", d.WebhookID,
			"event", d.Event, "attempts", d.AttemptCount, "err", sendErr)
	default:
		attempt.Error = retry.ErrorText(sendErr)
		// The last attempt comes when the day is up, not a long wait
		// after it.
		retry := now.Add(retrySchedule.Delay(d.AttemptCount))
		if last := d.CreatedAt.Add(GiveUpAfter); retry.After(last) {
			retry = last
		}
		retry = retry.Truncate(time.Microsecond)
		update["next_attempt_at"], update["last_error"] = retry, attempt.Error
		w.log.Warn("webhooks: delivery failed; will retry", "delivery_id", d.ID, "webhook_id", d.WebhookID,
			"event", d.Event, "attempts", d.AttemptCount, "retry_at", retry, "err", sendErr)
	}
	return sendErr == nil, w.record(ctx, d, attempt, update)
}

// post sends d to the subscription's URL, signed now, and returns the
// receiver's status code (0 when none came) and why the attempt failed.
func (w *Worker) post(ctx context.Context, hook Webhook, d Delivery) (int, error) {
	secret, err := w.svc.cipher.Open(hook.SecretSealed, []byte(hook.ID))
	if err != nil {
		return 0, err
	}
	body := []byte(d.Body)
	ctx, cancel := context.WithTimeout(ctx, w.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, hook.URL, bytes.NewReader(body))
	if err != nil {
		return 0, fmt.Errorf("build request: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Accord-Webhooks/1")
	req.Header.Set(HeaderDelivery, d.ID)
	req.Header.Set(HeaderSignature, Signature(secret, w.svc.cfg.Now(), body))
	resp, err := w.client.Do(req)
	if err != nil {
		var refused *PrivateAddressError
		if errors.As(err, &refused) {
			return 0, refused
		}
		return 0, err
	}
	defer resp.Body.Close()
	// Read a little of the answer so the connection can be reused; what
	// the receiver says beyond its status is not Accord's business.
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		if loc := resp.Header.Get("Location"); resp.StatusCode >= 300 && resp.StatusCode < 400 && loc != "" {
			return resp.StatusCode, fmt.Errorf("answered %s; redirects are not followed", resp.Status)
		}
		return resp.StatusCode, fmt.Errorf("answered %s", resp.Status)
	}
	return resp.StatusCode, nil
}

// record writes the attempt and the delivery's new state, if this worker
// still holds the delivery: the attempt count taken at the claim fences
// off a worker whose lease ran out.
func (w *Worker) record(ctx context.Context, d Delivery, a Attempt, update map[string]any) error {
	// The attempt happened: record it even while shutting down, or the
	// delivery would be sent again without a trace of this one.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	return w.db.Transaction(ctx, func(tx *gorm.DB) error {
		res := tx.Model(&Delivery{}).
			Where("id = ? AND status = ? AND attempts = ?", d.ID, StatusPending, d.AttemptCount).
			Updates(update)
		if res.Error != nil {
			return wrapDB("record delivery "+d.ID, res.Error)
		}
		if res.RowsAffected == 0 {
			w.log.Warn("webhooks: lease lost before the outcome was recorded", "delivery_id", d.ID)
			return nil
		}
		return wrapDB("record attempt", tx.Create(&a).Error)
	})
}
