package notify_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/notify"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/store/storetest"
)

func TestEnqueueInRolledBackTransactionLeavesNothing(t *testing.T) {
	engines(t, func(ctx context.Context, t *testing.T, db *store.DB) {
		refused := errors.New("guard failed")
		err := db.Transaction(ctx, func(tx *gorm.DB) error {
			to := notify.Recipient{UserID: uuid.NewString(), Email: "a@example.org", Locale: "fr"}
			if err := notify.Enqueue(ctx, tx, to, "notice", notice("Rejected")); err != nil {
				t.Fatalf("enqueue: %v", err)
			}
			return refused // the transition fails after writing its message
		})
		if !errors.Is(err, refused) {
			t.Fatalf("transaction: %v", err)
		}
		if ms := messages(t, db); len(ms) != 0 {
			t.Fatalf("rolled-back transition left %d messages", len(ms))
		}

		enqueue(t, db, notify.Recipient{Email: "b@example.org", Locale: "en"}, "notice", notice("Kept"))
		ms := messages(t, db)
		if len(ms) != 1 || ms[0].Subject != "Kept" || ms[0].Status != notify.StatusPending || ms[0].UserID != nil {
			t.Fatalf("committed message: %+v", ms)
		}
	})
}

func TestEnqueueRendersInTheRecipientsLanguage(t *testing.T) {
	cases := []struct {
		locale, wantLocale, wantBody string
	}{
		{"ar", "ar", "للاطلاع على التفاصيل في منصة Accord: https://accord.example.org/x"},
		{"en", "en", "See the details in Accord: https://accord.example.org/x"},
		{"fr", "fr", "Consultez les détails dans Accord : https://accord.example.org/x"},
		{"es-MX", "es", "Consulte los detalles en Accord: https://accord.example.org/x"},
		{"sw", "en", "See the details in Accord"}, // no Swahili file: English
		{"", "en", "See the details in Accord"},
		{"../../etc", "en", "See the details in Accord"},
	}
	engines(t, func(_ context.Context, t *testing.T, db *store.DB) {
		for _, c := range cases {
			data := map[string]any{"title": "عنوان " + c.locale, "text": "Línea\nsecond line", "url": "https://accord.example.org/x"}
			enqueue(t, db, notify.Recipient{UserID: uuid.NewString(), Email: "x@example.org", Locale: c.locale}, "notice", data)
		}
		ms := messages(t, db)
		if len(ms) != len(cases) {
			t.Fatalf("%d messages, want %d", len(ms), len(cases))
		}
		bySubject := map[string]notify.Message{}
		for _, m := range ms {
			bySubject[m.Subject] = m
		}
		for _, c := range cases {
			// The subject is one line with no stray spaces.
			m, ok := bySubject[strings.TrimSpace("عنوان "+c.locale)]
			if !ok {
				t.Errorf("locale %q: no message with its subject", c.locale)
				continue
			}
			if m.Locale != c.wantLocale {
				t.Errorf("locale %q: rendered in %q, want %q", c.locale, m.Locale, c.wantLocale)
			}
			if !strings.Contains(m.Body, c.wantBody) || !strings.Contains(m.Body, "Línea\nsecond line") {
				t.Errorf("locale %q: body lacks %q or the text:\n%s", c.locale, c.wantBody, m.Body)
			}
			if m.Template != "notice" || m.Status != notify.StatusPending || m.Attempts != 0 {
				t.Errorf("locale %q: %+v", c.locale, m)
			}
		}
	})
}

func TestEnqueueRefusesWhatCannotBeRendered(t *testing.T) {
	db := storetest.SQLite(t)
	ctx := context.Background()
	to := notify.Recipient{UserID: uuid.NewString(), Email: "a@example.org", Locale: "ar"}
	cases := map[string]struct {
		to       notify.Recipient
		template string
		data     map[string]any
	}{
		"unknown template":      {to, "no_such_template", notice("x")},
		"path in template name": {to, "../notice", notice("x")},
		"missing data":          {to, "notice", map[string]any{"text": "no title"}},
		"nobody to tell":        {notify.Recipient{Locale: "en"}, "notice", notice("x")},
		"user id that is no id": {notify.Recipient{UserID: "alice", Locale: "en"}, "notice", notice("x")},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			err := db.Transaction(ctx, func(tx *gorm.DB) error {
				return notify.Enqueue(ctx, tx, c.to, c.template, c.data)
			})
			if err == nil {
				t.Fatal("enqueue succeeded")
			}
		})
	}
	if ms := messages(t, db); len(ms) != 0 {
		t.Fatalf("refused messages were stored: %+v", ms)
	}
}

func TestEnqueueWithoutAddressGoesToTheInboxOnly(t *testing.T) {
	engines(t, func(ctx context.Context, t *testing.T, db *store.DB) {
		user := uuid.NewString()
		enqueue(t, db, notify.Recipient{UserID: user, Locale: "es"}, "notice", notice("Solo en la bandeja"))
		sender := &recordingSender{}
		n, err := notify.NewWorker(db, sender).SendDue(ctx)
		if err != nil || n != 0 || len(sender.emails()) != 0 {
			t.Fatalf("SendDue = %d, %v; sent %v", n, err, sender.emails())
		}
		if ms := messages(t, db); ms[0].Status != notify.StatusLogged {
			t.Fatalf("status %q, want logged", ms[0].Status)
		}
	})
}
