package accreditation

import (
	"context"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/audit"
)

// PassportNumber opens a delegate's passport number for the secretariat's
// visa support letters. Every reading is audited; after the retention
// period there is nothing left to read (not found).
func (s *Service) PassportNumber(ctx context.Context, actor accord.Actor, delegateID string) (string, error) {
	var number string
	err := s.db.Transaction(ctx, func(tx *gorm.DB) error {
		subj, r, err := s.loadDelegate(ctx, tx, actor, delegateID)
		if err != nil {
			return err
		}
		d := subj.Value.(*Delegate)
		if err := s.authz.Check(ctx, actor, KindDelegate, ActionPassport, &DelegateAccess{Delegate: d, Request: r}); err != nil {
			return err
		}
		if d.PassportNumberEnc == nil {
			return accord.NotFound("passport number")
		}
		if number, err = s.passports.open(d.ID, d.PassportNumberEnc); err != nil {
			return err
		}
		return audit.Append(ctx, tx, &audit.Event{
			EntityType: s.delegates.Name, EntityID: d.ID, Event: "passport_read",
			ActorID: actor.UserID, ActorRole: string(actor.Role), RequestID: actor.RequestID, OccurredAt: s.now(),
		})
	})
	if err != nil {
		return "", wrap("read passport number", err)
	}
	return number, nil
}
