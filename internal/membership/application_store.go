package membership

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/store"
)

// OpenStates are the states in which an application still counts as the
// organisation's one open application; the partial unique index of
// migration 00008 lists the same.
var OpenStates = []string{AppDraft, AppSubmitted, AppUnderReview, AppInfoRequested, AppAppealed}

// loadApplication reads one application; a missing one is accord.NotFound,
// exactly like one the caller may not see. db may carry a row lock
// (forUpdate).
func loadApplication(ctx context.Context, db *gorm.DB, id string) (*Application, error) {
	if !validID(id) {
		return nil, accord.NotFound(KindApplication)
	}
	var a Application
	err := db.WithContext(ctx).Where("id = ?", id).Take(&a).Error
	if store.IsNotFound(err) {
		return nil, accord.NotFound(KindApplication)
	}
	if err != nil {
		return nil, fmt.Errorf("load application %s: %w", id, err)
	}
	return &a, nil
}

// otherOpenApplication returns the id of an open application of the
// organisation other than exceptID, or "".
func otherOpenApplication(ctx context.Context, db *gorm.DB, organizationID, exceptID string) (string, error) {
	q := db.WithContext(ctx).Model(&Application{}).Where("organization_id = ? AND state IN ?", organizationID, OpenStates)
	if exceptID != "" {
		q = q.Where("id <> ?", exceptID)
	}
	var ids []string
	if err := q.Limit(1).Pluck("id", &ids).Error; err != nil {
		return "", fmt.Errorf("look for open applications: %w", err)
	}
	if len(ids) == 0 {
		return "", nil
	}
	return ids[0], nil
}

// documentsOf lists the documents of the applications ids, oldest first.
func documentsOf(ctx context.Context, db *gorm.DB, ids []string) (map[string][]Document, error) {
	out := map[string][]Document{}
	if len(ids) == 0 {
		return out, nil
	}
	var docs []Document
	err := db.WithContext(ctx).Where("application_id IN ?", ids).Order("created_at, id").Find(&docs).Error
	if err != nil {
		return nil, fmt.Errorf("list documents: %w", err)
	}
	for _, d := range docs {
		out[d.ApplicationID] = append(out[d.ApplicationID], d)
	}
	return out, nil
}

// setApplication writes columns of an application that a transition's
// effect owns (the reviewer, the deadlines); the engine has already moved
// its state and version in the same transaction.
func setApplication(ctx context.Context, tx *gorm.DB, id string, cols map[string]any) error {
	if err := tx.WithContext(ctx).Model(&Application{}).Where("id = ?", id).Updates(cols).Error; err != nil {
		return fmt.Errorf("update application %s: %w", id, err)
	}
	return nil
}
