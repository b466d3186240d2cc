package accreditation

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/membership"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/workflow"
)

// mailTime is how instants are written in messages: unambiguous to every
// reader, whatever their language.
const mailTime = "2006-01-02 15:04 UTC"

// requestMachine is RequestMachine with this service's checks and effects
// attached, event by event, so that the table itself still reads like
// docs/domain.md. Objecting and withdrawing an objection have checks of their
// own: they concern the objection as much as the request.
func (s *Service) requestMachine() *workflow.Machine {
	authorize := s.authorizeRequestEvent
	decided := workflow.All(stampDecided, s.tellOrganization)
	return workflow.WithRules(RequestMachine(), workflow.Rules{
		"submit":             {Authorize: authorize, Guard: guardWindowOpen, Effect: stampSubmitted},
		"resubmit":           {Authorize: authorize, Guard: guardWindowOpen, Effect: stampSubmitted},
		"request_changes":    {Authorize: authorize, Effect: s.tellOrganization},
		"reject_ineligible":  {Authorize: authorize, Effect: decided},
		"admit_ecosoc":       {Authorize: authorize, Guard: guardEcosocStatus, Effect: decided},
		"clear":              {Authorize: authorize, Effect: s.tellOrganization},
		"circulate":          {Authorize: authorize, Guard: guardCirculationSlot, Effect: workflow.All(placeOnList, s.tellOrganization)},
		"object":             {Authorize: s.authorizeObject, Guard: guardObject, Effect: s.recordObjection},
		"withdraw_objection": {Authorize: s.authorizeWithdrawObjection, Guard: guardBeforeDeadline, Effect: s.tellOrganization},
		"close_period":       {Authorize: authorize, Effect: decided},
		"conference_admit":   {Authorize: authorize, Effect: workflow.All(s.recordDecision, s.tellOrganization)},
		"conference_deny":    {Authorize: authorize, Effect: workflow.All(s.recordDecision, s.tellOrganization)},
		"withdraw":           {Authorize: authorize},
		"revoke":             {Authorize: authorize, Effect: decided},
	})
}

func requestOf(f *workflow.Firing) *Request { return f.Subject.Value.(*Request) }

func (s *Service) authorizeRequestEvent(ctx context.Context, f *workflow.Firing) error {
	return s.authz.Check(ctx, f.Actor, KindRequest, auth.Action(f.Request.Event), requestOf(f))
}

func guardWindowOpen(ctx context.Context, f *workflow.Firing) error {
	conf, err := conferenceByID(ctx, f.Tx, requestOf(f).ConferenceID)
	if err != nil {
		return err
	}
	if !conf.WindowOpen(f.Now) {
		return accord.Invalid("the accreditation window is not open",
			accord.Field("accreditation_window", fmt.Sprintf("requests are accepted from %s until %s",
				conf.AccreditationOpensAt.Format(mailTime), conf.AccreditationClosesAt.Format(mailTime))))
	}
	return nil
}

// guardEcosocStatus admits directly only an organisation whose profile,
// which the secretariat verifies, records consultative status with ECOSOC:
// what the NGO claimed on its request is not enough.
func guardEcosocStatus(ctx context.Context, f *workflow.Firing) error {
	var org membership.Organization
	err := f.Tx.WithContext(ctx).Take(&org, "id = ?", requestOf(f).OrganizationID).Error
	if err != nil {
		return fmt.Errorf("load organisation: %w", err)
	}
	if !org.HasEcosocStatus() {
		return accord.Invalid("the organisation does not hold consultative status with ECOSOC",
			accord.Field("ecosoc_status", "the organisation's profile records none: clear the request for circulation instead"))
	}
	return nil
}

func stampSubmitted(ctx context.Context, f *workflow.Firing) error {
	return updateRequest(ctx, f.Tx, requestOf(f).ID, map[string]any{"submitted_at": f.Now})
}

// stampDecided records when a request reached an outcome.
func stampDecided(ctx context.Context, f *workflow.Firing) error {
	if f.To == RequestReferred {
		return nil
	}
	return updateRequest(ctx, f.Tx, requestOf(f).ID, map[string]any{"decided_at": f.Now})
}

// updateRequest writes columns an effect sets. UpdateColumns leaves
// updated_at as the engine set it, on the engine's clock.
func updateRequest(ctx context.Context, tx *gorm.DB, id string, cols map[string]any) error {
	if err := tx.WithContext(ctx).Model(&Request{}).Where("id = ?", id).UpdateColumns(cols).Error; err != nil {
		return fmt.Errorf("update accreditation request %s: %w", id, err)
	}
	return nil
}

// circulationSlot is a request's place on a circulated list: the payload
// of its circulate event.
type circulationSlot struct {
	Circulation *Circulation
	Number      int
}

