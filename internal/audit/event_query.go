package audit

import (
	"context"
	"fmt"

	"gorm.io/gorm"
)

// ForEntity returns the events of one entity, oldest first.
func ForEntity(ctx context.Context, db *gorm.DB, entityType, entityID string) ([]Event, error) {
	var events []Event
	err := db.WithContext(ctx).
		Where("entity_type = ? AND entity_id = ?", entityType, entityID).
		Order("seq").
		Find(&events).Error
	if err != nil {
		return nil, fmt.Errorf("audit events of %s %s: %w", entityType, entityID, err)
	}
	return events, nil
}
