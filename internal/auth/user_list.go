package auth

import (
	"context"
	"fmt"
	"strings"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/store"
)

// usersPageSize bounds the users page: the admin searches by address or
// name rather than paging through everyone.
const usersPageSize = 50

// ListUsers returns the users whose email or name contains q (all when q is
// empty), newest first, up to usersPageSize: the admin's users page.
func (s *Service) ListUsers(ctx context.Context, actor accord.Actor, q string) ([]User, error) {
	if err := signedIn(actor); err != nil {
		return nil, err
	}
	if err := s.authz.Check(ctx, actor, KindUser, ActionRead, nil); err != nil {
		return nil, err
	}
	db := s.db.WithContext(ctx).Order("created_at DESC").Limit(usersPageSize)
	if q = strings.ToLower(strings.TrimSpace(q)); q != "" {
		like := store.Contains(q)
		db = db.Where(`email LIKE ? ESCAPE '\' OR lower(name) LIKE ? ESCAPE '\'`, like, like)
	}
	var users []User
	if err := db.Find(&users).Error; err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	return users, nil
}
