package workflow

import (
	"context"
	"errors"
	"fmt"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
)

// Entity is a record a machine moves; it describes itself as a Subject.
type Entity interface {
	WorkflowSubject() Subject
}

// LoadEntity returns a Machine.Load that reads one T by id in the caller's
// transaction. what names the record in the not-found error; an id that is
// not a UUID is not found either, rather than a database error, since ids
// arrive from clients.
func LoadEntity[T any, PT interface {
	*T
	Entity
}](what string) func(ctx context.Context, tx *gorm.DB, id string) (Subject, error) {
	return func(ctx context.Context, tx *gorm.DB, id string) (Subject, error) {
		if uuid.Validate(id) != nil {
			return Subject{}, accord.NotFound(what)
		}
		var v T
		if err := tx.WithContext(ctx).Take(&v, "id = ?", id).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return Subject{}, accord.NotFound(what)
			}
			return Subject{}, fmt.Errorf("load %s %s: %w", what, id, err)
		}
		return PT(&v).WorkflowSubject(), nil
	}
}
