package accreditation

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/audit"
	"github.com/accord-coalition/accord/internal/auth"
)

// ConferenceInput creates a conference or changes one (docs/api.md,
// Conference). Fields left out are not changed; on creation, code, title,
// the dates, the accreditation window and the nomination cut-off are
// required.
type ConferenceInput struct {
	Code                  *string      `json:"code,omitempty"`
	Title                 *string      `json:"title,omitempty"`
	TitleAR               *string      `json:"title_ar,omitempty"`
	TitleFR               *string      `json:"title_fr,omitempty"`
	TitleES               *string      `json:"title_es,omitempty"`
	Venue                 *string      `json:"venue,omitempty"`
	StartsOn              *accord.Date `json:"starts_on,omitempty"`
	EndsOn                *accord.Date `json:"ends_on,omitempty"`
	AccreditationOpensAt  *time.Time   `json:"accreditation_opens_at,omitempty"`
	AccreditationClosesAt *time.Time   `json:"accreditation_closes_at,omitempty"`
	NominationCutoffAt    *time.Time   `json:"nomination_cutoff_at,omitempty"`
	MaxDelegates          *int         `json:"max_delegates,omitempty"`
	ObjectionPeriodDays   *int         `json:"objection_period_days,omitempty"`
	NameObjectingStates   *bool        `json:"name_objecting_states,omitempty"`
	// Version is the version the caller saw, for a change; 0 skips the
	// check.
	Version int `json:"version,omitempty"`
}

