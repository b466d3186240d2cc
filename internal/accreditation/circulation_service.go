package accreditation

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/audit"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/workflow"
)

// lateCirculation is how long before a conference opens rule 17 asks the
// list to be circulated; a later circulation is allowed but recorded.
const lateCirculation = 30 * 24 * time.Hour

// CirculationInput optionally sets the objection deadline.
type CirculationInput struct {
	ObjectionDeadline *time.Time `json:"objection_deadline,omitempty"`
}

// CirculationView is a circulated list: the circulation and the requests
// on it, in list order.
type CirculationView struct {
	Circulation
	RequestIDs []string `json:"request_ids"`
}

// CirculateScreened circulates every screened request of a conference to
// the States parties as one numbered list, in the order of the
// organisations' English names. The objection deadline is now plus the
// conference's objection period, or a later instant the secretariat sets;
// an earlier one only with Config.AllowShortDeadlines.
func (s *Service) CirculateScreened(ctx context.Context, actor accord.Actor, conferenceID string, in CirculationInput) (*CirculationView, error) {
	var view *CirculationView
	err := s.db.Transaction(ctx, func(tx *gorm.DB) error {
		conf, err := findConference(tx.WithContext(ctx), conferenceID)
		if err != nil {
			return err
		}
		if err := s.authz.Check(ctx, actor, KindCirculation, auth.ActionCreate, conf); err != nil {
			return err
		}
		now := s.now()
		deadline, err := s.objectionDeadline(conf, now, in.ObjectionDeadline)
		if err != nil {
			return err
		}
		var ids []string
		err = tx.WithContext(ctx).Table("accreditation_requests r").Select("r.id").
			Joins("JOIN organizations o ON o.id = r.organization_id").
			Where("r.conference_id = ? AND r.state = ?", conf.ID, RequestScreened).
			Order("o.name_en_key, o.name_key, r.id").Pluck("r.id", &ids).Error
		if err != nil {
			return fmt.Errorf("screened requests: %w", err)
		}
		if len(ids) == 0 {
			return accord.Invalid("there are no screened requests to circulate",
				accord.Field("conference_id", "clear submitted requests first"))
		}
		c, err := s.insertCirculation(ctx, tx, actor, conf, now, deadline)
		if err != nil {
			return err
		}
		for i, id := range ids {
			subj, err := s.requests.Load(ctx, tx, id)
			if err != nil {
				return err
			}
			_, err = s.engine.Fire(ctx, tx, s.requests, actor, subj,
				workflow.Request{Event: "circulate", Data: &circulationSlot{Circulation: c, Number: i + 1}})
			if err != nil {
				return err
			}
		}
		if err := s.recordCirculation(ctx, tx, actor, conf, c, len(ids)); err != nil {
			return err
		}
		view = &CirculationView{Circulation: *c, RequestIDs: ids}
		return nil
	})
	if err != nil {
		return nil, wrap("circulate", err)
	}
	return view, nil
}

// objectionDeadline is the deadline asked for, checked, or the default.
func (s *Service) objectionDeadline(conf *Conference, now time.Time, asked *time.Time) (time.Time, error) {
	least := now.Add(time.Duration(conf.ObjectionPeriodDays) * 24 * time.Hour)
	if asked == nil {
		return least, nil
	}
	d := asked.UTC().Truncate(time.Microsecond)
	switch {
	case !d.After(now):
		return time.Time{}, accord.Invalid("the objection deadline must be in the future",
			accord.Field("objection_deadline", "must be later than now"))
	case d.Before(least) && !s.cfg.AllowShortDeadlines:
		return time.Time{}, accord.Invalid("the objection deadline is shorter than the conference's objection period",
			accord.Field("objection_deadline", fmt.Sprintf("must not be earlier than %s (%d days from now)",
				least.Format(time.RFC3339), conf.ObjectionPeriodDays)))
	}
	return d, nil
}

// insertCirculation numbers the conference's next list. Two secretariat
// members circulating at once both read the same next number; the unique
// (conference_id, number) makes the second a conflict.
func (s *Service) insertCirculation(ctx context.Context, tx *gorm.DB, actor accord.Actor, conf *Conference, now, deadline time.Time) (*Circulation, error) {
	var last int
	err := tx.WithContext(ctx).Model(&Circulation{}).Where("conference_id = ?", conf.ID).
		Select("COALESCE(MAX(number), 0)").Scan(&last).Error
	if err != nil {
		return nil, fmt.Errorf("last circulation number: %w", err)
	}
	c := &Circulation{
		ID: uuid.NewString(), ConferenceID: conf.ID, Number: last + 1,
		CirculatedAt: now, ObjectionDeadline: deadline, CreatedAt: now,
		Late: now.After(conf.StartsOn.Start().Add(-lateCirculation)),
	}
	if actor.UserID != "" {
		c.CreatedBy = &actor.UserID
	}
	if err := tx.WithContext(ctx).Create(c).Error; err != nil {
		return nil, translateDuplicate(fmt.Errorf("insert circulation: %w", err),
			"another list of %s was circulated at the same time: reload and try again", conf.Code)
	}
	return c, nil
}

// recordCirculation keeps the list on the conference's record — a late
// one marked so — and tells every State party.
func (s *Service) recordCirculation(ctx context.Context, tx *gorm.DB, actor accord.Actor, conf *Conference, c *Circulation, count int) error {
	err := audit.Append(ctx, tx, &audit.Event{
		EntityType: KindConference, EntityID: conf.ID, Event: "circulate",
		ActorID: actor.UserID, ActorRole: string(actor.Role), RequestID: actor.RequestID, OccurredAt: c.CirculatedAt,
		Data: map[string]any{"circulation_id": c.ID, "number": c.Number, "requests": count,
			"objection_deadline": c.ObjectionDeadline, "late": c.Late},
	})
	if err != nil {
		return err
	}
	if c.Late {
		s.log.WarnContext(ctx, "late circulation: less than thirty days before the conference opens",
			"conference", conf.Code, "number", c.Number, "starts_on", conf.StartsOn.String())
	}
	states, err := stateParties(tx.WithContext(ctx), "")
	if err != nil {
		return err
	}
	return s.tell(ctx, tx, states, "accreditation_circulated", func(locale string) map[string]any {
		return map[string]any{
			"conference": conf.LocalTitle(locale), "code": conf.Code, "number": c.Number, "count": count,
			"deadline": c.ObjectionDeadline.Format(mailTime), "late": c.Late,
			"url": s.link("/conferences/" + conf.Code + "/circulated"),
		}
	})
}