// guardCirculationSlot refuses circulating a request on its own: rule 17
// circulates one list of every screened request of a conference, which
// CirculateScreened builds.
func guardCirculationSlot(_ context.Context, f *workflow.Firing) error {
	if _, ok := f.Request.Data.(*circulationSlot); !ok {
		return accord.Invalid("requests are circulated together, as one list per conference",
			accord.Field("event", "circulate the conference's screened requests with POST /conferences/{id}/circulations"))
	}
	return nil
}

func placeOnList(ctx context.Context, f *workflow.Firing) error {
	slot := f.Request.Data.(*circulationSlot)
	c := slot.Circulation
	f.AuditData = map[string]any{
		"circulation_id": c.ID, "list": c.Number, "circulation_number": slot.Number,
		"objection_deadline": c.ObjectionDeadline, "late": c.Late,
	}
	return updateRequest(ctx, f.Tx, requestOf(f).ID, map[string]any{
		"circulation_id": c.ID, "circulation_number": slot.Number, "objection_deadline": c.ObjectionDeadline,
	})
}

func guardBeforeDeadline(_ context.Context, f *workflow.Firing) error {
	return beforeDeadline(requestOf(f), f)
}

// beforeDeadline refuses once the request's objection period has ended,
// even if the deadline transition has not fired yet.
func beforeDeadline(r *Request, f *workflow.Firing) error {
	if r.ObjectionDeadline == nil || !f.Now.Before(*r.ObjectionDeadline) {
		at := "it was circulated"
		if r.ObjectionDeadline != nil {
			at = r.ObjectionDeadline.Format(mailTime)
		}
		return accord.Invalid("the objection period has ended",
			accord.Field("objection_deadline", "passed at "+at))
	}
	return nil
}

// recordDecision keeps the reference of the Conference's decision on the
// request and marks every live objection by it — overruled when the
// Conference admits, sustained when it denies — in the same transaction.
func (s *Service) recordDecision(ctx context.Context, f *workflow.Firing) error {
	r := requestOf(f)
	ref := strings.TrimSpace(f.Request.Comment)
	if err := updateRequest(ctx, f.Tx, r.ID, map[string]any{"decision_reference": ref, "decided_at": f.Now}); err != nil {
		return err
	}
	event := "overrule"
	if f.To == RequestDenied {
		event = "sustain"
	}
	var ids []string
	err := f.Tx.WithContext(ctx).Model(&Objection{}).
		Where("accreditation_request_id = ? AND state = ?", r.ID, ObjectionLive).
		Order("created_at, id").Pluck("id", &ids).Error
	if err != nil {
		return fmt.Errorf("live objections: %w", err)
	}
	for _, id := range ids {
		subj, err := s.objections.Load(ctx, f.Tx, id)
		if err != nil {
			return err
		}
		_, err = s.engine.Fire(ctx, f.Tx, s.objections, f.Actor, subj,
			workflow.Request{Event: event, Comment: ref, Data: conferenceDecision{RequestID: r.ID}})
		if err != nil {
			return fmt.Errorf("%s objection %s: %w", event, id, err)
		}
	}
	f.AuditData = map[string]any{"decision_reference": ref, "objections": len(ids)}
	return nil
}

// tellOrganization tells the NGO's users what happened to its request.
func (s *Service) tellOrganization(ctx context.Context, f *workflow.Firing) error {
	r := requestOf(f)
	conf, err := conferenceByID(ctx, f.Tx, r.ConferenceID)
	if err != nil {
		return err
	}
	users, err := organizationUsers(f.Tx.WithContext(ctx), r.OrganizationID)
	if err != nil {
		return err
	}
	comment := strings.TrimSpace(f.Request.Comment)
	return s.tell(ctx, f.Tx, users, "accreditation_update", func(locale string) map[string]any {
		return map[string]any{
			"conference": conf.LocalTitle(locale), "code": conf.Code,
			"event": f.Request.Event, "state": f.To, "comment": comment,
			"url": s.link("/accreditation-requests/" + r.ID),
		}
	})
}

// conferenceByID loads a conference inside tx.
func conferenceByID(ctx context.Context, tx *gorm.DB, id string) (*Conference, error) {
	var c Conference
	err := tx.WithContext(ctx).Take(&c, "id = ?", id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, accord.NotFound("conference")
	}
	if err != nil {
		return nil, fmt.Errorf("load conference %s: %w", id, err)
	}
	return &c, nil
}

// translateDuplicate turns a unique-constraint violation into a conflict
// worded for the client, and leaves other errors as they are.
func translateDuplicate(err error, format string, args ...any) error {
	if store.IsDuplicate(err) {
		return accord.Conflict(format, args...)
	}
	return err
}
