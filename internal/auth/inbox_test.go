package auth

import (
	"testing"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/notify"
)

// TestInboxGoesThroughTheAuthorizer: the inbox the web pages show is read
// through the service, which asks the Authorizer. An account reads and
// marks its own messages; the public is told to sign in; and a policy
// that closes the inbox closes it, staff or not.
func TestInboxGoesThroughTheAuthorizer(t *testing.T) {
	engines(t, func(t *testing.T, f *fixture) {
		alice := accord.Actor{UserID: uuid.NewString(), Role: accord.RoleApplicant}
		bob := accord.Actor{UserID: uuid.NewString(), Role: accord.RoleSecretariat}
		err := f.db.Transaction(f.ctx, func(tx *gorm.DB) error {
			return notify.Enqueue(f.ctx, tx, notify.Recipient{UserID: alice.UserID, Email: "alice@example.org", Locale: "ar"},
				"notice", map[string]any{"title": "إشعار", "text": "نص.", "url": "https://accord.example/x"})
		})
		if err != nil {
			t.Fatal(err)
		}

		msgs, _, err := f.svc.Inbox(f.ctx, alice, 10, "")
		if err != nil || len(msgs) != 1 {
			t.Fatalf("alice's inbox: %d messages, %v", len(msgs), err)
		}
		if n, err := f.svc.UnreadCount(f.ctx, alice); err != nil || n != 1 {
			t.Fatalf("alice's unread count: %d, %v", n, err)
		}
		if err := f.svc.MarkRead(f.ctx, bob, msgs[0].ID); accord.KindOf(err) != accord.KindNotFound {
			t.Fatalf("the secretariat marking alice's message read: %v, want not found", err)
		}
		if err := f.svc.MarkRead(f.ctx, alice, msgs[0].ID); err != nil {
			t.Fatal(err)
		}
		if n, _ := f.svc.UnreadCount(f.ctx, alice); n != 0 {
			t.Fatalf("after reading, %d unread", n)
		}
		if others, _, err := f.svc.Inbox(f.ctx, bob, 10, ""); err != nil || len(others) != 0 {
			t.Fatalf("bob's inbox: %d messages, %v", len(others), err)
		}
		if _, _, err := f.svc.Inbox(f.ctx, accord.Actor{}, 10, ""); accord.KindOf(err) != accord.KindUnauthenticated {
			t.Fatalf("the public's inbox: %v, want sign in", err)
		}

		for _, tc := range []struct {
			name   string
			actor  accord.Actor
			action Action
			owner  string
			want   Decision
		}{
			{"own inbox", alice, ActionRead, alice.UserID, Allow},
			{"marking own messages", alice, ActionUpdate, alice.UserID, Allow},
			{"another's inbox", bob, ActionRead, alice.UserID, Hide},
			{"the public", accord.Actor{}, ActionRead, "", Hide},
			{"deleting", alice, ActionDelete, alice.UserID, Deny},
		} {
			if got := InboxPolicy(tc.actor, tc.action, tc.owner); got != tc.want {
				t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
			}
		}

		f.authz.Register(KindInbox, func(accord.Actor, Action, any) Decision { return Deny })
		if _, _, err := f.svc.Inbox(f.ctx, alice, 10, ""); accord.KindOf(err) != accord.KindForbidden {
			t.Fatalf("alice's inbox with the policy closed: %v, want forbidden", err)
		}
		if _, err := f.svc.UnreadCount(f.ctx, alice); accord.KindOf(err) != accord.KindForbidden {
			t.Fatalf("alice's unread count with the policy closed: %v, want forbidden", err)
		}
	})
}
