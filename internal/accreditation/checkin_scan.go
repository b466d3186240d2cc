package accreditation

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/store"
)

// checkScan reads a scanned token or a typed code at actor's door. It
// returns the badge and its holder when the badge is valid and actor may
// check it in; an invalid badge, or one of a conference whose door actor
// does not keep, is a validation error naming the field, so that a door
// learns nothing of other conferences' badges.
func (s *Service) checkScan(ctx context.Context, tx *gorm.DB, actor accord.Actor, scan string) (*BadgeCheck, *Delegate, error) {
	field := "token"
	var (
		check *BadgeCheck
		d     *Delegate
		err   error
	)
	if code, ok := normalizeBadgeCode(scan); ok {
		field = "code"
		check, d, err = s.checkBadgeCode(ctx, tx, code)
	} else {
		check, d, err = s.checkBadge(ctx, tx, scan)
	}
	if err != nil {
		return nil, nil, err
	}
	if !check.Valid {
		return nil, nil, accord.Invalid("the badge is not valid", accord.Field(field, "not a valid badge"))
	}
	r, err := requestByID(ctx, tx, d.AccreditationRequestID)
	if err != nil {
		return nil, nil, err
	}
	if err := s.authz.Check(ctx, actor, KindCheckin, auth.ActionCreate, &CheckinAccess{ConferenceID: r.ConferenceID}); err != nil {
		if accord.KindOf(err) == accord.KindNotFound {
			return nil, nil, accord.Invalid("the badge is not valid", accord.Field(field, "not a badge of this conference"))
		}
		return nil, nil, err
	}
	return check, d, nil
}

// checkBadgeCode is checkBadge for a typed code: the code is no
// signature, so it is only as good as the delegate it is stored with.
func (s *Service) checkBadgeCode(ctx context.Context, tx *gorm.DB, code string) (*BadgeCheck, *Delegate, error) {
	var d Delegate
	if err := tx.WithContext(ctx).Take(&d, "badge_code = ?", code).Error; err != nil {
		if store.IsNotFound(err) {
			return &BadgeCheck{}, nil, nil
		}
		return nil, nil, fmt.Errorf("badge code: %w", err)
	}
	r, err := requestByID(ctx, tx, d.AccreditationRequestID)
	if err != nil {
		return nil, nil, err
	}
	conf, err := conferenceByID(ctx, tx, r.ConferenceID)
	if err != nil {
		return nil, nil, err
	}
	if !s.now().Before(badgeExpiry(conf)) {
		return &BadgeCheck{}, nil, nil
	}
	return s.checkBadgeHolder(ctx, tx, badgeClaims{Delegate: d.ID, Conference: conf.ID, Expires: badgeExpiry(conf).Unix()})
}
