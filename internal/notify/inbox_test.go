package notify_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/notify"
	"github.com/accord-coalition/accord/internal/store"
)

func TestInboxShowsOnlyTheActorsMessagesNewestFirst(t *testing.T) {
	engines(t, func(ctx context.Context, t *testing.T, db *store.DB) {
		alice := accord.Actor{UserID: uuid.NewString(), Role: accord.RoleApplicant}
		bob := accord.Actor{UserID: uuid.NewString(), Role: accord.RoleCoordinator}
		base := time.Now().UTC().Truncate(time.Microsecond)
		// Three of alice's messages share an instant: the id breaks the
		// tie, and paging must neither repeat nor skip one of them.
		offsets := []time.Duration{0, time.Second, 2 * time.Second, 2 * time.Second, 2 * time.Second}
		for i, d := range offsets {
			enqueueAt(t, db, base.Add(d), notify.Recipient{UserID: alice.UserID, Email: "alice@example.org", Locale: "en"}, "notice", notice(fmt.Sprint("alice ", i)))
			enqueueAt(t, db, base.Add(d), notify.Recipient{UserID: bob.UserID, Email: "bob@example.org", Locale: "fr"}, "notice", notice(fmt.Sprint("bob ", i)))
		}
		// A State's focal point without an account: mailed, in nobody's inbox.
		enqueue(t, db, notify.Recipient{Email: "focal@example.gov", Locale: "es"}, "notice", notice("state"))

		var want []string
		all := messages(t, db)
		slices.SortFunc(all, func(a, b notify.Message) int {
			if c := b.CreatedAt.Compare(a.CreatedAt); c != 0 {
				return c
			}
			return strings.Compare(b.ID, a.ID)
		})
		for _, m := range all {
			if m.UserID != nil && *m.UserID == alice.UserID {
				want = append(want, m.Subject)
			}
		}

		var got []string
		cursor, pages := "", 0
		for {
			page, next, err := notify.Inbox(ctx, db, alice, 2, cursor)
			if err != nil {
				t.Fatal(err)
			}
			pages++
			for _, m := range page {
				got = append(got, m.Subject)
			}
			if next == "" {
				break
			}
			cursor = next
		}
		if fmt.Sprint(got) != fmt.Sprint(want) || len(want) != 5 || pages != 3 {
			t.Fatalf("alice's inbox over %d pages: %v, want %v", pages, got, want)
		}
		if got[3] != "alice 1" || got[4] != "alice 0" {
			t.Fatalf("inbox not newest first: %v", got)
		}

		if _, _, err := notify.Inbox(ctx, db, accord.Actor{}, 10, ""); accord.KindOf(err) != accord.KindUnauthenticated {
			t.Fatalf("public inbox: %v, want unauthenticated", err)
		}
		if _, _, err := notify.Inbox(ctx, db, alice, 10, "not-a-cursor"); accord.KindOf(err) != accord.KindBadRequest {
			t.Fatalf("bad cursor: %v, want bad request", err)
		}
	})
}

func TestMarkReadOnlyTheActorsOwnMessage(t *testing.T) {
	engines(t, func(ctx context.Context, t *testing.T, db *store.DB) {
		alice := accord.Actor{UserID: uuid.NewString(), Role: accord.RoleApplicant}
		bob := accord.Actor{UserID: uuid.NewString(), Role: accord.RoleSecretariat}
		enqueue(t, db, notify.Recipient{UserID: alice.UserID, Email: "alice@example.org", Locale: "ar"}, "notice", notice("for alice"))
		page, _, err := notify.Inbox(ctx, db, alice, 0, "")
		if err != nil || len(page) != 1 || page[0].ReadAt != nil {
			t.Fatalf("inbox = %+v, %v", page, err)
		}
		id := page[0].ID
		if n, _ := notify.UnreadCount(ctx, db, alice); n != 1 {
			t.Fatalf("unread = %d, want 1", n)
		}

		// Not even the secretariat reads someone else's mail.
		if err := notify.MarkRead(ctx, db, bob, id); accord.KindOf(err) != accord.KindNotFound {
			t.Fatalf("bob marking alice's message: %v, want not found", err)
		}
		for _, missing := range []string{uuid.NewString(), "not-a-uuid"} {
			if err := notify.MarkRead(ctx, db, alice, missing); accord.KindOf(err) != accord.KindNotFound {
				t.Fatalf("marking %q: %v, want not found", missing, err)
			}
		}
		if page, _, _ := notify.Inbox(ctx, db, alice, 0, ""); page[0].ReadAt != nil {
			t.Fatal("a refused MarkRead marked the message")
		}

		if err := notify.MarkRead(ctx, db, alice, id); err != nil {
			t.Fatal(err)
		}
		if err := notify.MarkRead(ctx, db, alice, id); err != nil {
			t.Fatalf("marking again: %v", err)
		}
		page, _, _ = notify.Inbox(ctx, db, alice, 0, "")
		if page[0].ReadAt == nil {
			t.Fatal("read_at not set")
		}
		if n, _ := notify.UnreadCount(ctx, db, alice); n != 0 {
			t.Fatalf("unread = %d after reading, want 0", n)
		}
	})
}
