package notify_test

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/notify"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
)

func TestSendDueSendsAndMarksSent(t *testing.T) {
	engines(t, func(ctx context.Context, t *testing.T, db *store.DB) {
		for i := range 5 {
			enqueue(t, db, notify.Recipient{Email: fmt.Sprintf("m%d@example.org", i), Locale: "en"}, "notice", notice(fmt.Sprint("n", i)))
		}
		sender := &recordingSender{}
		w := notify.NewWorker(db, sender, notify.WithBatchSize(2))
		n, err := w.SendDue(ctx)
		if err != nil || n != 5 {
			t.Fatalf("SendDue = %d, %v; want 5", n, err)
		}
		if got := len(sender.emails()); got != 5 {
			t.Fatalf("sent %d emails, want 5", got)
		}
		for _, m := range messages(t, db) {
			if m.Status != notify.StatusSent || m.SentAt == nil || m.Attempts != 1 {
				t.Errorf("message %s: status %q sent_at %v attempts %d", m.ToEmail, m.Status, m.SentAt, m.Attempts)
			}
		}
		if n, err := w.SendDue(ctx); err != nil || n != 0 || len(sender.emails()) != 5 {
			t.Fatalf("second SendDue = %d, %v, %d emails: sent messages went out again", n, err, len(sender.emails()))
		}
	})
}

func TestSendDueRetriesWithGrowingDelayThenGivesUp(t *testing.T) {
	engines(t, func(ctx context.Context, t *testing.T, db *store.DB) {
		enqueue(t, db, notify.Recipient{Email: "down@example.org", Locale: "en"}, "notice", notice("Retry me"))
		now := time.Now().Add(time.Second)
		sender := &failingSender{}
		w := notify.NewWorker(db, sender, notify.WithClock(func() time.Time { return now }),
			notify.WithLogger(slog.New(slog.DiscardHandler)))

		wantDelay := 30 * time.Second
		for attempt := 1; attempt <= 10; attempt++ {
			n, err := w.SendDue(ctx)
			if err != nil || n != 0 {
				t.Fatalf("attempt %d: SendDue = %d, %v", attempt, n, err)
			}
			if sender.calls != attempt {
				t.Fatalf("attempt %d: sender called %d times", attempt, sender.calls)
			}
			m := messages(t, db)[0]
			if m.Attempts != attempt || !strings.Contains(m.LastError, "try again later") {
				t.Fatalf("attempt %d: attempts %d, last_error %q", attempt, m.Attempts, m.LastError)
			}
			if attempt == 10 {
				if m.Status != notify.StatusFailed {
					t.Fatalf("after 10 attempts: status %q, want failed", m.Status)
				}
				break
			}
			if m.Status != notify.StatusPending {
				t.Fatalf("attempt %d: status %q, want pending", attempt, m.Status)
			}
			delay := m.NextAttemptAt.Sub(now)
			// Doubling from 30s, capped at an hour, less up to a fifth.
			if delay > wantDelay || delay < wantDelay*4/5 {
				t.Fatalf("attempt %d: retry after %v, want between %v and %v", attempt, delay, wantDelay*4/5, wantDelay)
			}
			// Not yet due: nothing happens.
			now = m.NextAttemptAt.Add(-time.Millisecond)
			if _, err := w.SendDue(ctx); err != nil || sender.calls != attempt {
				t.Fatalf("attempt %d: sent before it was due (%d calls, %v)", attempt, sender.calls, err)
			}
			now = m.NextAttemptAt
			wantDelay = min(2*wantDelay, time.Hour)
		}
		now = now.Add(48 * time.Hour)
		if _, err := w.SendDue(ctx); err != nil || sender.calls != 10 {
			t.Fatalf("a failed message was tried again (%d calls, %v)", sender.calls, err)
		}
	})
}

func TestSendDueWithoutSMTPLogsAndKeepsTheInbox(t *testing.T) {
	engines(t, func(ctx context.Context, t *testing.T, db *store.DB) {
		user := uuid.NewString()
		data := map[string]any{"title": "Application approved", "text": "SECRET-LINK-TOKEN", "url": "https://accord.example.org/a/1"}
		enqueue(t, db, notify.Recipient{UserID: user, Email: "ngo@example.org", Locale: "en"}, "notice", data)

		var logs bytes.Buffer
		w := notify.NewWorker(db, nil, notify.WithLogger(slog.New(slog.NewTextHandler(&logs, nil))))
		n, err := w.SendDue(ctx)
		if err != nil || n != 1 {
			t.Fatalf("SendDue = %d, %v; want 1", n, err)
		}
		out := logs.String()
		if !strings.Contains(out, "ngo@example.org") || !strings.Contains(out, "Application approved") {
			t.Errorf("log lacks recipient or subject:\n%s", out)
		}
		if !strings.Contains(out, "SECRET-LINK-TOKEN") {
			t.Errorf("log lacks the body and its links:\n%s", out)
		}
		inbox, _, err := notify.Inbox(ctx, db, accord.Actor{UserID: user, Role: accord.RoleApplicant}, 10, "")
		if err != nil || len(inbox) != 1 {
			t.Fatalf("inbox = %v, %v", inbox, err)
		}
		if inbox[0].Status != notify.StatusLogged || !strings.Contains(inbox[0].Body, "SECRET-LINK-TOKEN") {
			t.Fatalf("inbox message: %+v", inbox[0])
		}
		if n, _ := w.SendDue(ctx); n != 0 {
			t.Fatalf("a logged message was logged again")
		}
	})
}

