package membership

import (
	"context"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/namekey"
	"github.com/accord-coalition/accord/internal/store"
)

// ApplicationFilter narrows the queue. Q matches the organisation's
// normalised names, acronym and registration number.
type ApplicationFilter struct {
	State   string
	Region  string
	Country string
	Q       string
	Limit   int
	Cursor  string
}

// ListApplications is the queue as the actor may see it, oldest first: a
// coordinator's regions, everything for the secretariat, an applicant's
// own organisation. Staff never see drafts: a draft is the applicant's
// work in progress, not sent before it is submitted.
func (s *Service) ListApplications(ctx context.Context, actor accord.Actor, f ApplicationFilter) ([]ApplicationView, string, error) {
	if err := s.mayList(ctx, actor, KindApplication); err != nil {
		return nil, "", err
	}
	after, afterID, hasCursor, err := store.DecodeTimeCursor(f.Cursor)
	if err != nil {
		return nil, "", err
	}
	if err := checkSearch(f.Q); err != nil {
		return nil, "", err
	}
	limit := store.Limit(f.Limit)
	db := s.db.WithContext(ctx)
	q := db.Table("membership_applications a").Select("a.*").
		Joins("JOIN organizations o ON o.id = a.organization_id")
	q, ok := scopeToActor(q, actor, "a.organization_id", "a.region")
	if !ok {
		return []ApplicationView{}, "", nil
	}
	if st := strings.TrimSpace(f.State); st != "" {
		q = q.Where("a.state = ?", st)
	}
	if actor.Staff() {
		q = q.Where("a.state <> ?", AppDraft)
	}
	if r := strings.ToUpper(strings.TrimSpace(f.Region)); r != "" {
		q = q.Where("a.region = ?", r)
	}
	if c := strings.ToUpper(strings.TrimSpace(f.Country)); c != "" {
		q = q.Where("o.country = ?", c)
	}
	if key := namekey.Of(f.Q); key != "" {
		like := store.Contains(key)
		q = q.Where(`(o.name_key LIKE ? ESCAPE '\' OR o.name_en_key LIKE ? ESCAPE '\' OR lower(o.acronym) LIKE ? ESCAPE '\' OR o.registration_key = ?)`,
			like, like, like, namekey.Registration(f.Q))
	}
	if hasCursor {
		q = q.Where("(a.created_at > ? OR (a.created_at = ? AND a.id > ?))", after, after, afterID)
	}
	var apps []Application
	if err := q.Order("a.created_at, a.id").Limit(limit + 1).Find(&apps).Error; err != nil {
		return nil, "", fmt.Errorf("list applications: %w", err)
	}
	apps, next := store.TrimPage(apps, limit, func(last Application) string { return store.TimeCursor(last.CreatedAt, last.ID) })
	// The query scoped by role already; asking the policy again keeps the
	// one place that decides from being bypassed by a mistake here.
	visible := apps[:0]
	for i := range apps {
		if s.authz.Can(ctx, actor, KindApplication, auth.ActionRead, &apps[i]) {
			visible = append(visible, apps[i])
		}
	}
	views, err := s.applicationViews(ctx, db, actor, visible)
	if err != nil {
		return nil, "", err
	}
	return views, next, nil
}

// scopeToActor narrows a list query to what the actor's role may see: an
// applicant its own organisation's rows, a coordinator its regions'. It
// reports false when that is nothing. The policy still checks each row.
func scopeToActor(q *gorm.DB, actor accord.Actor, orgColumn, regionColumn string) (*gorm.DB, bool) {
	switch {
	case actor.Is(accord.RoleApplicant):
		if actor.OrganizationID == "" {
			return q, false
		}
		return q.Where(orgColumn+" = ?", actor.OrganizationID), true
	case actor.Is(accord.RoleCoordinator):
		if len(actor.Regions) == 0 {
			return q, false
		}
		return q.Where(regionColumn+" IN ?", actor.Regions), true
	}
	return q, true
}
