package auth

import (
	"context"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/audit"
)

// auditUserCreated records who created u, with what role and scope, in the
// creating transaction. It is appended last: Append holds the chain's head
// lock until the transaction ends.
func auditUserCreated(ctx context.Context, tx *gorm.DB, actor accord.Actor, u *User) error {
	data := map[string]any{"role": string(u.Role)}
	if len(u.Regions) > 0 {
		data["regions"] = u.Regions
	}
	if u.Country != nil {
		data["country"] = *u.Country
	}
	return audit.Append(ctx, tx, &audit.Event{
		EntityType: KindUser,
		EntityID:   u.ID,
		Event:      "user_created",
		ActorID:    actor.UserID,
		ActorRole:  string(actor.Role),
		RequestID:  actor.RequestID,
		Data:       data,
		OccurredAt: u.CreatedAt,
	})
}
