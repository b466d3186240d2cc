package report

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/accreditation"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/store"
)

// LatestVisaLetters returns, by delegate, when and in which language the
// latest letter still kept for each delegate of a request was written —
// not the letter itself, whose every reading VisaLetterPDF audits. Those
// who may download a request's letters may list them; others get 404.
func (s *Service) LatestVisaLetters(ctx context.Context, actor accord.Actor, requestID string) (map[string]VisaLetter, error) {
	var letters []VisaLetter
	err := s.db.Transaction(ctx, func(tx *gorm.DB) error {
		var r accreditation.Request
		if err := tx.WithContext(ctx).Take(&r, "id = ?", requestID).Error; err != nil {
			if store.IsNotFound(err) {
				return accord.NotFound("accreditation request")
			}
			return fmt.Errorf("load request: %w", err)
		}
		if err := s.authz.Check(ctx, actor, KindVisaLetter, auth.ActionRead, &r); err != nil {
			return err
		}
		return tx.WithContext(ctx).Model(&VisaLetter{}).Select("id", "delegate_id", "locale", "created_at").
			Where("accreditation_request_id = ? AND pdf_sealed IS NOT NULL", requestID).
			Order("created_at DESC, id DESC").Find(&letters).Error
	})
	if err != nil {
		return nil, wrap("visa letters of request", err)
	}
	out := make(map[string]VisaLetter, len(letters))
	for _, l := range letters {
		if _, seen := out[l.DelegateID]; !seen {
			out[l.DelegateID] = l
		}
	}
	return out, nil
}
