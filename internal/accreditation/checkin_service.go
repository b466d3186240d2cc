package accreditation

import (
	"context"
	"time"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/workflow"
)

// Checkin is a delegate's attendance, recorded at the door.
type Checkin struct {
	DelegateID   string      `json:"delegate_id"`
	ConferenceID string      `json:"conference_id"`
	Conference   string      `json:"conference"`
	Organization string      `json:"organization"`
	Delegate     BadgeHolder `json:"delegate"`
	CheckedInAt  time.Time   `json:"checked_in_at"`
}

// CheckIn records the attendance of a badge's holder, once: the check_in
// transition is a guarded update of the delegate's version, so of two
// scans of one badge at the same moment exactly one succeeds and the other
// is a conflict, as is any later scan. scan is the badge's token or its
// short code, in any letter case.
func (s *Service) CheckIn(ctx context.Context, actor accord.Actor, scan string) (*Checkin, error) {
	if err := s.authz.Check(ctx, actor, KindCheckin, auth.ActionCreate, nil); err != nil {
		return nil, err
	}
	var out *Checkin
	err := s.db.Transaction(ctx, func(tx *gorm.DB) error {
		check, d, err := s.checkScan(ctx, tx, actor, scan)
		if err != nil {
			return err
		}
		if check.CheckedIn {
			at := "an earlier scan"
			if d.CheckedInAt != nil {
				at = d.CheckedInAt.Format(mailTime)
			}
			return accord.Conflict("%s %s already checked in at %s", d.GivenName, d.FamilyName, at)
		}
		_, err = s.engine.Fire(ctx, tx, s.delegates, actor, d.WorkflowSubject(), workflow.Request{Event: "check_in"})
		if accord.KindOf(err) == accord.KindConflict {
			return accord.Conflict("%s %s was checked in meanwhile", d.GivenName, d.FamilyName)
		}
		if err != nil {
			return err
		}
		r, err := requestByID(ctx, tx, d.AccreditationRequestID)
		if err != nil {
			return err
		}
		var at Delegate
		if err := tx.Select("checked_in_at").Take(&at, "id = ?", d.ID).Error; err != nil {
			return err
		}
		out = &Checkin{
			DelegateID: d.ID, ConferenceID: r.ConferenceID, Conference: check.Conference,
			Organization: check.Organization, Delegate: *check.Delegate, CheckedInAt: *at.CheckedInAt,
		}
		return nil
	})
	if err != nil {
		return nil, wrap("check in", err)
	}
	return out, nil
}
