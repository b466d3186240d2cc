package notify

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/store"
)

// Inbox lists the actor's own messages, newest first, limit at a time;
// before is the cursor of the previous page ("" for the first) and the
// returned cursor is "" after the last page.
func Inbox(ctx context.Context, db *store.DB, actor accord.Actor, limit int, before string) ([]Message, string, error) {
	userID, err := inboxOwner(actor)
	if err != nil {
		return nil, "", err
	}
	limit = store.Limit(limit)
	at, atID, more, err := store.DecodeTimeCursor(before)
	if err != nil {
		return nil, "", err
	}
	q := db.WithContext(ctx).Where("user_id = ?", userID)
	if more {
		q = q.Where("(created_at < ? OR (created_at = ? AND id < ?))", at, at, atID)
	}
	var page []Message
	if err := q.Order("created_at DESC, id DESC").Limit(limit + 1).Find(&page).Error; err != nil {
		return nil, "", fmt.Errorf("inbox: %w", err)
	}
	page, next := store.TrimPage(page, limit, func(last Message) string { return store.TimeCursor(last.CreatedAt, last.ID) })
	return page, next, nil
}

// UnreadCount is how many of the actor's messages are unread, for the
// badge beside the inbox link.
func UnreadCount(ctx context.Context, db *store.DB, actor accord.Actor) (int64, error) {
	userID, err := inboxOwner(actor)
	if err != nil {
		return 0, err
	}
	var n int64
	err = db.WithContext(ctx).Model(&Message{}).
		Where("user_id = ? AND read_at IS NULL", userID).Count(&n).Error
	if err != nil {
		return 0, fmt.Errorf("count unread messages: %w", err)
	}
	return n, nil
}

// MarkRead marks one of the actor's messages as read. Marking it again
// changes nothing; someone else's message is not found, like a missing one.
func MarkRead(ctx context.Context, db *store.DB, actor accord.Actor, id string) error {
	userID, err := inboxOwner(actor)
	if err != nil {
		return err
	}
	if uuid.Validate(id) != nil {
		return accord.NotFound("message")
	}
	now := db.Gorm.NowFunc().UTC().Truncate(time.Microsecond)
	res := db.WithContext(ctx).Model(&Message{}).
		Where("id = ? AND user_id = ? AND read_at IS NULL", id, userID).
		Update("read_at", now)
	if res.Error != nil {
		return fmt.Errorf("mark message read: %w", res.Error)
	}
	if res.RowsAffected == 1 {
		return nil
	}
	var n int64
	if err := db.WithContext(ctx).Model(&Message{}).
		Where("id = ? AND user_id = ?", id, userID).Count(&n).Error; err != nil {
		return fmt.Errorf("mark message read: %w", err)
	}
	if n == 0 {
		return accord.NotFound("message")
	}
	return nil
}

// inboxOwner is the account whose inbox the actor may read: its own.
func inboxOwner(actor accord.Actor) (string, error) {
	if actor.UserID == "" {
		return "", &accord.Error{Kind: accord.KindUnauthenticated, Message: "sign in to read messages"}
	}
	if uuid.Validate(actor.UserID) != nil {
		return "", accord.NotFound("inbox")
	}
	return actor.UserID, nil
}
