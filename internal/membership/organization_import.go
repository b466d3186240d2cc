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

// EventMembershipImported is the first event of an imported member's
// timeline: who imported it, from which file (docs/domain.md, Importing an
// existing member list).
const EventMembershipImported = "membership_imported"

// CheckImportedProfile normalises and checks one imported profile the way
// CreateOrganization checks a typed one, without the database: the
// country's existence and region are the importer's to check. The field
// errors name OrganizationInput's JSON fields.
func CheckImportedProfile(in OrganizationInput, now time.Time) (*Organization, []accord.FieldError) {
	o := newOrganization(in)
	var v accord.Validation
	o.validate(&v, now)
	if err := v.Err(); err != nil {
		return o, err.(*accord.Error).Fields
	}
	return o, nil
}

// ImportedMember is one organisation of an applied import, checked by
// CheckImportedProfile and given its region, with the date its membership
// began (which may be long before the import).
type ImportedMember struct {
	Organization *Organization
	Since        time.Time
	// Source is kept with the audit events: the import, the file's name
	// and hash, the row.
	Source map[string]any
	// Comment is shown in the member's timeline: which file it came from.
	Comment string
}

// InsertImportedMembers creates the organisations and their active
// memberships in tx, the caller's transaction, with an audit event for
// each: organisation_created on the profile, membership_imported on the
// membership. The first reconfirmation falls on the first anniversary of
// Since after now, so a member of long standing does not lapse the day it
// is imported.
func InsertImportedMembers(ctx context.Context, tx *gorm.DB, actor accord.Actor, members []ImportedMember, now time.Time) ([]Membership, error) {
	orgs := make([]*Organization, len(members))
	ms := make([]Membership, len(members))
	for i, im := range members {
		o := im.Organization
		o.ID, o.Version, o.CreatedAt, o.UpdatedAt = uuid.NewString(), 1, now, now
		if actor.UserID != "" {
			o.CreatedBy = &actor.UserID
		}
		o.RefreshKeys()
		orgs[i] = o
		since := im.Since
		if since.IsZero() || since.After(now) {
			since = now
		}
		m := NewMembership(uuid.NewString(), o.ID, nil, since)
		for !m.RenewalDue.After(now) {
			m.RenewalDue = m.RenewalDue.AddDate(1, 0, 0)
		}
		m.LapsesAt = m.RenewalDue.Add(LapseGrace)
		m.CreatedAt, m.UpdatedAt = now, now
		ms[i] = m
	}
	db := tx.WithContext(ctx)
	if err := db.CreateInBatches(orgs, insertBatch).Error; err != nil {
		return nil, fmt.Errorf("insert imported organizations: %w", err)
	}
	if err := db.CreateInBatches(ms, insertBatch).Error; err != nil {
		return nil, fmt.Errorf("insert imported memberships: %w", err)
	}
	events := make([]*audit.Event, 0, 2*len(members))
	for i, im := range members {
		events = append(events, &audit.Event{
			EntityType: KindOrganization, EntityID: orgs[i].ID, Event: "organization_created",
			ActorID: actor.UserID, ActorRole: string(actor.Role), RequestID: actor.RequestID,
			Data: im.Source, OccurredAt: now,
		}, &audit.Event{
			EntityType: KindMembership, EntityID: ms[i].ID, Event: EventMembershipImported,
			ToState: MembershipActive, ActorID: actor.UserID, ActorRole: string(actor.Role),
			Comment: im.Comment, RequestID: actor.RequestID, Data: im.Source, OccurredAt: now,
		})
	}
	if err := audit.AppendAll(ctx, tx, events); err != nil {
		return nil, err
	}
	return ms, nil
}

// insertBatch is how many rows one INSERT of an import carries: past a
// few thousand parameters the SQLite driver's binding grows quadratically.
const insertBatch = 100
