package auth

import (
	"fmt"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/store"
)

// findUser loads the user matching the condition, with its regions; a
// missing user is accord.NotFound("user").
func findUser(tx *gorm.DB, query string, args ...any) (*User, error) {
	var u User
	if err := tx.Where(query, args...).Take(&u).Error; err != nil {
		if store.IsNotFound(err) {
			return nil, accord.NotFound("user")
		}
		return nil, fmt.Errorf("load user: %w", err)
	}
	u.Regions = []string{}
	if err := tx.Model(&UserRegion{}).Where("user_id = ?", u.ID).Order("region").Pluck("region", &u.Regions).Error; err != nil {
		return nil, fmt.Errorf("load regions of user %s: %w", u.ID, err)
	}
	return &u, nil
}

// userByID checks the id's form first: PostgreSQL rejects a malformed uuid
// with an error, and a malformed id simply names no user.
func userByID(tx *gorm.DB, id string) (*User, error) {
	if uuid.Validate(id) != nil {
		return nil, accord.NotFound("user")
	}
	return findUser(tx, "id = ?", id)
}

func userByEmail(tx *gorm.DB, email string) (*User, error) {
	return findUser(tx, "email = ?", email)
}

// insertUser writes u and its regions. A taken email is reported on the
// email field rather than as a server error.
func insertUser(tx *gorm.DB, u *User) error {
	if err := tx.Create(u).Error; err != nil {
		if store.IsDuplicate(err) {
			return accord.Invalid("the request has invalid fields", accord.Field("email", "an account with this email already exists"))
		}
		return fmt.Errorf("insert user: %w", err)
	}
	for _, r := range u.Regions {
		if err := tx.Create(&UserRegion{UserID: u.ID, Region: r}).Error; err != nil {
			return fmt.Errorf("assign region %s: %w", r, err)
		}
	}
	return nil
}
