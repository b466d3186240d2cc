package accreditation

import (
	"context"
	"slices"
	"strings"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/audit"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/membership"
	"github.com/accord-coalition/accord/internal/workflow"
)

// RequestView is a request as a caller sees it: with the events the
// caller may fire now.
type RequestView struct {
	Request
	AllowedEvents []string `json:"allowed_events"`
}

// CreateRequestInput is an NGO's request to be accredited (docs/api.md).
type CreateRequestInput struct {
	OrganizationID string `json:"organization_id"`
	EcosocStatus   string `json:"ecosoc_status"`
	Motivation     string `json:"motivation"`
}

var ecosocStatuses = []string{membership.EcosocNone, membership.EcosocSpecial, membership.EcosocGeneral, membership.EcosocRoster}

// CreateRequest starts a draft request of an organisation to a conference.
// An organisation has at most one open request per conference; the unique
// index on open requests enforces it, and a second one is a conflict.
func (s *Service) CreateRequest(ctx context.Context, actor accord.Actor, conferenceID string, in CreateRequestInput) (*RequestView, error) {
	conf, err := s.GetConference(ctx, actor, conferenceID)
	if err != nil {
		return nil, err
	}
	if in.OrganizationID == "" {
		in.OrganizationID = actor.OrganizationID
	}
	now := s.now()
	r := &Request{
		ID: uuid.NewString(), ConferenceID: conf.ID, OrganizationID: strings.TrimSpace(in.OrganizationID),
		State: RequestDraft, Version: 1, Motivation: strings.TrimSpace(in.Motivation),
		EcosocStatus: strings.TrimSpace(in.EcosocStatus), CreatedAt: now, UpdatedAt: now,
	}
	if actor.UserID != "" {
		r.CreatedBy = &actor.UserID
	}
	if err := s.authz.Check(ctx, actor, KindRequest, auth.ActionCreate, r); err != nil {
		return nil, err
	}
	var v accord.Validation
	v.Check(r.Motivation != "", "motivation", "required: why the organisation seeks to attend")
	v.MaxChars("motivation", r.Motivation, 10000)
	v.Check(r.EcosocStatus == "" || slices.Contains(ecosocStatuses, r.EcosocStatus), "ecosoc_status",
		"must be one of none, special, general, roster")
	if err := v.Err(); err != nil {
		return nil, err
	}
	var view *RequestView
	err = s.db.Transaction(ctx, func(tx *gorm.DB) error {
		var org membership.Organization
		if err := tx.Take(&org, "id = ?", r.OrganizationID).Error; err != nil {
			return wrap("load organisation", err)
		}
		if r.EcosocStatus == "" {
			r.EcosocStatus = org.EcosocStatus
		}
		if err := tx.Create(r).Error; err != nil {
			return translateDuplicate(wrap("insert accreditation request", err),
				"the organisation already has an open request for %s", conf.Code)
		}
		err := audit.Append(ctx, tx, &audit.Event{
			EntityType: s.requests.Name, EntityID: r.ID, Event: "create", ToState: RequestDraft,
			ActorID: actor.UserID, ActorRole: string(actor.Role), RequestID: actor.RequestID, OccurredAt: now,
			Data: map[string]any{"conference_id": conf.ID, "organization_id": r.OrganizationID},
		})
		if err != nil {
			return err
		}
		view, err = s.requestView(ctx, tx, actor, r.ID)
		return err
	})
	if err != nil {
		return nil, wrap("create accreditation request", err)
	}
	return view, nil
}

// GetRequest returns one request the actor may see.
func (s *Service) GetRequest(ctx context.Context, actor accord.Actor, id string) (*RequestView, error) {
	var view *RequestView
	err := s.db.Transaction(ctx, func(tx *gorm.DB) error {
		var err error
		view, err = s.requestView(ctx, tx, actor, id)
		return err
	})
	return view, wrap("get accreditation request", err)
}

// FireRequest fires an event on a request. Objecting and withdrawing an
// objection go through the objection they concern: the comment of an
// object event is its grounds.
func (s *Service) FireRequest(ctx context.Context, actor accord.Actor, id string, in TransitionInput) (*RequestView, error) {
	var view *RequestView
	err := s.db.Transaction(ctx, func(tx *gorm.DB) error {
		subj, err := s.loadRequest(ctx, tx, actor, id)
		if err != nil {
			return err
		}
		if err := in.Check(); err != nil {
			return err
		}
		switch in.Event {
		case "object":
			_, err = s.lodge(ctx, tx, actor, subj, in.Comment, in.Version)
		case "withdraw_objection":
			err = s.withdrawOwnObjection(ctx, tx, actor, subj, in)
		default:
			_, err = s.engine.Fire(ctx, tx, s.requests, actor, subj, in.Request())
		}
		if err != nil {
			return err
		}
		view, err = s.requestView(ctx, tx, actor, id)
		return err
	})
	if err != nil {
		return nil, wrap("fire accreditation request event", err)
	}
	return view, nil
}

// loadRequest reads a request the actor may see, as a workflow subject.
func (s *Service) loadRequest(ctx context.Context, tx *gorm.DB, actor accord.Actor, id string) (workflow.Subject, error) {
	subj, err := s.requests.Load(ctx, tx, id)
	if err != nil {
		return workflow.Subject{}, err
	}
	if err := s.authz.Check(ctx, actor, KindRequest, auth.ActionRead, subj.Value); err != nil {
		return workflow.Subject{}, err
	}
	return subj, nil
}

func (s *Service) requestView(ctx context.Context, tx *gorm.DB, actor accord.Actor, id string) (*RequestView, error) {
	subj, err := s.loadRequest(ctx, tx, actor, id)
	if err != nil {
		return nil, err
	}
	return &RequestView{Request: *subj.Value.(*Request), AllowedEvents: s.engine.Allowed(ctx, tx, s.requests, actor, subj)}, nil
}

// stateEvents are the events of a request's history a State party sees:
// from circulation on, what it was consulted on and its outcome, not the
// screening exchanges between the NGO and the secretariat.
var stateEvents = []string{"circulate", "object", "withdraw_objection", "close_period",
	"conference_admit", "conference_deny", "withdraw", "revoke"}

// RequestHistory is a request's audit timeline as the actor may see it:
// the secretariat sees every event and who acted; the NGO and States
// parties see what happened and when, not which staff member acted.
func (s *Service) RequestHistory(ctx context.Context, actor accord.Actor, id string) ([]workflow.HistoryEntry, error) {
	out := []workflow.HistoryEntry{}
	err := s.db.Transaction(ctx, func(tx *gorm.DB) error {
		if _, err := s.loadRequest(ctx, tx, actor, id); err != nil {
			return err
		}
		staff := actor.Is(accord.RoleSecretariat)
		events, err := workflow.History(ctx, tx, s.requests, id, staff)
		if err != nil {
			return err
		}
		for _, ev := range events {
			if actor.Is(accord.RoleStateParty) && !slices.Contains(stateEvents, ev.Event) {
				continue
			}
			out = append(out, workflow.Entry(s.requests, ev, workflow.EntryOptions{Staff: staff, Data: true}))
		}
		return nil
	})
	if err != nil {
		return nil, wrap("accreditation request history", err)
	}
	return out, nil
}
