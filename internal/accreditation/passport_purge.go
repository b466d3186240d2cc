package accreditation

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/audit"
)

// PurgePassports erases the passport numbers of the delegates of every
// conference that ended more than the retention period ago, and returns
// how many it erased. The server runs it with each deadline tick, as
// `accord tick` does; it is idempotent, so several servers may run it at
// once. Each conference's purge is one transaction with its audit event.
func (s *Service) PurgePassports(ctx context.Context) (int, error) {
	now := s.now()
	lastDay := accord.RetentionEnded(now, s.cfg.PassportRetention)
	var confs []string
	err := s.db.WithContext(ctx).Model(&Conference{}).Where("ends_on <= ?", lastDay).
		Where("EXISTS (?)", s.db.Gorm.Model(&Delegate{}).Select("1").
			Joins("JOIN accreditation_requests r ON r.id = delegates.accreditation_request_id").
			Where("r.conference_id = conferences.id AND delegates.passport_number_enc IS NOT NULL")).
		Order("ends_on, id").Pluck("id", &confs).Error
	if err != nil {
		return 0, fmt.Errorf("conferences to purge: %w", err)
	}
	purged := 0
	for _, id := range confs {
		n := 0
		err := s.db.Transaction(ctx, func(tx *gorm.DB) error {
			res := tx.Model(&Delegate{}).
				Where("passport_number_enc IS NOT NULL AND accreditation_request_id IN (?)",
					tx.Model(&Request{}).Select("id").Where("conference_id = ?", id)).
				Updates(map[string]any{"passport_number_enc": nil, "passport_key": nil, "updated_at": now})
			if res.Error != nil {
				return fmt.Errorf("purge passports of conference %s: %w", id, res.Error)
			}
			if res.RowsAffected == 0 {
				return nil // another server got there first
			}
			n = int(res.RowsAffected)
			return audit.Append(ctx, tx, &audit.Event{
				EntityType: KindConference, EntityID: id, Event: "passports_purged",
				ActorRole: string(accord.RoleSystem), OccurredAt: now,
				Data: map[string]any{"delegates": res.RowsAffected, "retention": s.cfg.PassportRetention.String()},
			})
		})
		if err != nil {
			return purged, err
		}
		purged += n
	}
	if purged > 0 {
		s.log.InfoContext(ctx, "passport numbers purged", "delegates", purged, "conferences", len(confs))
	}
	return purged, nil
}
