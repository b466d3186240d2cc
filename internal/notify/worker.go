package notify

import (
	"context"
	"log/slog"
	"time"

	"github.com/accord-coalition/accord/internal/retry"
	"github.com/accord-coalition/accord/internal/store"
)

// Worker delivers the outbox: it claims due messages, mails them, and
// records the outcome, retrying failures with a growing delay.
type Worker struct {
	db          *store.DB
	sender      Sender // nil: no SMTP server; messages are logged instead
	now         func() time.Time
	log         *slog.Logger
	batchSize   int
	maxAttempts int
	sendTimeout time.Duration
}

// WorkerOption adjusts a Worker.
type WorkerOption func(*Worker)

// WithClock replaces the wall clock, so tests can move time.
func WithClock(now func() time.Time) WorkerOption { return func(w *Worker) { w.now = now } }

// WithLogger sets the logger; the default is slog.Default().
func WithLogger(l *slog.Logger) WorkerOption { return func(w *Worker) { w.log = l } }

// WithBatchSize sets how many messages one claim takes (default 20).
func WithBatchSize(n int) WorkerOption { return func(w *Worker) { w.batchSize = max(n, 1) } }

// WithMaxAttempts sets after how many failed attempts a message is given
// up (default 10).
func WithMaxAttempts(n int) WorkerOption { return func(w *Worker) { w.maxAttempts = max(n, 1) } }

// WithSendTimeout bounds one SMTP session (default 30s).
func WithSendTimeout(d time.Duration) WorkerOption {
	return func(w *Worker) {
		if d > 0 {
			w.sendTimeout = d
		}
	}
}

// NewWorker returns a worker for db's outbox. A nil sender means no SMTP
// server is configured: messages are then logged and kept in the inbox.
func NewWorker(db *store.DB, sender Sender, opts ...WorkerOption) *Worker {
	w := &Worker{
		db:          db,
		sender:      sender,
		now:         time.Now,
		log:         slog.Default(),
		batchSize:   20,
		maxAttempts: 10,
		sendTimeout: 30 * time.Second,
	}
	for _, o := range opts {
		o(w)
	}
	return w
}

// retrySchedule is the wait after a failed attempt: doubling from 30
// seconds up to an hour.
var retrySchedule = retry.Schedule{First: 30 * time.Second, Max: time.Hour}

// Run sends due messages every interval until ctx is done.
func (w *Worker) Run(ctx context.Context, interval time.Duration) {
	retry.Every(ctx, interval, w.SendDue,
		func(_ int, err error) { w.log.Error("outbox: sending due messages", "err", err) },
		func(n int) { w.log.Debug("outbox: delivered", "messages", n) })
}

// clock is the worker's now, in the form the database stores.
func (w *Worker) clock() time.Time { return w.now().UTC().Truncate(time.Microsecond) }

// lease is how long a claimed batch is reserved for this worker: long
// enough to send every message of it, even if each one times out, so that
// no other worker takes a message that is still being sent.
func (w *Worker) lease() time.Duration {
	return time.Duration(w.batchSize)*w.sendTimeout + time.Minute
}
