package accreditation

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/audit"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/store"
	"github.com/accord-coalition/accord/internal/workflow"
)

// DelegateView is a delegate as a caller sees it. The passport number is
// never in it: only its last characters, as passport_hint.
type DelegateView struct {
	Delegate
	AllowedEvents []string `json:"allowed_events"`
	// Replacement is the delegate nominated instead, after replace.
	Replacement *DelegateView `json:"replacement,omitempty"`
}

// DelegateTransitionInput is a transition on a delegate; replace carries
// the replacement's nomination.
type DelegateTransitionInput struct {
	TransitionInput
	Replacement *DelegateInput `json:"replacement,omitempty"`
}

// liveDelegateStates count against a conference's maximum of delegates per
// organisation. A delegate who has checked in still took a place.
var liveDelegateStates = []string{DelegateNominated, DelegateConfirmed, DelegateBadgeIssued, DelegateCheckedIn}

// nominableStates are the request states in which delegates may be
// nominated: from submission on, so that visas can be sought while the
// procedure runs, until an outcome shuts the organisation out. Badges wait
// for accreditation (guardAccredited).
var nominableStates = []string{RequestSubmitted, RequestChangesRequested, RequestScreened,
	RequestCirculated, RequestObjected, RequestReferred, RequestAccredited}

// Nominate adds a delegate to a request, before the conference's
// nomination cut-off and within its maximum per organisation.
func (s *Service) Nominate(ctx context.Context, actor accord.Actor, requestID string, in DelegateInput) (*DelegateView, error) {
	var view *DelegateView
	err := s.db.Transaction(ctx, func(tx *gorm.DB) error {
		subj, err := s.loadRequest(ctx, tx, actor, requestID)
		if err != nil {
			return err
		}
		r := subj.Value.(*Request)
		if err := s.authz.Check(ctx, actor, KindDelegate, auth.ActionCreate, &DelegateAccess{Request: r}); err != nil {
			return err
		}
		// Two nominations at once must not both fit under the maximum:
		// PostgreSQL holds the request's row; SQLite has one writer.
		if s.db.IsPostgres() {
			if err := tx.Clauses(clause.Locking{Strength: "UPDATE"}).Select("id").Take(&Request{}, "id = ?", r.ID).Error; err != nil {
				return fmt.Errorf("lock request: %w", err)
			}
		}
		if !slices.Contains(nominableStates, r.State) {
			return accord.Conflict("delegates cannot be nominated while the request is %s", r.State)
		}
		conf, err := conferenceByID(ctx, tx, r.ConferenceID)
		if err != nil {
			return err
		}
		if err := nominationsOpen(conf, s.now()); err != nil {
			return err
		}
		in.normalize()
		if err := in.check(ctx, tx, conf, ""); err != nil {
			return err
		}
		var live int64
		err = tx.Model(&Delegate{}).Where("accreditation_request_id = ? AND state IN ?", r.ID, liveDelegateStates).Count(&live).Error
		if err != nil {
			return fmt.Errorf("count delegates: %w", err)
		}
		if int(live) >= conf.MaxDelegates {
			return accord.Invalid(fmt.Sprintf("%s admits at most %d delegates per organisation", conf.Code, conf.MaxDelegates),
				accord.Field("accreditation_request_id", "the maximum of delegates is reached: cancel or replace one"))
		}
		d, event, err := s.createDelegate(ctx, tx, actor, r, &in, nil)
		if err != nil {
			return err
		}
		if err := s.tellDesk(ctx, tx, DeskNoticeNominated, r); err != nil {
			return err
		}
		if view, err = s.delegateView(ctx, tx, actor, d.ID); err != nil {
			return err
		}
		// Recorded last, just before the commit: appending locks the audit
		// chain's head, which every audited write in Accord waits for, so
		// nothing else of this transaction runs while it is held.
		return audit.Append(ctx, tx, event)
	})
	if err != nil {
		return nil, wrap("nominate delegate", err)
	}
	return view, nil
}

