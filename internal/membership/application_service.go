package membership

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/audit"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/store"
)

// ApplicationInput starts an application.
type ApplicationInput struct {
	OrganizationID string `json:"organization_id"`
	Motivation     string `json:"motivation"`
}

// ApplicationPatch changes a draft's (or an application awaiting
// information's) motivation, if the application is still at Version.
type ApplicationPatch struct {
	Version    int    `json:"version"`
	Motivation string `json:"motivation"`
}

// maxMotivationLen is in characters: a few pages.
const maxMotivationLen = 10000

// editableStates are the states in which the applicant may still change
// what it sends: its motivation and documents.
var editableStates = []string{AppDraft, AppInfoRequested}

// CreateApplication starts a draft application of the actor's own
// organisation. An organisation has at most one open application, and a
// member does not apply again: both are conflicts.
func (s *Service) CreateApplication(ctx context.Context, actor accord.Actor, in ApplicationInput) (*ApplicationView, error) {
	if err := signedIn(actor); err != nil {
		return nil, err
	}
	if err := s.authz.Check(ctx, actor, KindApplication, auth.ActionCreate, nil); err != nil {
		return nil, err
	}
	motivation := strings.TrimSpace(in.Motivation)
	var v accord.Validation
	v.Check(strings.TrimSpace(in.OrganizationID) != "", "organization_id", "required")
	v.MaxChars("motivation", motivation, maxMotivationLen)
	if err := v.Err(); err != nil {
		return nil, err
	}
	now := s.now()
	a := &Application{
		ID: uuid.NewString(), OrganizationID: in.OrganizationID, State: AppDraft, Version: 1,
		Motivation: motivation, CreatedBy: &actor.UserID, CreatedAt: now, UpdatedAt: now,
	}
	err := s.db.Transaction(ctx, func(tx *gorm.DB) error {
		org, err := loadOrganization(ctx, tx, in.OrganizationID)
		if err != nil {
			return err
		}
		if err := s.authz.Check(ctx, actor, KindOrganization, auth.ActionRead, org); err != nil {
			return err
		}
		a.Region = org.Region
		if err := s.authz.Check(ctx, actor, KindApplication, auth.ActionCreate, a); err != nil {
			return err
		}
		if other, err := otherOpenApplication(ctx, tx, org.ID, ""); err != nil {
			return err
		} else if other != "" {
			return accord.Conflict("the organisation already has an open application (%s)", other)
		}
		if m, err := membershipOfOrganization(ctx, tx, org.ID); err != nil {
			return err
		} else if m != nil && m.live() {
			return accord.Conflict("the organisation is already a member (membership %s is %s)", m.ID, m.State)
		}
		if err := tx.Create(a).Error; err != nil {
			if store.IsDuplicate(err) {
				return accord.Conflict("the organisation already has an open application")
			}
			return fmt.Errorf("insert application: %w", err)
		}
		return audit.Append(ctx, tx, &audit.Event{
			EntityType: KindApplication, EntityID: a.ID, Event: "application_created", ToState: AppDraft,
			ActorID: actor.UserID, ActorRole: string(actor.Role), RequestID: actor.RequestID, OccurredAt: now,
		})
	})
	if err != nil {
		return nil, wrap("create application", err)
	}
	return s.applicationView(ctx, s.db.WithContext(ctx), actor, a)
}

// GetApplication returns one application the actor may see.
func (s *Service) GetApplication(ctx context.Context, actor accord.Actor, id string) (*ApplicationView, error) {
	db, a, err := read(ctx, s, actor, id, s.visibleApplication)
	if err != nil {
		return nil, err
	}
	return s.applicationView(ctx, db, actor, a)
}

// UpdateApplication changes the motivation while the applicant may still
// change what it sends (draft, info_requested).
func (s *Service) UpdateApplication(ctx context.Context, actor accord.Actor, id string, p ApplicationPatch) (*ApplicationView, error) {
	if err := signedIn(actor); err != nil {
		return nil, err
	}
	motivation := strings.TrimSpace(p.Motivation)
	var a *Application
	err := s.db.Transaction(ctx, func(tx *gorm.DB) error {
		var err error
		if a, err = s.visibleApplication(ctx, tx, actor, id); err != nil {
			return err
		}
		if err := s.authz.Check(ctx, actor, KindApplication, ActionAttach, a); err != nil {
			return err
		}
		var v accord.Validation
		v.Check(p.Version >= 1, "version", "required: the version you read")
		v.MaxChars("motivation", motivation, maxMotivationLen)
		if err := v.Err(); err != nil {
			return err
		}
		if err := checkEditable(a); err != nil {
			return err
		}
		if p.Version != a.Version {
			return accord.Conflict("the application is at version %d, not %d: reload and try again", a.Version, p.Version)
		}
		now := s.now()
		res := tx.Model(&Application{}).Where("id = ? AND version = ?", a.ID, a.Version).
			Updates(map[string]any{"motivation": motivation, "version": a.Version + 1, "updated_at": now})
		if res.Error != nil {
			return fmt.Errorf("update application: %w", res.Error)
		}
		if res.RowsAffected == 0 {
			return accord.Conflict("the application was changed meanwhile: reload and try again")
		}
		a.Motivation, a.Version, a.UpdatedAt = motivation, a.Version+1, now
		return nil
	})
	if err != nil {
		return nil, wrap("update application", err)
	}
	return s.applicationView(ctx, s.db.WithContext(ctx), actor, a)
}

// visibleApplication loads an application and checks that actor may see
// it; one it may not see is not found.
func (s *Service) visibleApplication(ctx context.Context, db *gorm.DB, actor accord.Actor, id string) (*Application, error) {
	a, err := loadApplication(ctx, db, id)
	if err != nil {
		return nil, err
	}
	if err := s.authz.Check(ctx, actor, KindApplication, auth.ActionRead, a); err != nil {
		return nil, err
	}
	return a, nil
}

// checkEditable refuses changes once the application is with reviewers.
func checkEditable(a *Application) error {
	if slices.Contains(editableStates, a.State) {
		return nil
	}
	return accord.Conflict("the application is %s: documents and motivation can change only in draft or when information is requested", a.State)
}
