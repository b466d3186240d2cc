package notify_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/notify"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
)

// engines runs fn once per engine, each on a migrated database of its own.
func engines(t *testing.T, fn func(ctx context.Context, t *testing.T, db *store.DB)) {
	t.Helper()
	storetest.Engines(t, func(t *testing.T, db *store.DB) { fn(context.Background(), t, db) })
}

// enqueue commits one message in a transaction of its own.
func enqueue(t *testing.T, db *store.DB, to notify.Recipient, template string, data map[string]any) {
	t.Helper()
	err := db.Transaction(context.Background(), func(tx *gorm.DB) error {
		return notify.Enqueue(context.Background(), tx, to, template, data)
	})
	if err != nil {
		t.Fatalf("enqueue %s: %v", template, err)
	}
}

// enqueueAt commits one message as if it were written at the instant at.
func enqueueAt(t *testing.T, db *store.DB, at time.Time, to notify.Recipient, template string, data map[string]any) {
	t.Helper()
	g := db.Gorm.Session(&gorm.Session{NowFunc: func() time.Time { return at }})
	err := g.WithContext(context.Background()).Transaction(func(tx *gorm.DB) error {
		return notify.Enqueue(context.Background(), tx, to, template, data)
	})
	if err != nil {
		t.Fatalf("enqueue %s: %v", template, err)
	}
}

func notice(title string) map[string]any {
	return map[string]any{"title": title, "text": "Some text.", "url": "https://accord.example.org/x"}
}

// messages returns every row of the outbox, oldest first.
func messages(t *testing.T, db *store.DB) []notify.Message {
	t.Helper()
	var ms []notify.Message
	if err := db.WithContext(context.Background()).Order("created_at, id").Find(&ms).Error; err != nil {
		t.Fatal(err)
	}
	return ms
}

// recordingSender keeps every email it is given.
type recordingSender struct {
	mu   sync.Mutex
	sent []notify.Email
}

func (s *recordingSender) Send(_ context.Context, e notify.Email) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sent = append(s.sent, e)
	return nil
}

func (s *recordingSender) emails() []notify.Email {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]notify.Email(nil), s.sent...)
}

// failingSender refuses everything, as a mail server that is down does.
type failingSender struct{ calls int }

func (s *failingSender) Send(context.Context, notify.Email) error {
	s.calls++
	return errors.New("451 4.3.0 try again later")
}
