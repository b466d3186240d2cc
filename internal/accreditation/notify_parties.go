package accreditation

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/country"
	"github.com/accord-coalition/accord/internal/notify"
)

// party is a user to be told of something, as the users table holds it.
type party struct {
	ID     string
	Email  string
	Locale string
}

// usersWhere lists the enabled users matching where, oldest first so
// messages go out in a stable order.
func usersWhere(tx *gorm.DB, where string, args ...any) ([]party, error) {
	var ps []party
	err := tx.Table("users").Select("id, email, locale").
		Where("NOT disabled").Where(where, args...).
		Order("created_at, id").Scan(&ps).Error
	if err != nil {
		return nil, fmt.Errorf("look up recipients: %w", err)
	}
	return ps, nil
}

// organizationUsers are the applicants who speak for an organisation.
func organizationUsers(tx *gorm.DB, organizationID string) ([]party, error) {
	return usersWhere(tx, "role = ? AND organization_id = ?", accord.RoleApplicant, organizationID)
}

// stateParties are the focal points of every State party, or of one
// country when given.
func stateParties(tx *gorm.DB, countryCode string) ([]party, error) {
	if countryCode == "" {
		return usersWhere(tx, "role = ?", accord.RoleStateParty)
	}
	return usersWhere(tx, "role = ? AND country = ?", accord.RoleStateParty, countryCode)
}

// tell enqueues template for each party in its own language; data builds
// the template's data for a locale.
func (s *Service) tell(ctx context.Context, tx *gorm.DB, parties []party, template string, data func(locale string) map[string]any) error {
	for _, p := range parties {
		to := notify.Recipient{UserID: p.ID, Email: p.Email, Locale: p.Locale}
		if err := notify.Enqueue(ctx, tx, to, template, data(p.Locale)); err != nil {
			return fmt.Errorf("notify %s: %w", template, err)
		}
	}
	return nil
}

// countryName is a country's name in locale, or its code when unknown.
func countryName(tx *gorm.DB, code, locale string) string {
	var c country.Country
	if err := tx.Take(&c, "code = ?", code).Error; err != nil {
		return code
	}
	return c.Name(locale)
}

// organizationName is the name an organisation is known by in messages:
// its English (UN list) name, else its own.
func organizationName(tx *gorm.DB, id string) (string, error) {
	var o struct {
		Name   string
		NameEN string `gorm:"column:name_en"`
	}
	if err := tx.Table("organizations").Select("name, name_en").Where("id = ?", id).Take(&o).Error; err != nil {
		return "", fmt.Errorf("organisation %s: %w", id, err)
	}
	if o.NameEN != "" {
		return o.NameEN, nil
	}
	return o.Name, nil
}
