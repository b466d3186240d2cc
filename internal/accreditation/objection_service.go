package accreditation

import (
	"context"
	"fmt"
	"strings"

	"github.com/google/uuid"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/workflow"
)

// ObjectionView is an objection as a caller sees it: with the NGO's
// replies and the events the caller may fire now.
type ObjectionView struct {
	Objection
	AllowedEvents []string `json:"allowed_events"`
	Replies       []Reply  `json:"replies"`
}

// maxText caps the grounds of an objection and a reply, in characters
// (runes), so that Arabic text is given the room English is.
const maxText = 20000

// LodgeObjection records the actor's State's objection to a circulated
// request, with its grounds, and moves the request to objected.
func (s *Service) LodgeObjection(ctx context.Context, actor accord.Actor, requestID, grounds string) (*ObjectionView, error) {
	var view *ObjectionView
	err := s.db.Transaction(ctx, func(tx *gorm.DB) error {
		subj, err := s.loadRequest(ctx, tx, actor, requestID)
		if err != nil {
			return err
		}
		o, err := s.lodge(ctx, tx, actor, subj, grounds, 0)
		if err != nil {
			return err
		}
		view, err = s.objectionView(ctx, tx, actor, o.ID)
		return err
	})
	if err != nil {
		return nil, wrap("lodge objection", err)
	}
	return view, nil
}

func (s *Service) lodge(ctx context.Context, tx *gorm.DB, actor accord.Actor, subj workflow.Subject, grounds string, version int) (*Objection, error) {
	r := subj.Value.(*Request)
	if err := s.authz.Check(ctx, actor, KindObjection, auth.ActionCreate, &ObjectionAccess{Request: r}); err != nil {
		return nil, err
	}
	grounds = strings.TrimSpace(grounds)
	var v accord.Validation
	v.Check(grounds != "", "grounds", "required: an objection states its grounds")
	v.MaxChars("grounds", grounds, maxText)
	if err := v.Err(); err != nil {
		return nil, err
	}
	now := s.now()
	o := &Objection{
		ID: uuid.NewString(), AccreditationRequestID: r.ID, Country: actor.Country,
		State: ObjectionLive, Version: 1, Grounds: grounds, CreatedAt: now, UpdatedAt: now,
	}
	if actor.UserID != "" {
		o.LodgedBy = &actor.UserID
	}
	_, err := s.engine.Fire(ctx, tx, s.requests, actor, subj,
		workflow.Request{Event: "object", Comment: grounds, Version: version, Data: o})
	if err != nil {
		return nil, err
	}
	return o, nil
}

// ListObjections lists the objections to a request, oldest first, with
// their replies, to whoever may see the request.
func (s *Service) ListObjections(ctx context.Context, actor accord.Actor, requestID string) ([]ObjectionView, error) {
	out := []ObjectionView{}
	err := s.db.Transaction(ctx, func(tx *gorm.DB) error {
		subj, err := s.loadRequest(ctx, tx, actor, requestID)
		if err != nil {
			return err
		}
		r := subj.Value.(*Request)
		if err := s.authz.Check(ctx, actor, KindObjection, auth.ActionRead, &ObjectionAccess{Request: r}); err != nil {
			return err
		}
		var os []Objection
		if err := tx.Where("accreditation_request_id = ?", r.ID).Order("created_at, id").Find(&os).Error; err != nil {
			return fmt.Errorf("list objections: %w", err)
		}
		for i := range os {
			v, err := s.viewOf(ctx, tx, actor, &os[i], r)
			if err != nil {
				return err
			}
			out = append(out, *v)
		}
		return nil
	})
	if err != nil {
		return nil, wrap("list objections", err)
	}
	return out, nil
}

// GetObjection returns one objection the actor may see.
func (s *Service) GetObjection(ctx context.Context, actor accord.Actor, id string) (*ObjectionView, error) {
	var view *ObjectionView
	err := s.db.Transaction(ctx, func(tx *gorm.DB) error {
		var err error
		view, err = s.objectionView(ctx, tx, actor, id)
		return err
	})
	return view, wrap("get objection", err)
}

// FireObjection fires an event on an objection. Its State withdraws it
// (the request returns to circulated when no live objection remains, in
// the same transaction); sustain and overrule come only with the
// Conference's decision on the request.
func (s *Service) FireObjection(ctx context.Context, actor accord.Actor, id string, in TransitionInput) (*ObjectionView, error) {
	var view *ObjectionView
	err := s.db.Transaction(ctx, func(tx *gorm.DB) error {
		subj, _, err := s.loadObjection(ctx, tx, actor, id, false)
		if err != nil {
			return err
		}
		if err := in.Check(); err != nil {
			return err
		}
		if in.Event == "withdraw" {
			err = s.withdraw(ctx, tx, actor, subj, in.Comment, in.Version, 0)
		} else {
			_, err = s.engine.Fire(ctx, tx, s.objections, actor, subj, in.Request())
		}
		if err != nil {
			return err
		}
		view, err = s.objectionView(ctx, tx, actor, id)
		return err
	})
	if err != nil {
		return nil, wrap("fire objection event", err)
	}
	return view, nil
}

