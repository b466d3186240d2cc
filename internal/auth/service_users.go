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

// CreateUserInput describes a staff or State-party user to create.
type CreateUserInput struct {
	Email   string
	Name    string
	Role    accord.Role
	Regions []string
	Country string
	// ConferenceID binds door staff to the one conference they check in at.
	ConferenceID string
	Locale       string
	// Password is set only from the command line; users created through
	// the API choose theirs when they accept the invitation.
	Password string
}

// Invitation is the link a created user follows to choose a password. It
// is mailed, and also returned so the creator can pass it on another way.
type Invitation struct {
	UserID    string    `json:"user_id"`
	URL       string    `json:"url"`
	ExpiresAt time.Time `json:"expires_at"`
}

// invitedRoles are the roles an invitation may carry: applicants register
// themselves.
var invitedRoles = []accord.Role{accord.RoleCoordinator, accord.RoleSecretariat, accord.RoleStateParty, accord.RoleAdmin, accord.RoleDoor}

// CreateUser creates a staff or State-party user and mails it an
// invitation. Admins and the secretariat may; only an admin creates admins.
func (s *Service) CreateUser(ctx context.Context, actor accord.Actor, in CreateUserInput) (*User, *Invitation, error) {
	if err := signedIn(actor); err != nil {
		return nil, nil, err
	}
	u := newUser(in, s.now())
	if err := s.authz.Check(ctx, actor, KindUser, ActionCreate, u); err != nil {
		return nil, nil, err
	}
	var v accord.Validation
	checkNewUser(&v, u)
	if !slices.Contains(invitedRoles, u.Role) {
		v.Add("role", "must be one of coordinator, secretariat, state_party, admin, door (applicants register themselves)")
	}
	v.Check(in.Password == "", "password", "is chosen by the invited user")
	if err := v.Err(); err != nil {
		return nil, nil, err
	}
	var inv *Invitation
	err := s.db.Transaction(ctx, func(tx *gorm.DB) error {
		if err := insertStaffUser(tx, u); err != nil {
			return err
		}
		raw, expires, err := insertUserToken(tx, u.ID, PurposeInvitation, u.CreatedAt, invitationTTL)
		if err != nil {
			return err
		}
		inv = &Invitation{UserID: u.ID, URL: s.link("/invitations/" + raw), ExpiresAt: expires}
		err = s.enqueue(ctx, tx, recipient(u), "invitation", map[string]any{
			"name":    u.Name,
			"role":    string(u.Role),
			"url":     inv.URL,
			"expires": expires.Format(mailTime),
		})
		if err != nil {
			return err
		}
		return auditUserCreated(ctx, tx, actor, u)
	})
	if err != nil {
		return nil, nil, wrap("create user", err)
	}
	s.logger.InfoContext(ctx, "user created", "user_id", u.ID, "role", string(u.Role), "by", actor.UserID)
	return u, inv, nil
}

// CreateUserDirect creates a user of any role with its password and a
// verified address, without an invitation: for `accord user create`, run by
// whoever operates the server.
func (s *Service) CreateUserDirect(ctx context.Context, in CreateUserInput) (*User, error) {
	u := newUser(in, s.now())
	var v accord.Validation
	checkNewUser(&v, u)
	v.Check(u.Role.Valid(), "role", "must be one of applicant, coordinator, secretariat, state_party, admin, door")
	checkPassword(&v, "password", in.Password, u.Email)
	if err := v.Err(); err != nil {
		return nil, err
	}
	hash, err := s.passwords.hash(in.Password)
	if err != nil {
		return nil, err
	}
	u.PasswordHash = hash
	u.EmailVerifiedAt = &u.CreatedAt
	err = s.db.Transaction(ctx, func(tx *gorm.DB) error {
		if err := insertStaffUser(tx, u); err != nil {
			return err
		}
		// Whoever runs the command line operates the server: the system.
		return auditUserCreated(ctx, tx, accord.SystemActor(), u)
	})
	if err != nil {
		return nil, wrap("create user", err)
	}
	return u, nil
}

// AcceptInvitation sets the invited user's password; following the mailed
// link also proves the address. The invitation can be used once.
func (s *Service) AcceptInvitation(ctx context.Context, token, password string) error {
	return wrap("accept invitation", s.db.Transaction(ctx, func(tx *gorm.DB) error {
		_, err := s.setPasswordByLink(tx, token, PurposeInvitation, "invitation", password, s.now())
		return err
	}))
}

// newUser builds the user in, normalised but not yet checked.
func newUser(in CreateUserInput, now time.Time) *User {
	u := &User{
		ID:        uuid.NewString(),
		Email:     NormalizeEmail(in.Email),
		Name:      strings.TrimSpace(in.Name),
		Role:      in.Role,
		Locale:    normalizeLocale(in.Locale),
		Regions:   normalizeRegions(in.Regions),
		CreatedAt: now, UpdatedAt: now,
	}
	if c := strings.ToUpper(strings.TrimSpace(in.Country)); c != "" {
		u.Country = &c
	}
	if c := strings.TrimSpace(in.ConferenceID); c != "" {
		u.ConferenceID = &c
	}
	return u
}

func checkNewUser(v *accord.Validation, u *User) {
	checkEmail(v, u.Email)
	checkName(v, u.Name)
	checkLocale(v, u.Locale)
	country := ""
	if u.Country != nil {
		country = *u.Country
	}
	checkRoleScope(v, u.Role, u.Regions, country)
	checkDoorScope(v, u.Role, u.ConferenceID)
}

// checkRegionsLoaded reports regions missing from the regions table, which
// `accord seed` fills; without this the foreign key would fail obscurely.
func checkRegionsLoaded(tx *gorm.DB, regions []string) error {
	if len(regions) == 0 {
		return nil
	}
	var n int64
	if err := tx.Table("regions").Where("code IN ?", regions).Count(&n).Error; err != nil {
		return fmt.Errorf("look up regions: %w", err)
	}
	if int(n) != len(regions) {
		return accord.Invalid("the request has invalid fields",
			accord.Field("regions", "the regions are not loaded yet; run `accord seed` first"))
	}
	return nil
}

// insertStaffUser stores a user made by the secretariat or the operator,
// once the regions and conference it is bound to are known to exist.
func insertStaffUser(tx *gorm.DB, u *User) error {
	if err := checkRegionsLoaded(tx, u.Regions); err != nil {
		return err
	}
	if err := checkConferenceExists(tx, u.ConferenceID); err != nil {
		return err
	}
	return insertUser(tx, u)
}
