package auth

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
)

// Person is an account of an organisation, as its people list shows it.
// Pending is true until an invited colleague has chosen a password.
type Person struct {
	ID              string     `json:"id"`
	Email           string     `json:"email"`
	Name            string     `json:"name"`
	EmailVerifiedAt *time.Time `json:"email_verified_at"`
	Pending         bool       `json:"pending"`
	CreatedAt       time.Time  `json:"created_at"`
}

// OrganizationInvitation is the answer to an invitation: the same whether
// or not the address already had an account, so that nobody learns which
// addresses do.
type OrganizationInvitation struct {
	Email     string    `json:"email"`
	Name      string    `json:"name"`
	ExpiresAt time.Time `json:"expires_at"`
}

// orgScope is what the people rules need to know of an organisation.
type orgScope struct {
	Name   string
	Region string
}

// organizationScope loads the organisation's name and region, or hides it
// (404) from an actor who may not act for it: its own applicants, the
// secretariat and admins, and coordinators of its region may.
func organizationScope(tx *gorm.DB, actor accord.Actor, organizationID string) (orgScope, error) {
	var rows []orgScope
	if uuid.Validate(organizationID) == nil {
		if err := tx.Table("organizations").Select("name, region").Where("id = ?", organizationID).Limit(1).Scan(&rows).Error; err != nil {
			return orgScope{}, fmt.Errorf("load organisation: %w", err)
		}
	}
	if len(rows) == 0 {
		return orgScope{}, accord.NotFound("organization")
	}
	o := rows[0]
	switch {
	case actor.Is(accord.RoleSecretariat, accord.RoleAdmin):
	case actor.Is(accord.RoleApplicant) && actor.OrganizationID == organizationID:
	case actor.Is(accord.RoleCoordinator) && slices.Contains(actor.Regions, o.Region):
	default:
		return orgScope{}, accord.NotFound("organization")
	}
	return o, nil
}

// mayManagePeople: the organisation's own staff and the secretariat invite
// and remove its accounts; coordinators and admins only look.
func mayManagePeople(actor accord.Actor) bool {
	return actor.Is(accord.RoleApplicant, accord.RoleSecretariat)
}

// InviteToOrganization creates an account for a colleague in the
// organisation and mails them a link to choose a password; accepting it
// (AcceptInvitation) makes them one of the organisation's people. An
// address that already has an account gets the same answer and no new
// account: its owner asks the secretariat to move it.
func (s *Service) InviteToOrganization(ctx context.Context, actor accord.Actor, organizationID, email, name string) (*OrganizationInvitation, error) {
	if err := signedIn(actor); err != nil {
		return nil, err
	}
	email, name = NormalizeEmail(email), strings.TrimSpace(name)
	var v accord.Validation
	checkEmail(&v, email)
	checkName(&v, name)
	inv := &OrganizationInvitation{Email: email, Name: name, ExpiresAt: s.now().Add(invitationTTL)}
	err := s.db.Transaction(ctx, func(tx *gorm.DB) error {
		org, err := organizationScope(tx, actor, organizationID)
		if err != nil {
			return err
		}
		if !mayManagePeople(actor) {
			return accord.Forbidden("only the organisation's staff and the secretariat invite colleagues")
		}
		if err := v.Err(); err != nil {
			return err
		}
		if _, err := userByEmail(tx, email); err == nil {
			return nil
		} else if accord.KindOf(err) != accord.KindNotFound {
			return err
		}
		now := s.now()
		u := &User{ID: uuid.NewString(), Email: email, Name: name, Role: accord.RoleApplicant, Locale: actor.Locale,
			OrganizationID: &organizationID, Regions: []string{}, CreatedAt: now, UpdatedAt: now}
		if !slices.Contains(Locales, u.Locale) {
			u.Locale = "en"
		}
		if err := insertUser(tx, u); err != nil {
			return err
		}
		raw, expires, err := insertUserToken(tx, u.ID, PurposeInvitation, now, invitationTTL)
		if err != nil {
			return err
		}
		inv.ExpiresAt = expires
		return s.enqueue(ctx, tx, recipient(u), "organization_invitation", map[string]any{
			"name":         u.Name,
			"organization": org.Name,
			"url":          s.link("/invitations/" + raw),
			"expires":      expires.Format(mailTime),
		})
	})
	if err != nil {
		return nil, wrap("invite to organisation", err)
	}
	s.logger.InfoContext(ctx, "colleague invited", "organization_id", organizationID, "by", actor.UserID)
	return inv, nil
}

// OrganizationPeople lists the organisation's accounts, oldest first.
func (s *Service) OrganizationPeople(ctx context.Context, actor accord.Actor, organizationID string) ([]Person, error) {
	if err := signedIn(actor); err != nil {
		return nil, err
	}
	db := s.db.WithContext(ctx)
	if _, err := organizationScope(db, actor, organizationID); err != nil {
		return nil, err
	}
	var users []User
	if err := db.Where("organization_id = ? AND NOT disabled", organizationID).Order("created_at, email").Find(&users).Error; err != nil {
		return nil, fmt.Errorf("list organisation people: %w", err)
	}
	people := make([]Person, 0, len(users))
	for _, u := range users {
		people = append(people, Person{ID: u.ID, Email: u.Email, Name: u.Name, EmailVerifiedAt: u.EmailVerifiedAt,
			Pending: u.PasswordHash == "", CreatedAt: u.CreatedAt})
	}
	return people, nil
}

// RemoveFromOrganization takes an account out of the organisation: it no
// longer acts for it, and its sessions end at once. An invitation not yet
// accepted is withdrawn with its account.
func (s *Service) RemoveFromOrganization(ctx context.Context, actor accord.Actor, organizationID, userID string) error {
	if err := signedIn(actor); err != nil {
		return err
	}
	return wrap("remove from organisation", s.db.Transaction(ctx, func(tx *gorm.DB) error {
		if _, err := organizationScope(tx, actor, organizationID); err != nil {
			return err
		}
		if !mayManagePeople(actor) {
			return accord.Forbidden("only the organisation's staff and the secretariat remove its people")
		}
		u, err := userByID(tx, userID)
		if err != nil {
			return err
		}
		if u.OrganizationID == nil || *u.OrganizationID != organizationID {
			return accord.NotFound(KindUser)
		}
		now := s.now()
		if u.PasswordHash == "" {
			if err := tx.Delete(&User{}, "id = ?", u.ID).Error; err != nil {
				return fmt.Errorf("withdraw invitation: %w", err)
			}
			return nil
		}
		err = tx.Model(&User{}).Where("id = ?", u.ID).
			Updates(map[string]any{"organization_id": nil, "updated_at": now}).Error
		if err != nil {
			return fmt.Errorf("leave organisation: %w", err)
		}
		return endUserSessions(tx, u.ID, now)
	}))
}
