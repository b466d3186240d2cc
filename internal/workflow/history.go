package workflow

import (
	"context"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/audit"
)

// History returns the audit timeline of one entity of m, oldest first.
// Staff see every event (internal true). The applicant's view keeps only
// the machine's transitions not marked Internal: reviewers' notes and any
// event that is not a transition of m (an export, say) stay out of it.
func History(ctx context.Context, db *gorm.DB, m *Machine, entityID string, internal bool) ([]audit.Event, error) {
	events, err := audit.ForEntity(ctx, db, m.Name, entityID)
	if err != nil || internal {
		return events, err
	}
	public := events[:0]
	for _, ev := range events {
		if m.isPublic(ev) {
			public = append(public, ev)
		}
	}
	return public, nil
}
