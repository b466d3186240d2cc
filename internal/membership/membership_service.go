package membership

import (
	"context"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/workflow"
)

// MembershipView is a membership as its reader sees it: the workflow
// fields with the events the reader may fire now, and the organisation.
type MembershipView struct {
	Membership
	AllowedEvents      []string `json:"allowed_events"`
	OrganizationName   string   `json:"organization_name"`
	OrganizationNameEN string   `json:"organization_name_en"`
	Country            string   `json:"country"`
	Region             string   `json:"region"`
}

// MembershipFilter narrows the list of memberships.
type MembershipFilter struct {
	State   string
	Region  string
	Country string
	Limit   int
	Cursor  string
}

// membershipRow is a membership joined with its organisation.
type membershipRow struct {
	Membership
	OrganizationName   string `gorm:"column:organization_name"`
	OrganizationNameEN string `gorm:"column:organization_name_en"`
	Country            string `gorm:"column:country"`
	Region             string `gorm:"column:region"`
}

func membershipQuery(db *gorm.DB) *gorm.DB {
	return db.Table("memberships m").
		Select("m.*, o.name AS organization_name, o.name_en AS organization_name_en, o.country, o.region").
		Joins("JOIN organizations o ON o.id = m.organization_id")
}

func (r membershipRow) view() MembershipView {
	return MembershipView{Membership: r.Membership, OrganizationName: r.OrganizationName,
		OrganizationNameEN: r.OrganizationNameEN, Country: r.Country, Region: r.Region}
}

// visibleMembership loads a membership and checks that actor may see it.
func (s *Service) visibleMembership(ctx context.Context, db *gorm.DB, actor accord.Actor, id string) (*MembershipView, error) {
	if !validID(id) {
		return nil, accord.NotFound(KindMembership)
	}
	var rows []membershipRow
	if err := membershipQuery(db.WithContext(ctx)).Where("m.id = ?", id).Limit(1).Scan(&rows).Error; err != nil {
		return nil, fmt.Errorf("load membership %s: %w", id, err)
	}
	if len(rows) == 0 {
		return nil, accord.NotFound(KindMembership)
	}
	v := rows[0].view()
	if err := s.authz.Check(ctx, actor, KindMembership, auth.ActionRead, &v); err != nil {
		return nil, err
	}
	return &v, nil
}

// GetMembership returns one membership the actor may see.
func (s *Service) GetMembership(ctx context.Context, actor accord.Actor, id string) (*MembershipView, error) {
	db, v, err := read(ctx, s, actor, id, s.visibleMembership)
	if err != nil {
		return nil, err
	}
	v.AllowedEvents = s.engine.Allowed(ctx, db, s.memberships, actor, v.WorkflowSubject())
	return v, nil
}

// ListMemberships lists the memberships the actor may see, oldest first.
func (s *Service) ListMemberships(ctx context.Context, actor accord.Actor, f MembershipFilter) ([]MembershipView, string, error) {
	if err := s.mayList(ctx, actor, KindMembership); err != nil {
		return nil, "", err
	}
	after, afterID, hasCursor, err := store.DecodeTimeCursor(f.Cursor)
	if err != nil {
		return nil, "", err
	}
	limit := store.Limit(f.Limit)
	db := s.db.WithContext(ctx)
	q := membershipQuery(db)
	q, ok := scopeToActor(q, actor, "m.organization_id", "o.region")
	if !ok {
		return []MembershipView{}, "", nil
	}
	if st := strings.TrimSpace(f.State); st != "" {
		q = q.Where("m.state = ?", st)
	}
	if r := strings.ToUpper(strings.TrimSpace(f.Region)); r != "" {
		q = q.Where("o.region = ?", r)
	}
	if c := strings.ToUpper(strings.TrimSpace(f.Country)); c != "" {
		q = q.Where("o.country = ?", c)
	}
	if hasCursor {
		q = q.Where("(m.created_at > ? OR (m.created_at = ? AND m.id > ?))", after, after, afterID)
	}
	var rows []membershipRow
	if err := q.Order("m.created_at, m.id").Limit(limit + 1).Scan(&rows).Error; err != nil {
		return nil, "", fmt.Errorf("list memberships: %w", err)
	}
	rows, next := store.TrimPage(rows, limit, func(last membershipRow) string { return store.TimeCursor(last.CreatedAt, last.ID) })
	out := make([]MembershipView, 0, len(rows))
	for _, r := range rows {
		v := r.view()
		if !s.authz.Can(ctx, actor, KindMembership, auth.ActionRead, &v) {
			continue
		}
		v.AllowedEvents = s.engine.Allowed(ctx, db, s.memberships, actor, v.WorkflowSubject())
		out = append(out, v)
	}
	return out, next, nil
}

// FireMembership fires an event on a membership through the engine,
// with the same answers as FireApplication.
func (s *Service) FireMembership(ctx context.Context, actor accord.Actor, id string, in TransitionInput) (*MembershipView, error) {
	if err := signedIn(actor); err != nil {
		return nil, err
	}
	err := s.db.Transaction(ctx, func(tx *gorm.DB) error {
		v, err := s.visibleMembership(ctx, s.forUpdate(tx, "m"), actor, id)
		if err != nil {
			return err
		}
		if err := s.authz.Check(ctx, actor, KindMembership, ActionTransition, v); err != nil {
			return err
		}
		if err := in.Check(); err != nil {
			return err
		}
		_, err = s.engine.Fire(ctx, tx, s.memberships, actor, v.WorkflowSubject(), in.Request())
		return err
	})
	if err != nil {
		return nil, wrap("membership transition", err)
	}
	return s.GetMembership(ctx, actor, id)
}

// MembershipHistory is the membership's timeline as the actor may see it.
func (s *Service) MembershipHistory(ctx context.Context, actor accord.Actor, id string) ([]workflow.HistoryEntry, error) {
	db, v, err := read(ctx, s, actor, id, s.visibleMembership)
	if err != nil {
		return nil, err
	}
	internal := s.authz.Can(ctx, actor, KindMembership, ActionReview, v)
	events, err := workflow.History(ctx, db, s.memberships, v.ID, true)
	if err != nil {
		return nil, wrap("membership history", err)
	}
	entries := workflow.Entries(s.memberships, events, entryOptions(internal))
	if internal {
		return entries, nil
	}
	// The member sees the public transitions and the start of its
	// membership, which the approval of its application made rather than
	// a transition of the membership's machine: without it a new member's
	// timeline would be empty.
	public := entries[:0]
	for _, e := range entries {
		if e.Event == eventMembershipStarted || e.Event == eventMembershipRestarted {
			e.Internal = false
		}
		if !e.Internal {
			public = append(public, e)
		}
	}
	return public, nil
}
