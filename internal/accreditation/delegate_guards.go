package accreditation

import (
	"context"
	"errors"

	"github.com/accord-coalition/accord/internal/accord"
	"github.com/accord-coalition/accord/internal/auth"
	"github.com/accord-coalition/accord/internal/workflow"
)

// delegateMachine is DelegateMachine with this service's checks and
// effects attached.
func (s *Service) delegateMachine() *workflow.Machine {
	authorize := s.authorizeDelegateEvent
	return workflow.WithRules(DelegateMachine(), workflow.Rules{
		"confirm":     {Authorize: authorize},
		"issue_badge": {Authorize: authorize, Guard: guardAccredited},
		"check_in":    {Authorize: authorize, Guard: guardAccredited, Effect: stampCheckedIn},
		"replace":     {Authorize: authorize, Guard: guardNominationsOpen, Effect: s.nominateReplacement},
		"cancel":      {Authorize: authorize},
	})
}

func delegateOf(f *workflow.Firing) *Delegate { return f.Subject.Value.(*Delegate) }

func (s *Service) authorizeDelegateEvent(ctx context.Context, f *workflow.Firing) error {
	d := delegateOf(f)
	r, err := requestByID(ctx, f.Tx, d.AccreditationRequestID)
	if err != nil {
		return err
	}
	return s.authz.Check(ctx, f.Actor, KindDelegate, auth.Action(f.Request.Event), &DelegateAccess{Delegate: d, Request: r})
}

// guardAccredited: nominations may come from submission on, but a badge —
// and so entry — only once the organisation is accredited.
func guardAccredited(ctx context.Context, f *workflow.Firing) error {
	r, err := requestByID(ctx, f.Tx, delegateOf(f).AccreditationRequestID)
	if err != nil {
		return err
	}
	if r.State != RequestAccredited {
		return accord.Invalid("the organisation is not accredited to the conference",
			accord.Field("accreditation_request_id", "the request is "+r.State))
	}
	return nil
}

// guardNominationsOpen: a replacement is a nomination, so it closes at the
// cut-off too.
func guardNominationsOpen(ctx context.Context, f *workflow.Firing) error {
	r, err := requestByID(ctx, f.Tx, delegateOf(f).AccreditationRequestID)
	if err != nil {
		return err
	}
	conf, err := conferenceByID(ctx, f.Tx, r.ConferenceID)
	if err != nil {
		return err
	}
	return nominationsOpen(conf, f.Now)
}

func stampCheckedIn(ctx context.Context, f *workflow.Firing) error {
	return f.Tx.WithContext(ctx).Model(&Delegate{}).Where("id = ?", delegateOf(f).ID).
		UpdateColumn("checked_in_at", f.Now).Error
}

// nominateReplacement nominates, in the replaced delegate's transaction,
// the person the replace event carries.
func (s *Service) nominateReplacement(ctx context.Context, f *workflow.Firing) error {
	in, ok := f.Request.Data.(*DelegateInput)
	if !ok || in == nil {
		return errors.New("replace fired without the replacement")
	}
	old := delegateOf(f)
	r, err := requestByID(ctx, f.Tx, old.AccreditationRequestID)
	if err != nil {
		return err
	}
	d, err := s.insertDelegate(ctx, f.Tx, f.Actor, r, in, &old.ID)
	if err != nil {
		return err
	}
	f.AuditData = map[string]any{"replacement_id": d.ID}
	return nil
}