// withdraw withdraws an objection, then fires withdraw_objection on its
// request, which counts the live objections left. Each version is checked
// against its own entity when given.
func (s *Service) withdraw(ctx context.Context, tx *gorm.DB, actor accord.Actor, subj workflow.Subject, comment string, objectionVersion, requestVersion int) error {
	o := subj.Value.(*Objection)
	_, err := s.engine.Fire(ctx, tx, s.objections, actor, subj,
		workflow.Request{Event: "withdraw", Comment: comment, Version: objectionVersion})
	if err != nil {
		return err
	}
	rs, err := s.requests.Load(ctx, tx, o.AccreditationRequestID)
	if err != nil {
		return err
	}
	_, err = s.engine.Fire(ctx, tx, s.requests, actor, rs,
		workflow.Request{Event: "withdraw_objection", Comment: comment, Version: requestVersion, Data: o})
	return err
}

// withdrawOwnObjection is withdraw_objection fired on the request: it
// withdraws the actor's State's live objection. Without one, the engine
// gives the refusal (not a State party, not objected, or no objection of
// this State).
func (s *Service) withdrawOwnObjection(ctx context.Context, tx *gorm.DB, actor accord.Actor, rs workflow.Subject, in TransitionInput) error {
	o, err := liveObjectionOf(ctx, tx, rs.ID, actor.Country)
	if err != nil {
		return err
	}
	if o == nil || !actor.Is(accord.RoleStateParty) {
		_, err := s.engine.Fire(ctx, tx, s.requests, actor, rs,
			workflow.Request{Event: in.Event, Comment: in.Comment, Version: in.Version})
		return err
	}
	return s.withdraw(ctx, tx, actor, o.WorkflowSubject(), in.Comment, 0, in.Version)
}

// loadObjection reads an objection and its request, refusing with not
// found when the actor may not see them. lock holds the objection's row
// (PostgreSQL) until the transaction ends.
func (s *Service) loadObjection(ctx context.Context, tx *gorm.DB, actor accord.Actor, id string, lock bool) (workflow.Subject, *Request, error) {
	if lock && s.db.IsPostgres() {
		if uuid.Validate(id) != nil {
			return workflow.Subject{}, nil, accord.NotFound("objection")
		}
		if err := tx.Clauses(clause.Locking{Strength: "UPDATE"}).Select("id").Take(&Objection{}, "id = ?", id).Error; err != nil && !store.IsNotFound(err) {
			return workflow.Subject{}, nil, fmt.Errorf("lock objection: %w", err)
		}
	}
	subj, err := s.objections.Load(ctx, tx, id)
	if err != nil {
		return workflow.Subject{}, nil, err
	}
	o := subj.Value.(*Objection)
	r, err := requestByID(ctx, tx, o.AccreditationRequestID)
	if err != nil {
		return workflow.Subject{}, nil, err
	}
	if err := s.authz.Check(ctx, actor, KindObjection, auth.ActionRead, &ObjectionAccess{Objection: o, Request: r}); err != nil {
		return workflow.Subject{}, nil, err
	}
	return subj, r, nil
}

func (s *Service) objectionView(ctx context.Context, tx *gorm.DB, actor accord.Actor, id string) (*ObjectionView, error) {
	subj, r, err := s.loadObjection(ctx, tx, actor, id, false)
	if err != nil {
		return nil, err
	}
	return s.viewOf(ctx, tx, actor, subj.Value.(*Objection), r)
}

func (s *Service) viewOf(ctx context.Context, tx *gorm.DB, actor accord.Actor, o *Objection, r *Request) (*ObjectionView, error) {
	if err := s.authz.Check(ctx, actor, KindObjection, auth.ActionRead, &ObjectionAccess{Objection: o, Request: r}); err != nil {
		return nil, err
	}
	replies := []Reply{}
	if err := tx.WithContext(ctx).Where("objection_id = ?", o.ID).Order("created_at, id").Find(&replies).Error; err != nil {
		return nil, fmt.Errorf("replies: %w", err)
	}
	return &ObjectionView{
		Objection:     *o,
		AllowedEvents: s.engine.Allowed(ctx, tx, s.objections, actor, o.WorkflowSubject()),
		Replies:       replies,
	}, nil
}
