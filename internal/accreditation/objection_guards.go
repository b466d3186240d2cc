package accreditation

import (
	"context"
	"errors"
	"fmt"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/audit"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/workflow"
)

// objectionMachine is ObjectionMachine with this service's checks
// attached.
func (s *Service) objectionMachine() *workflow.Machine {
	authorize := s.authorizeObjectionEvent
	return workflow.WithRules(ObjectionMachine(), workflow.Rules{
		"withdraw": {Authorize: authorize, Guard: guardObjectionPeriod},
		"sustain":  {Authorize: authorize, Guard: guardByDecision},
		"overrule": {Authorize: authorize, Guard: guardByDecision},
	})
}

func objectionOf(f *workflow.Firing) *Objection { return f.Subject.Value.(*Objection) }

func (s *Service) authorizeObjectionEvent(ctx context.Context, f *workflow.Firing) error {
	o := objectionOf(f)
	r, err := requestByID(ctx, f.Tx, o.AccreditationRequestID)
	if err != nil {
		return err
	}
	return s.authz.Check(ctx, f.Actor, KindObjection, auth.Action(f.Request.Event), &ObjectionAccess{Objection: o, Request: r})
}

// guardObjectionPeriod: a State withdraws its objection before the
// deadline, as it lodges one.
func guardObjectionPeriod(ctx context.Context, f *workflow.Firing) error {
	r, err := requestByID(ctx, f.Tx, objectionOf(f).AccreditationRequestID)
	if err != nil {
		return err
	}
	return beforeDeadline(r, f)
}

// conferenceDecision is the payload with which recordDecision marks
// objections; nothing else may sustain or overrule one.
type conferenceDecision struct{ RequestID string }

func guardByDecision(_ context.Context, f *workflow.Firing) error {
	d, ok := f.Request.Data.(conferenceDecision)
	if !ok || d.RequestID != objectionOf(f).AccreditationRequestID {
		return accord.Invalid("objections are sustained or overruled by recording the Conference's decision on the request",
			accord.Field("event", "fire conference_admit or conference_deny on the accreditation request"))
	}
	return nil
}

// authorizeObject: the request policy lets States parties object at all;
// the objection policy, that this user may lodge one on this request.
func (s *Service) authorizeObject(ctx context.Context, f *workflow.Firing) error {
	if err := s.authorizeRequestEvent(ctx, f); err != nil {
		return err
	}
	return s.authz.Check(ctx, f.Actor, KindObjection, auth.ActionCreate, &ObjectionAccess{Request: requestOf(f)})
}

// guardObject: before the deadline, and one live objection per State and
// request. A second one is a conflict with the first (409) rather than an
// invalid request: the State withdraws its objection, or replies stand
// against the one it has.
func guardObject(ctx context.Context, f *workflow.Firing) error {
	r := requestOf(f)
	if err := beforeDeadline(r, f); err != nil {
		return err
	}
	o, err := liveObjectionOf(ctx, f.Tx, r.ID, f.Actor.Country)
	if err != nil {
		return err
	}
	if o != nil {
		return accord.Conflict("your State already has a live objection to this request (%s)", o.ID)
	}
	return nil
}

// recordObjection writes the objection the object event carries and tells
// the NGO, with the grounds. The unique index on live objections backs the
// guard when two of one State's focal points object at once.
func (s *Service) recordObjection(ctx context.Context, f *workflow.Firing) error {
	o, ok := f.Request.Data.(*Objection)
	if !ok {
		return errors.New("object fired without its objection")
	}
	if err := f.Tx.WithContext(ctx).Create(o).Error; err != nil {
		return translateDuplicate(fmt.Errorf("insert objection: %w", err),
			"your State already has a live objection to this request")
	}
	err := audit.Append(ctx, f.Tx, &audit.Event{
		EntityType: s.objections.Name, EntityID: o.ID, Event: "lodge", ToState: ObjectionLive,
		ActorID: f.Actor.UserID, ActorRole: string(f.Actor.Role), Comment: o.Grounds,
		RequestID: f.Actor.RequestID, OccurredAt: f.Now,
		Data: map[string]any{"accreditation_request_id": o.AccreditationRequestID, "country": o.Country},
	})
	if err != nil {
		return err
	}
	f.AuditData = map[string]any{"objection_id": o.ID, "country": o.Country}
	return s.tellObjectionLodged(ctx, f.Tx, requestOf(f), o)
}

func (s *Service) tellObjectionLodged(ctx context.Context, tx *gorm.DB, r *Request, o *Objection) error {
	conf, err := conferenceByID(ctx, tx, r.ConferenceID)
	if err != nil {
		return err
	}
	users, err := organizationUsers(tx.WithContext(ctx), r.OrganizationID)
	if err != nil {
		return err
	}
	return s.tell(ctx, tx, users, "objection_lodged", func(locale string) map[string]any {
		return map[string]any{
			"conference": conf.LocalTitle(locale), "code": conf.Code,
			"country": countryName(tx, o.Country, locale), "grounds": o.Grounds,
			"deadline": r.ObjectionDeadline.Format(mailTime),
			"url":      s.link("/accreditation-requests/" + r.ID + "/objections"),
		}
	})
}

// authorizeWithdrawObjection: the request-level event stands for the
// withdrawal of one objection, the one the event carries or, when asked
// what the actor may do, the actor's State's live one; only that State may
// withdraw it.
func (s *Service) authorizeWithdrawObjection(ctx context.Context, f *workflow.Firing) error {
	if err := s.authorizeRequestEvent(ctx, f); err != nil {
		return err
	}
	r := requestOf(f)
	o, _ := f.Request.Data.(*Objection)
	if o == nil {
		var err error
		if o, err = liveObjectionOf(ctx, f.Tx, r.ID, f.Actor.Country); err != nil {
			return err
		}
		if o == nil {
			return accord.Forbidden("your State has no live objection to this request")
		}
	}
	return s.authz.Check(ctx, f.Actor, KindObjection, "withdraw", &ObjectionAccess{Objection: o, Request: r})
}

// liveObjectionOf is country's live objection to a request, or nil.
func liveObjectionOf(ctx context.Context, tx *gorm.DB, requestID, country string) (*Objection, error) {
	if country == "" {
		return nil, nil
	}
	var os []Objection
	err := tx.WithContext(ctx).Where("accreditation_request_id = ? AND country = ? AND state = ?", requestID, country, ObjectionLive).
		Limit(1).Find(&os).Error
	if err != nil {
		return nil, fmt.Errorf("live objection: %w", err)
	}
	if len(os) == 0 {
		return nil, nil
	}
	return &os[0], nil
}

// requestByID loads a request inside tx.
func requestByID(ctx context.Context, tx *gorm.DB, id string) (*Request, error) {
	var r Request
	err := tx.WithContext(ctx).Take(&r, "id = ?", id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, accord.NotFound("accreditation request")
	}
	if err != nil {
		return nil, fmt.Errorf("load accreditation request %s: %w", id, err)
	}
	return &r, nil
}
