package auth

import (
	"context"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
)

// EnsureUser creates the user as CreateUserDirect does, or, when the email
// is already registered, gives that account in.Password and organizationID.
// The demonstration data uses it so that each start prints passwords that
// work, without ever shipping a fixed one.
func (s *Service) EnsureUser(ctx context.Context, in CreateUserInput, organizationID string) (*User, error) {
	existing, err := userByEmail(s.db.WithContext(ctx), NormalizeEmail(in.Email))
	switch {
	case err == nil:
	case accord.KindOf(err) == accord.KindNotFound:
		u, err := s.CreateUserDirect(ctx, in)
		if err != nil {
			return nil, err
		}
		existing = u
	default:
		return nil, wrap("ensure user", err)
	}
	err = s.db.Transaction(ctx, func(tx *gorm.DB) error {
		if err := s.storePassword(tx, existing.ID, in.Password); err != nil {
			return err
		}
		if organizationID == "" {
			return nil
		}
		existing.OrganizationID = &organizationID
		return tx.Model(&User{}).Where("id = ?", existing.ID).Update("organization_id", organizationID).Error
	})
	if err != nil {
		return nil, wrap("ensure user", err)
	}
	return existing, nil
}
