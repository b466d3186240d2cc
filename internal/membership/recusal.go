package membership

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Recusal records that a user declared a conflict of interest with an
// organisation. It is kept for good: that user never reviews or decides
// the organisation's applications again (docs/domain.md, recuse).
type Recusal struct {
	OrganizationID string  `gorm:"primaryKey"`
	UserID         string  `gorm:"primaryKey"`
	ApplicationID  *string // the application it was declared on
	Reason         string
	CreatedAt      time.Time
}

// TableName implements GORM's tabler.
func (Recusal) TableName() string { return "coordinator_recusals" }

// hasRecused reports whether userID has recused from the organisation.
func hasRecused(ctx context.Context, db *gorm.DB, organizationID, userID string) (bool, error) {
	if userID == "" {
		return false, nil
	}
	var n int64
	err := db.WithContext(ctx).Model(&Recusal{}).
		Where("organization_id = ? AND user_id = ?", organizationID, userID).Count(&n).Error
	if err != nil {
		return false, fmt.Errorf("look up recusal: %w", err)
	}
	return n > 0, nil
}

// recordRecusal keeps the first recusal of a user from an organisation;
// the bar is the same however often it is declared.
func recordRecusal(ctx context.Context, tx *gorm.DB, r *Recusal) error {
	err := tx.WithContext(ctx).Clauses(clause.OnConflict{DoNothing: true}).Create(r).Error
	if err != nil {
		return fmt.Errorf("record recusal: %w", err)
	}
	return nil
}