// conferenceCode is what a code may hold: it appears in addresses.
var conferenceCode = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$`)

// CreateConference adds a conference; the secretariat runs them.
func (s *Service) CreateConference(ctx context.Context, actor accord.Actor, in ConferenceInput) (*Conference, error) {
	now := s.now()
	c := &Conference{ID: uuid.NewString(), MaxDelegates: 3, ObjectionPeriodDays: 30, Version: 1, CreatedAt: now, UpdatedAt: now}
	if err := s.authz.Check(ctx, actor, KindConference, auth.ActionCreate, c); err != nil {
		return nil, err
	}
	in.apply(c)
	var v accord.Validation
	checkConference(&v, c)
	if err := v.Err(); err != nil {
		return nil, err
	}
	err := s.db.Transaction(ctx, func(tx *gorm.DB) error {
		if err := tx.Create(c).Error; err != nil {
			return translateDuplicate(fmt.Errorf("insert conference: %w", err), "a conference with code %s exists", c.Code)
		}
		return s.auditConference(ctx, tx, actor, c, "create", nil)
	})
	if err != nil {
		return nil, wrap("create conference", err)
	}
	return c, nil
}

// UpdateConference changes the fields given of the conference with id
// (or code). The update is guarded by the
// version read, so two secretariat members editing at once do not
// overwrite each other silently.
func (s *Service) UpdateConference(ctx context.Context, actor accord.Actor, id string, in ConferenceInput) (*Conference, error) {
	var c *Conference
	err := s.db.Transaction(ctx, func(tx *gorm.DB) error {
		var err error
		if c, err = findConference(tx.WithContext(ctx), id); err != nil {
			return err
		}
		if err := s.authz.Check(ctx, actor, KindConference, auth.ActionUpdate, c); err != nil {
			return err
		}
		if in.Version != 0 && in.Version != c.Version {
			return accord.Conflict("conference %s is at version %d, not %d: reload and try again", c.Code, c.Version, in.Version)
		}
		read := c.Version
		changed := in.apply(c)
		var v accord.Validation
		checkConference(&v, c)
		if err := v.Err(); err != nil {
			return err
		}
		if len(changed) == 0 {
			return nil
		}
		c.Version, c.UpdatedAt = read+1, s.now()
		res := tx.Model(&Conference{}).Where("id = ? AND version = ?", c.ID, read).Updates(map[string]any{
			"code": c.Code, "title": c.Title, "title_ar": c.TitleAR, "title_fr": c.TitleFR, "title_es": c.TitleES,
			"venue": c.Venue, "starts_on": c.StartsOn, "ends_on": c.EndsOn,
			"accreditation_opens_at": c.AccreditationOpensAt, "accreditation_closes_at": c.AccreditationClosesAt,
			"nomination_cutoff_at": c.NominationCutoffAt, "max_delegates": c.MaxDelegates,
			"objection_period_days": c.ObjectionPeriodDays, "name_objecting_states": c.NameObjectingStates,
			"version": c.Version, "updated_at": c.UpdatedAt,
		})
		if res.Error != nil {
			return translateDuplicate(fmt.Errorf("update conference: %w", res.Error), "a conference with code %s exists", c.Code)
		}
		if res.RowsAffected == 0 {
			return accord.Conflict("conference %s was changed meanwhile: reload and try again", c.Code)
		}
		return s.auditConference(ctx, tx, actor, c, "update", map[string]any{"fields": changed})
	})
	if err != nil {
		return nil, wrap("update conference", err)
	}
	return c, nil
}

// apply copies the given fields onto c and names those it changed.
func (in ConferenceInput) apply(c *Conference) []string {
	var changed []string
	str := func(name string, dst *string, src *string) {
		if src != nil && strings.TrimSpace(*src) != *dst {
			*dst = strings.TrimSpace(*src)
			changed = append(changed, name)
		}
	}
	instant := func(name string, dst *time.Time, src *time.Time) {
		if src != nil && !src.UTC().Truncate(time.Microsecond).Equal(*dst) {
			*dst = src.UTC().Truncate(time.Microsecond)
			changed = append(changed, name)
		}
	}
	date := func(name string, dst *accord.Date, src *accord.Date) {
		if src != nil && !src.Equal(dst.Time) {
			*dst = *src
			changed = append(changed, name)
		}
	}
	num := func(name string, dst *int, src *int) {
		if src != nil && *src != *dst {
			*dst = *src
			changed = append(changed, name)
		}
	}
	str("code", &c.Code, in.Code)
	str("title", &c.Title, in.Title)
	str("title_ar", &c.TitleAR, in.TitleAR)
	str("title_fr", &c.TitleFR, in.TitleFR)
	str("title_es", &c.TitleES, in.TitleES)
	str("venue", &c.Venue, in.Venue)
	date("starts_on", &c.StartsOn, in.StartsOn)
	date("ends_on", &c.EndsOn, in.EndsOn)
	instant("accreditation_opens_at", &c.AccreditationOpensAt, in.AccreditationOpensAt)
	instant("accreditation_closes_at", &c.AccreditationClosesAt, in.AccreditationClosesAt)
	instant("nomination_cutoff_at", &c.NominationCutoffAt, in.NominationCutoffAt)
	num("max_delegates", &c.MaxDelegates, in.MaxDelegates)
	num("objection_period_days", &c.ObjectionPeriodDays, in.ObjectionPeriodDays)
	if in.NameObjectingStates != nil && *in.NameObjectingStates != c.NameObjectingStates {
		c.NameObjectingStates = *in.NameObjectingStates
		changed = append(changed, "name_objecting_states")
	}
	return changed
}

// checkConference records what is wrong with c as it would be stored.
func checkConference(v *accord.Validation, c *Conference) {
	switch {
	case c.Code == "":
		v.Add("code", "required")
	case !conferenceCode.MatchString(c.Code):
		v.Add("code", "1 to 32 letters, digits, '.', '_' or '-', starting with a letter or digit")
	}
	v.Check(c.Title != "", "title", "required")
	v.MaxChars("title", c.Title, 500)
	v.Check(!c.StartsOn.IsZero(), "starts_on", "required")
	v.Check(!c.EndsOn.IsZero(), "ends_on", "required")
	v.Check(!c.AccreditationOpensAt.IsZero(), "accreditation_opens_at", "required")
	v.Check(!c.AccreditationClosesAt.IsZero(), "accreditation_closes_at", "required")
	v.Check(!c.NominationCutoffAt.IsZero(), "nomination_cutoff_at", "required")
	if !c.StartsOn.IsZero() && !c.EndsOn.IsZero() {
		v.Check(!c.EndsOn.Before(c.StartsOn.Time), "ends_on", "must not be before starts_on")
	}
	if !c.AccreditationOpensAt.IsZero() && !c.AccreditationClosesAt.IsZero() {
		v.Check(c.AccreditationClosesAt.After(c.AccreditationOpensAt), "accreditation_closes_at",
			"must be after accreditation_opens_at")
	}
	if !c.NominationCutoffAt.IsZero() && !c.EndsOn.IsZero() {
		v.Check(c.NominationCutoffAt.Before(badgeExpiry(c)), "nomination_cutoff_at",
			"must be before the conference ends")
	}
	v.Check(c.MaxDelegates >= 1 && c.MaxDelegates <= 1000, "max_delegates", "must be from 1 to 1000")
	v.Check(c.ObjectionPeriodDays >= 1 && c.ObjectionPeriodDays <= 365, "objection_period_days", "must be from 1 to 365")
}

func (s *Service) auditConference(ctx context.Context, tx *gorm.DB, actor accord.Actor, c *Conference, event string, data map[string]any) error {
	return audit.Append(ctx, tx, &audit.Event{
		EntityType: KindConference, EntityID: c.ID, Event: event,
		ActorID: actor.UserID, ActorRole: string(actor.Role), RequestID: actor.RequestID,
		OccurredAt: s.now(), Data: data,
	})
}