// nominationsOpen refuses after the conference's nomination cut-off.
func nominationsOpen(conf *Conference, now time.Time) error {
	if !now.Before(conf.NominationCutoffAt) {
		return accord.Invalid("nominations are closed",
			accord.Field("nomination_cutoff_at", "nominations closed at "+conf.NominationCutoffAt.Format(mailTime)))
	}
	return nil
}

// insertDelegate writes a nomination, the passport number sealed, and
// records it.
func (s *Service) insertDelegate(ctx context.Context, tx *gorm.DB, actor accord.Actor, r *Request, in *DelegateInput, replaces *string) (*Delegate, error) {
	d, event, err := s.createDelegate(ctx, tx, actor, r, in, replaces)
	if err != nil {
		return nil, err
	}
	if err := audit.Append(ctx, tx, event); err != nil {
		return nil, err
	}
	return d, nil
}

// createDelegate writes a nomination, the passport number sealed, and
// returns the audit event that records it, for the caller to append.
func (s *Service) createDelegate(ctx context.Context, tx *gorm.DB, actor accord.Actor, r *Request, in *DelegateInput, replaces *string) (*Delegate, *audit.Event, error) {
	now := s.now()
	d := &Delegate{
		ID: uuid.NewString(), AccreditationRequestID: r.ID, State: DelegateNominated, Version: 1,
		GivenName: in.GivenName, FamilyName: in.FamilyName,
		GivenNameOriginal: in.GivenNameOriginal, FamilyNameOriginal: in.FamilyNameOriginal,
		Title: in.Title, OrganizationRole: in.OrganizationRole, Gender: in.Gender, Nationality: in.Nationality,
		PassportExpiry: in.PassportExpiry, Email: in.Email, NeedsVisaLetter: in.NeedsVisaLetter,
		ReplacesID: replaces, CreatedAt: now, UpdatedAt: now,
	}
	if in.PassportNumber != "" {
		sealed, err := s.passports.seal(d.ID, in.PassportNumber)
		if err != nil {
			return nil, nil, err
		}
		d.PassportNumberEnc, d.PassportHint = sealed, passportHint(in.PassportNumber)
		d.PassportKey = s.passports.identity(in.PassportNumber)
		if err := passportFree(ctx, tx, r, d.PassportKey); err != nil {
			return nil, nil, err
		}
	}
	d.ConferenceID = &r.ConferenceID
	create := tx.WithContext(ctx)
	if d.PassportKey == nil {
		// SQLite's driver stores a nil []byte as an empty blob, not NULL,
		// and the unique index over passport keys skips only NULLs: a
		// nomination without a passport number leaves the column out.
		create = create.Omit("PassportKey")
	}
	if err := create.Create(d).Error; err != nil {
		if store.IsDuplicate(err) {
			return nil, nil, errPassportTaken(false)
		}
		return nil, nil, fmt.Errorf("insert delegate: %w", err)
	}
	data := map[string]any{"accreditation_request_id": r.ID}
	if replaces != nil {
		data["replaces_id"] = *replaces
	}
	return d, &audit.Event{
		EntityType: s.delegates.Name, EntityID: d.ID, Event: "nominate", ToState: DelegateNominated,
		ActorID: actor.UserID, ActorRole: string(actor.Role), RequestID: actor.RequestID, OccurredAt: now, Data: data,
	}, nil
}

// ListDelegates lists a request's delegates, in nomination order.
func (s *Service) ListDelegates(ctx context.Context, actor accord.Actor, requestID string) ([]DelegateView, error) {
	out := []DelegateView{}
	err := s.db.Transaction(ctx, func(tx *gorm.DB) error {
		subj, err := s.loadRequest(ctx, tx, actor, requestID)
		if err != nil {
			return err
		}
		r := subj.Value.(*Request)
		if err := s.authz.Check(ctx, actor, KindDelegate, auth.ActionRead, &DelegateAccess{Request: r}); err != nil {
			return err
		}
		var ds []Delegate
		if err := tx.Where("accreditation_request_id = ?", r.ID).Order("created_at, id").Find(&ds).Error; err != nil {
			return fmt.Errorf("list delegates: %w", err)
		}
		for i := range ds {
			d := &ds[i]
			if err := s.authz.Check(ctx, actor, KindDelegate, auth.ActionRead, &DelegateAccess{Delegate: d, Request: r}); err != nil {
				return err
			}
			out = append(out, DelegateView{Delegate: *d, AllowedEvents: s.engine.Allowed(ctx, tx, s.delegates, actor, d.WorkflowSubject())})
		}
		return nil
	})
	if err != nil {
		return nil, wrap("list delegates", err)
	}
	return out, nil
}

