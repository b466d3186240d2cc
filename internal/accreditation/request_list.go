package accreditation

import (
	"context"
	"fmt"
	"strings"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/store"
)

// RequestFilter narrows the list of requests.
type RequestFilter struct {
	State        string
	ConferenceID string
	Limit        int
	Cursor       string
}

// ListRequests lists the requests the actor may see, newest first: an
// applicant its organisation's, a State party those circulated to it, the
// secretariat all.
func (s *Service) ListRequests(ctx context.Context, actor accord.Actor, f RequestFilter) ([]RequestView, string, error) {
	if err := s.authz.Check(ctx, actor, KindRequest, ActionList, nil); err != nil {
		return nil, "", err
	}
	at, atID, hasCursor, err := store.DecodeTimeCursor(f.Cursor)
	if err != nil {
		return nil, "", err
	}
	limit := store.Limit(f.Limit)
	var views []RequestView
	next := ""
	err = s.db.Transaction(ctx, func(tx *gorm.DB) error {
		q := tx.Model(&Request{})
		switch {
		case actor.Is(accord.RoleSecretariat):
		case actor.Is(accord.RoleStateParty):
			q = q.Where("circulation_id IS NOT NULL")
		case actor.Is(accord.RoleApplicant) && actor.OrganizationID != "":
			q = q.Where("organization_id = ?", actor.OrganizationID)
		default:
			return nil
		}
		if st := normalizedState(f.State); st != "" {
			q = q.Where("state = ?", st)
		}
		if f.ConferenceID != "" {
			if uuid.Validate(f.ConferenceID) != nil {
				return nil
			}
			q = q.Where("conference_id = ?", f.ConferenceID)
		}
		if hasCursor {
			q = q.Where("(created_at < ? OR (created_at = ? AND id < ?))", at, at, atID)
		}
		var rows []Request
		if err := q.Order("created_at DESC, id DESC").Limit(limit + 1).Find(&rows).Error; err != nil {
			return fmt.Errorf("list accreditation requests: %w", err)
		}
		rows, next = store.TrimPage(rows, limit, func(last Request) string { return store.TimeCursor(last.CreatedAt, last.ID) })
		for i := range rows {
			r := &rows[i]
			// The query is scoped already; asking the policy again per row
			// keeps a mistake in it from becoming a leak.
			if !s.authz.Can(ctx, actor, KindRequest, auth.ActionRead, r) {
				continue
			}
			views = append(views, RequestView{Request: *r,
				AllowedEvents: s.engine.Allowed(ctx, tx, s.requests, actor, r.WorkflowSubject())})
		}
		return nil
	})
	if err != nil {
		return nil, "", wrap("list accreditation requests", err)
	}
	return views, next, nil
}

// normalizedState trims a state filter; an unknown state simply matches
// nothing.
func normalizedState(s string) string { return strings.TrimSpace(strings.ToLower(s)) }
