package accreditation

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/store"
)

// Conference is an intergovernmental conference NGOs seek accreditation
// to, such as CoSP11 (docs/api.md, Conference).
type Conference struct {
	ID                    string      `json:"id" gorm:"primaryKey"`
	Code                  string      `json:"code"`
	Title                 string      `json:"title"`
	TitleAR               string      `json:"title_ar" gorm:"column:title_ar"`
	TitleFR               string      `json:"title_fr" gorm:"column:title_fr"`
	TitleES               string      `json:"title_es" gorm:"column:title_es"`
	Venue                 string      `json:"venue"`
	StartsOn              accord.Date `json:"starts_on"`
	EndsOn                accord.Date `json:"ends_on"`
	AccreditationOpensAt  time.Time   `json:"accreditation_opens_at"`
	AccreditationClosesAt time.Time   `json:"accreditation_closes_at"`
	NominationCutoffAt    time.Time   `json:"nomination_cutoff_at"`
	MaxDelegates          int         `json:"max_delegates"`
	ObjectionPeriodDays   int         `json:"objection_period_days"`
	NameObjectingStates   bool        `json:"name_objecting_states"`
	Version               int         `json:"version"`
	CreatedAt             time.Time   `json:"created_at"`
	UpdatedAt             time.Time   `json:"updated_at"`
}

// LocalTitle is the title in locale, falling back to the English one.
func (c *Conference) LocalTitle(locale string) string {
	switch {
	case locale == "ar" && c.TitleAR != "":
		return c.TitleAR
	case locale == "fr" && c.TitleFR != "":
		return c.TitleFR
	case locale == "es" && c.TitleES != "":
		return c.TitleES
	}
	return c.Title
}

// WindowOpen reports whether accreditation requests are accepted at now.
func (c *Conference) WindowOpen(now time.Time) bool {
	return !now.Before(c.AccreditationOpensAt) && now.Before(c.AccreditationClosesAt)
}

// ListConferences returns conferences, the latest first. Conferences are
// the public scope: the Authorizer lets every actor read them.
func (s *Service) ListConferences(ctx context.Context, actor accord.Actor, limit int, cursor string) ([]Conference, string, error) {
	if err := s.authz.Check(ctx, actor, KindConference, auth.ActionReadPublic, nil); err != nil {
		return nil, "", err
	}
	cur, hasCursor, err := store.DecodeCursor(cursor)
	if err != nil {
		return nil, "", err
	}
	limit = store.Limit(limit)
	q := s.db.WithContext(ctx).Model(&Conference{})
	if hasCursor {
		q = q.Where("(starts_on < ? OR (starts_on = ? AND id < ?))", cur.Key, cur.Key, cur.ID)
	}
	var out []Conference
	if err := q.Order("starts_on DESC, id DESC").Limit(limit + 1).Find(&out).Error; err != nil {
		return nil, "", fmt.Errorf("list conferences: %w", err)
	}
	out, next := store.TrimPage(out, limit, func(last Conference) string {
		return store.Cursor{Key: last.StartsOn.String(), ID: last.ID}.Encode()
	})
	return out, next, nil
}

// GetConference returns one conference by id or code, when the Authorizer
// lets actor read it.
func (s *Service) GetConference(ctx context.Context, actor accord.Actor, idOrCode string) (*Conference, error) {
	c, err := findConference(s.db.WithContext(ctx), idOrCode)
	if err != nil {
		return nil, err
	}
	if err := s.authz.Check(ctx, actor, KindConference, auth.ActionReadPublic, c); err != nil {
		return nil, err
	}
	return c, nil
}

// findConference reads a conference by id or code with db, which may be a
// transaction.
func findConference(db *gorm.DB, idOrCode string) (*Conference, error) {
	var c Conference
	var err error
	if looksLikeUUID(idOrCode) {
		err = db.Where("id = ?", idOrCode).Take(&c).Error
	} else {
		err = db.Where("code = ?", idOrCode).Take(&c).Error
	}
	if store.IsNotFound(err) {
		return nil, accord.NotFound("conference")
	}
	if err != nil {
		return nil, fmt.Errorf("get conference: %w", err)
	}
	return &c, nil
}

func looksLikeUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i, r := range s {
		switch {
		case i == 8 || i == 13 || i == 18 || i == 23:
			if r != '-' {
				return false
			}
		case (r >= '0' && r <= '9') || (r >= 'a' && r <= 'f') || (r >= 'A' && r <= 'F'):
		default:
			return false
		}
	}
	return true
}