// GetDelegate returns one delegate the actor may see.
func (s *Service) GetDelegate(ctx context.Context, actor accord.Actor, id string) (*DelegateView, error) {
	var view *DelegateView
	err := s.db.Transaction(ctx, func(tx *gorm.DB) error {
		var err error
		view, err = s.delegateView(ctx, tx, actor, id)
		return err
	})
	return view, wrap("get delegate", err)
}

// FireDelegate fires an event on a delegate. replace nominates the
// replacement in the same transaction, so the organisation never holds a
// place for two people nor loses it in between.
func (s *Service) FireDelegate(ctx context.Context, actor accord.Actor, id string, in DelegateTransitionInput) (*DelegateView, error) {
	var view *DelegateView
	err := s.db.Transaction(ctx, func(tx *gorm.DB) error {
		subj, r, err := s.loadDelegate(ctx, tx, actor, id)
		if err != nil {
			return err
		}
		if err := in.Check(); err != nil {
			return err
		}
		req := in.Request()
		if in.Event == "replace" {
			if err := s.authz.Check(ctx, actor, KindDelegate, "replace", &DelegateAccess{Delegate: subj.Value.(*Delegate), Request: r}); err != nil {
				return err
			}
			if in.Replacement == nil {
				return accord.Invalid("replace names the delegate nominated instead",
					accord.Field("replacement", "required"))
			}
			conf, err := conferenceByID(ctx, tx, r.ConferenceID)
			if err != nil {
				return err
			}
			in.Replacement.normalize()
			if err := in.Replacement.check(ctx, tx, conf, "replacement."); err != nil {
				return err
			}
			req.Data = in.Replacement
		}
		if _, err := s.engine.Fire(ctx, tx, s.delegates, actor, subj, req); err != nil {
			return err
		}
		view, err = s.delegateView(ctx, tx, actor, id)
		if err != nil || in.Event != "replace" {
			return err
		}
		var next Delegate
		if err := tx.Take(&next, "replaces_id = ?", id).Error; err != nil {
			return fmt.Errorf("load replacement: %w", err)
		}
		view.Replacement, err = s.delegateView(ctx, tx, actor, next.ID)
		return err
	})
	if err != nil {
		return nil, wrap("fire delegate event", err)
	}
	return view, nil
}

// loadDelegate reads a delegate and its request, refusing with not found
// when the actor may not see them.
func (s *Service) loadDelegate(ctx context.Context, tx *gorm.DB, actor accord.Actor, id string) (workflow.Subject, *Request, error) {
	subj, err := s.delegates.Load(ctx, tx, id)
	if err != nil {
		return workflow.Subject{}, nil, err
	}
	d := subj.Value.(*Delegate)
	r, err := requestByID(ctx, tx, d.AccreditationRequestID)
	if err != nil {
		return workflow.Subject{}, nil, err
	}
	if err := s.authz.Check(ctx, actor, KindDelegate, auth.ActionRead, &DelegateAccess{Delegate: d, Request: r}); err != nil {
		return workflow.Subject{}, nil, err
	}
	return subj, r, nil
}

func (s *Service) delegateView(ctx context.Context, tx *gorm.DB, actor accord.Actor, id string) (*DelegateView, error) {
	subj, _, err := s.loadDelegate(ctx, tx, actor, id)
	if err != nil {
		return nil, err
	}
	return &DelegateView{Delegate: *subj.Value.(*Delegate), AllowedEvents: s.engine.Allowed(ctx, tx, s.delegates, actor, subj)}, nil
}
