package auth

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/notify"
)

// JoinOrganization makes the applicant userID a member of organizationID,
// inside tx, so that the link commits with the organisation it was created
// for. A user belongs to one organisation: one that already has one, or
// that is not an applicant, is refused with a conflict. Authenticate
// reloads the user, so the next request already carries the organisation.
func JoinOrganization(ctx context.Context, tx *gorm.DB, userID, organizationID string, now time.Time) error {
	res := tx.WithContext(ctx).Model(&User{}).
		Where("id = ? AND role = ? AND organization_id IS NULL", userID, accord.RoleApplicant).
		Updates(map[string]any{"organization_id": organizationID, "updated_at": now})
	if res.Error != nil {
		return fmt.Errorf("join organization: %w", res.Error)
	}
	if res.RowsAffected == 0 {
		return accord.Conflict("this account already belongs to an organisation")
	}
	return nil
}

// OrganizationRecipients are the enabled users of an organisation, each
// with its address and language, for messages about its applications and
// membership.
func OrganizationRecipients(ctx context.Context, tx *gorm.DB, organizationID string) ([]notify.Recipient, error) {
	return recipientsWhere(ctx, tx.Where("organization_id = ?", organizationID), "organisation "+organizationID)
}

// RegionCoordinators are the enabled coordinators covering region.
func RegionCoordinators(ctx context.Context, tx *gorm.DB, region string) ([]notify.Recipient, error) {
	q := tx.Where("role = ? AND id IN (?)", accord.RoleCoordinator,
		tx.Session(&gorm.Session{NewDB: true}).Model(&UserRegion{}).Select("user_id").Where("region = ?", region))
	return recipientsWhere(ctx, q, "coordinators of "+region)
}

// RoleRecipients are the enabled users holding role, such as the
// secretariat, who decide appeals.
func RoleRecipients(ctx context.Context, tx *gorm.DB, role accord.Role) ([]notify.Recipient, error) {
	return recipientsWhere(ctx, tx.Where("role = ?", role), string(role))
}

// UserRecipient is one enabled user as a recipient; ok is false when there
// is no such user or it is disabled.
func UserRecipient(ctx context.Context, tx *gorm.DB, userID string) (notify.Recipient, bool, error) {
	rs, err := recipientsWhere(ctx, tx.Where("id = ?", userID), "user "+userID)
	if err != nil || len(rs) == 0 {
		return notify.Recipient{}, false, err
	}
	return rs[0], true, nil
}

func recipientsWhere(ctx context.Context, q *gorm.DB, what string) ([]notify.Recipient, error) {
	var users []User
	err := q.WithContext(ctx).Where("disabled = ?", false).Order("id").
		Select("id", "email", "locale").Find(&users).Error
	if err != nil {
		return nil, fmt.Errorf("recipients: %s: %w", what, err)
	}
	out := make([]notify.Recipient, len(users))
	for i := range users {
		out[i] = recipient(&users[i])
	}
	return out, nil
}
