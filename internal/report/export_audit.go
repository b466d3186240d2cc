package report

import (
	"context"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/audit"
)

// auditEntity is the entity type of export events in the audit log.
const auditEntity = "export"

// audit records who exported which list, when, in which format and
// language, with which filters and how many rows, in a transaction of its
// own: the export itself only reads. The entity is the conference (its
// id), or "members" for the directory.
func (e *Export) audit(ctx context.Context, rows int) error {
	entity := ListMembers
	data := map[string]any{
		"list": e.list.name, "format": e.format, "locale": e.locale,
		"filters": e.filter.auditData(), "rows": rows, "channel": e.channel,
	}
	if e.operator != "" {
		data["operator"] = e.operator
	}
	if e.conf != nil {
		entity = e.conf.ID
		data["conference"] = e.conf.Code
	}
	return e.s.db.Transaction(ctx, func(tx *gorm.DB) error {
		return audit.Append(ctx, tx, &audit.Event{
			EntityType: auditEntity, EntityID: entity, Event: "export",
			ActorID: e.actor.UserID, ActorRole: string(e.actor.Role), RequestID: e.actor.RequestID,
			OccurredAt: e.at, Data: data,
		})
	})
}