func TestSendDueOnTwoServersSendsEachMessageOnce(t *testing.T) {
	ctx := context.Background()
	url, err := storetest.NewPostgresDatabase(t)
	if err != nil {
		t.Fatal(err)
	}
	open := func() *store.DB {
		db, err := store.Open(ctx, store.Options{URL: url})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	}
	dbA, dbB := open(), open()
	const total = 120
	for i := range total {
		enqueue(t, dbA, notify.Recipient{Email: fmt.Sprintf("m%03d@example.org", i), Locale: "fr"}, "notice", notice("n"))
	}

	sender := &slowRecordingSender{}
	var wg sync.WaitGroup
	counts := make([]int, 4)
	for i := range counts {
		db := dbA
		if i%2 == 1 {
			db = dbB
		}
		w := notify.NewWorker(db, sender, notify.WithBatchSize(7))
		wg.Go(func() {
			n, err := w.SendDue(ctx)
			if err != nil {
				t.Errorf("worker %d: %v", i, err)
			}
			counts[i] = n
		})
	}
	wg.Wait()

	sum := 0
	for _, n := range counts {
		sum += n
	}
	seen := map[string]int{}
	for _, e := range sender.emails() {
		seen[e.To]++
	}
	for to, n := range seen {
		if n != 1 {
			t.Errorf("%s was sent %d times", to, n)
		}
	}
	if sum != total || len(seen) != total {
		t.Fatalf("workers reported %d, %d distinct recipients; want %d each (per worker %v)", sum, len(seen), total, counts)
	}
	for _, m := range messages(t, dbA) {
		if m.Status != notify.StatusSent || m.Attempts != 1 {
			t.Fatalf("message %s: status %q attempts %d", m.ToEmail, m.Status, m.Attempts)
		}
	}
	if counts[0] == total || counts[1] == total {
		t.Logf("one worker sent everything (%v): the overlap was not exercised this run", counts)
	}
}

// slowRecordingSender takes a moment per message, as a mail server does, so
// that workers overlap.
type slowRecordingSender struct{ recordingSender }

func (s *slowRecordingSender) Send(ctx context.Context, e notify.Email) error {
	time.Sleep(time.Millisecond)
	return s.recordingSender.Send(ctx, e)
}

func TestSendDueGivesUpAtOnceOnPermanentRefusal(t *testing.T) {
	db := storetest.SQLite(t)
	enqueue(t, db, notify.Recipient{Email: "nobody@example.org", Locale: "en"}, "notice", notice("x"))
	refuse := senderFunc(func(context.Context, notify.Email) error {
		return notify.Permanent(fmt.Errorf("550 5.1.1 no such user"))
	})
	w := notify.NewWorker(db, refuse, notify.WithLogger(slog.New(slog.DiscardHandler)))
	if _, err := w.SendDue(context.Background()); err != nil {
		t.Fatal(err)
	}
	if m := messages(t, db)[0]; m.Status != notify.StatusFailed || m.Attempts != 1 {
		t.Fatalf("status %q after %d attempts, want failed after 1", m.Status, m.Attempts)
	}
}

type senderFunc func(context.Context, notify.Email) error

func (f senderFunc) Send(ctx context.Context, e notify.Email) error { return f(ctx, e) }

func TestSendDueInterruptedLeavesTheRestForLater(t *testing.T) {
	engines(t, func(ctx context.Context, t *testing.T, db *store.DB) {
		for i := range 3 {
			enqueue(t, db, notify.Recipient{Email: fmt.Sprintf("m%d@example.org", i), Locale: "en"}, "notice", notice("n"))
		}
		now := time.Now().Add(time.Second)
		clock := notify.WithClock(func() time.Time { return now })

		// The server shuts down while the first message is being sent.
		interrupted, cancel := context.WithCancel(ctx)
		var first []notify.Email
		shutdown := senderFunc(func(_ context.Context, e notify.Email) error {
			first = append(first, e)
			cancel()
			return nil
		})
		n, err := notify.NewWorker(db, shutdown, clock).SendDue(interrupted)
		if n != 1 || err == nil || len(first) != 1 {
			t.Fatalf("interrupted SendDue = %d, %v after %d sends", n, err, len(first))
		}
		statuses := map[notify.Status]int{}
		for _, m := range messages(t, db) {
			statuses[m.Status]++
		}
		if statuses[notify.StatusSent] != 1 || statuses[notify.StatusPending] != 2 {
			t.Fatalf("after the interruption: %v; the sent one must be recorded, the rest pending", statuses)
		}

		// Still leased a minute later: another worker leaves them alone.
		sender := &recordingSender{}
		now = now.Add(time.Minute)
		if n, _ := notify.NewWorker(db, sender, clock).SendDue(ctx); n != 0 {
			t.Fatalf("a leased message was taken by another worker")
		}
		// Once the lease has run out they go, and the first does not go again.
		now = now.Add(time.Hour)
		n, err = notify.NewWorker(db, sender, clock).SendDue(ctx)
		if err != nil || n != 2 {
			t.Fatalf("after the lease: SendDue = %d, %v; want 2", n, err)
		}
		for _, e := range sender.emails() {
			if e.To == first[0].To {
				t.Fatalf("%s sent twice", e.To)
			}
		}
	})
}

func TestRunSendsUntilCancelled(t *testing.T) {
	db := storetest.SQLite(t)
	enqueue(t, db, notify.Recipient{Email: "a@example.org", Locale: "en"}, "notice", notice("n"))
	ctx, cancel := context.WithCancel(context.Background())
	var sent int
	sender := senderFunc(func(context.Context, notify.Email) error {
		sent++
		cancel() // stop Run after its first pass
		return nil
	})
	notify.NewWorker(db, sender).Run(ctx, time.Hour) // returns once ctx is done
	if sent != 1 || messages(t, db)[0].Status != notify.StatusSent {
		t.Fatalf("Run sent %d; status %q", sent, messages(t, db)[0].Status)
	}
}
