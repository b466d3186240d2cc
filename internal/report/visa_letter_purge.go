package report

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/audit"
)

// PurgeVisaLetters erases the stored visa letters of every conference that
// ended more than the retention period ago — the passport numbers' period,
// since the letters print them — and returns how many it erased. The rows
// stay, with their size and checksum, as the record that a letter was
// written. The server runs it with each tick; it is idempotent.
func (s *Service) PurgeVisaLetters(ctx context.Context) (int, error) {
	now := s.now()
	lastDay := accord.RetentionEnded(now, s.cfg.LetterRetention)
	n := 0
	err := s.db.Transaction(ctx, func(tx *gorm.DB) error {
		res := tx.WithContext(ctx).Model(&VisaLetter{}).
			Where("pdf_sealed IS NOT NULL AND accreditation_request_id IN (?)",
				tx.Table("accreditation_requests r").Select("r.id").
					Joins("JOIN conferences c ON c.id = r.conference_id").Where("c.ends_on <= ?", lastDay)).
			Updates(map[string]any{"pdf_sealed": nil, "purged_at": now})
		if res.Error != nil {
			return fmt.Errorf("purge visa letters: %w", res.Error)
		}
		if n = int(res.RowsAffected); n == 0 {
			return nil
		}
		return audit.Append(ctx, tx, &audit.Event{
			EntityType: letterEntity, EntityID: "retention", Event: "visa_letters_purged",
			ActorRole: string(accord.RoleSystem), OccurredAt: now,
			Data: map[string]any{"letters": n, "retention": s.cfg.LetterRetention.String()},
		})
	})
	if err != nil {
		return 0, err
	}
	if n > 0 {
		s.log.InfoContext(ctx, "visa letters purged", "letters", n)
	}
	return n, nil
}
