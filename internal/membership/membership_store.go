package membership

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/audit"
)

// live reports whether the membership still binds the organisation to the
// coalition: active, suspended, or lapsed and able to reconfirm.
func (m *Membership) live() bool {
	return m.State == MembershipActive || m.State == MembershipSuspended || m.State == MembershipLapsed
}

// membershipOfOrganization returns the organisation's membership, or nil.
func membershipOfOrganization(ctx context.Context, db *gorm.DB, organizationID string) (*Membership, error) {
	var ms []Membership
	if err := db.WithContext(ctx).Where("organization_id = ?", organizationID).Limit(1).Find(&ms).Error; err != nil {
		return nil, fmt.Errorf("load membership of %s: %w", organizationID, err)
	}
	if len(ms) == 0 {
		return nil, nil
	}
	return &ms[0], nil
}

// The audit events that start a membership: the effect of an approval,
// not transitions of the membership's own machine.
const (
	eventMembershipStarted   = "membership_started"
	eventMembershipRestarted = "membership_restarted"
)

// startMembership makes the organisation of an approved application an
// active member from now, in tx. An organisation that resigned or was
// terminated earlier gets its one membership record back, restarted:
// records move between states rather than being replaced. The membership's
// own audit timeline records the start.
func startMembership(ctx context.Context, tx *gorm.DB, actor accord.Actor, a *Application, now time.Time) (*Membership, error) {
	prior, err := membershipOfOrganization(ctx, tx, a.OrganizationID)
	if err != nil {
		return nil, err
	}
	fresh := NewMembership(uuid.NewString(), a.OrganizationID, &a.ID, now)
	from, event := "", eventMembershipStarted
	if prior == nil {
		if err := tx.WithContext(ctx).Create(&fresh).Error; err != nil {
			return nil, fmt.Errorf("create membership: %w", err)
		}
	} else {
		if prior.live() {
			return nil, accord.Invalid("the organisation is already a member")
		}
		res := tx.WithContext(ctx).Model(&Membership{}).
			Where("id = ? AND version = ? AND state = ?", prior.ID, prior.Version, prior.State).
			Updates(map[string]any{
				"state": MembershipActive, "version": prior.Version + 1, "application_id": a.ID,
				"since": now, "renewal_due": fresh.RenewalDue, "lapses_at": fresh.LapsesAt,
				"reconfirmed_at": nil, "updated_at": now,
			})
		if res.Error != nil {
			return nil, fmt.Errorf("restart membership %s: %w", prior.ID, res.Error)
		}
		if res.RowsAffected == 0 {
			return nil, accord.Conflict("the membership was changed meanwhile: try again")
		}
		fresh.ID, fresh.Version, fresh.CreatedAt = prior.ID, prior.Version+1, prior.CreatedAt
		from, event = prior.State, eventMembershipRestarted
	}
	err = audit.Append(ctx, tx, &audit.Event{
		EntityType: KindMembership, EntityID: fresh.ID, Event: event,
		FromState: from, ToState: MembershipActive,
		ActorID: actor.UserID, ActorRole: string(actor.Role), RequestID: actor.RequestID,
		Data: map[string]any{"application_id": a.ID}, OccurredAt: now,
	})
	if err != nil {
		return nil, err
	}
	return &fresh, nil
}
