package auth

import (
	"context"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/notify"
)

// KindInbox is the kind the inbox policy is registered under: an
// account's own messages, which notify keeps.
const KindInbox = "inbox"

// InboxPolicy: an account reads its own inbox and marks its own messages
// read; nobody, staff included, reads another's, nor learns that it
// exists. obj is the id of the account whose inbox is asked for.
func InboxPolicy(actor accord.Actor, action Action, obj any) Decision {
	owner, _ := obj.(string)
	if actor.UserID == "" || owner != actor.UserID {
		return Hide
	}
	if action == ActionRead || action == ActionUpdate {
		return Allow
	}
	return Deny
}

// Inbox lists the actor's own messages, newest first, limit at a time;
// before is the cursor of the previous page.
func (s *Service) Inbox(ctx context.Context, actor accord.Actor, limit int, before string) ([]notify.Message, string, error) {
	if err := s.checkInbox(ctx, actor, ActionRead); err != nil {
		return nil, "", err
	}
	return notify.Inbox(ctx, s.db, actor, limit, before)
}

// UnreadCount is how many of the actor's messages are unread.
func (s *Service) UnreadCount(ctx context.Context, actor accord.Actor) (int64, error) {
	if err := s.checkInbox(ctx, actor, ActionRead); err != nil {
		return 0, err
	}
	return notify.UnreadCount(ctx, s.db, actor)
}

// MarkRead marks one of the actor's messages as read; someone else's
// message is not found, like a missing one.
func (s *Service) MarkRead(ctx context.Context, actor accord.Actor, id string) error {
	if err := s.checkInbox(ctx, actor, ActionUpdate); err != nil {
		return err
	}
	return notify.MarkRead(ctx, s.db, actor, id)
}

// checkInbox asks the Authorizer about the actor's own inbox; the public
// is told to sign in rather than that there is nothing.
func (s *Service) checkInbox(ctx context.Context, actor accord.Actor, action Action) error {
	if actor.UserID == "" {
		return &accord.Error{Kind: accord.KindUnauthenticated, Message: "sign in to read messages"}
	}
	return s.authz.Check(ctx, actor, KindInbox, action, actor.UserID)
}
